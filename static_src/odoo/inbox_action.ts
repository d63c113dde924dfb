import { Component, onWillStart } from "@odoo/owl";
import { router } from "@web/core/browser/router";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Inbox, type InboxNumber, type NoNumber } from "../components/inbox/inbox";
import type { SetupChecklistProps } from "../components/setup_checklist/setup_checklist";
import type { WhatsAppInboxStore } from "../services/inbox_store";
import { useOdooChatIntegrations } from "./chat_integrations";
import { INBOX_SERVICE } from "./inbox_service";
import { odooWhatsAppApi } from "./rpc";

interface ActionProps {
    action?: { context?: { params?: Record<string, unknown> } & Record<string, unknown>; params?: Record<string, unknown> };
}

/** The URL's key for the open conversation: /odoo/whatsapp?conversation_id=42 reopens it. */
const URL_KEY = "conversation_id";

/** Client action `cusoft_whatsapp.inbox` at /odoo/whatsapp: the WhatsApp app's first menu. */
export class WhatsAppInboxAction extends Component<ActionProps> {
    static template = "cusoft_whatsapp.WhatsAppInboxAction";
    static components = { Inbox };
    static props = ["*"];

    store!: WhatsAppInboxStore;
    numbers: InboxNumber[] = [];
    noNumber: NoNumber | null = null;
    checklist: SetupChecklistProps | null = null;

    setup(): void {
        this.store = useService(INBOX_SERVICE) as WhatsAppInboxStore;
        const action = useService("action");
        // Odoo's file viewer, emoji picker and contact form for the thread shown beside the list.
        useOdooChatIntegrations();
        onWillStart(async () => {
            // The number filter only needs names; without them the inbox still works, unfiltered.
            try {
                const api = odooWhatsAppApi();
                const overview = await api.overview();
                // An empty inbox is where an administrator lands before the first message: the
                // checklist says what is left, from the Meta app to the first message delivered.
                this.checklist = overview.can_manage ? { api, copy: (text) => navigator.clipboard.writeText(text) } : null;
                this.numbers = overview.accounts.map((a) => ({ id: a.id, name: a.display_phone_number ? `${a.name} (${a.display_phone_number})` : a.name }));
                // The Overview holds the setup checklist and the Connect button.
                this.noNumber = overview.accounts.length ? null : {
                    canManage: overview.can_manage,
                    openSetup: () => void action.doAction("cusoft_whatsapp.cusoft_whatsapp_home_action"),
                };
            } catch {
                this.numbers = [];
            }
        });
    }

    /**
     * `conversation_id` in the action's params or context (links from elsewhere), or in the URL
     * (a reload, a shared link: Odoo hands the URL's state to the action as `context.params`).
     */
    get initialConversationId(): number | null {
        const action = this.props.action;
        const value = action?.params?.[URL_KEY] ?? action?.context?.[URL_KEY] ?? action?.context?.params?.[URL_KEY];
        return typeof value === "number" && value > 0 ? value : null;
    }

    /** Keeps the open conversation in the URL, as Discuss keeps its thread. */
    onOpen(conversationId: number | null): void {
        router.pushState({ [URL_KEY]: conversationId ?? undefined });
    }
}

export function registerInboxAction(): void {
    registry.category("actions").add("cusoft_whatsapp.inbox", WhatsAppInboxAction);
}
