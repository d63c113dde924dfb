import { Component, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { SidebarCategory } from "../components/sidebar_category/sidebar_category";
import { discussWhatsApp } from "./discuss_state";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { openInInbox } from "./open_conversation";

interface MailStore {
    discuss: { isSidebarCompact: boolean; thread: unknown };
}

/**
 * The "WhatsApp" category in Discuss's sidebar, through the registry mail and im_livechat use for
 * theirs (`mail.discuss_sidebar_items`, Odoo 17 to 19). It reads Discuss's compact flag and opens
 * conversations in Discuss's main area when the adapter is there, in the inbox otherwise.
 */
export class DiscussSidebarWhatsApp extends Component {
    static template = "cusoft_whatsapp.DiscussSidebarWhatsApp";
    static components = { SidebarCategory };
    static props = {};

    services!: EverywhereServices | null;
    mailStore!: MailStore;
    discussState!: typeof discussWhatsApp;
    action!: { doAction(action: unknown, options?: unknown): Promise<unknown> };

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.mailStore = useState(useService("mail.store") as MailStore);
        this.discussState = useState(discussWhatsApp);
        this.action = useService("action");
    }

    get activeConversationId(): number | undefined {
        return (!this.mailStore.discuss.thread && this.discussState.conversationId) || undefined;
    }

    open(conversationId: number): void {
        if (this.discussState.show) {
            this.discussState.show(conversationId);
        } else {
            void openInInbox(this.action, conversationId);
        }
    }
}

export function registerDiscussSidebar(): void {
    // After the mailboxes (20) and Discuss's channels and chats (30).
    registry.category("mail.discuss_sidebar_items").add("cusoft_whatsapp", DiscussSidebarWhatsApp, { sequence: 40 });
}
