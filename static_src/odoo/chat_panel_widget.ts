import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import type { Conversation } from "../api/schemas/chat";
import { ChatPanel } from "../components/chat_panel/chat_panel";
import type { InboxStore } from "../services/inbox_contract";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { useOdooChatIntegrations } from "./chat_integrations";
import { INBOX_SERVICE } from "./inbox_service";

interface WidgetProps {
    record: { resModel: string; resId: number | false };
}

/**
 * `<widget name="cusoft_whatsapp_chat_panel"/>`: the record's WhatsApp chat inside its form. A
 * contact's conversations come from the chat route (`partner_id`), a lead's from the CRM bridge's.
 */
export class ChatPanelWidget extends Component<WidgetProps> {
    static template = "cusoft_whatsapp.ChatPanelWidget";
    static components = { ChatPanel };
    static props = ["*"];

    services!: EverywhereServices | null;
    store!: InboxStore;

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.store = useService(INBOX_SERVICE) as InboxStore;
        // Odoo's file viewer, emoji picker and contact form for the thread, as in the inbox.
        useOdooChatIntegrations();
    }

    get recordKey(): string {
        return `${this.props.record.resModel},${this.props.record.resId}`;
    }

    load(): Promise<Conversation[]> {
        const { resModel, resId } = this.props.record;
        const api = this.services!.api;
        if (!resId) {
            return Promise.resolve([]);
        }
        return resModel === "crm.lead" ? api.leadConversations(resId) : api.partnerConversations(resId);
    }
}

export function registerChatPanelWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_chat_panel", { component: ChatPanelWidget });
}
