import { Component, useState } from "@odoo/owl";
import { MessagingMenu } from "@mail/core/public_web/messaging_menu";
import { _t } from "../i18n/translate";
import { patch } from "@web/core/utils/patch";
import { useService } from "@web/core/utils/hooks";
import { AttentionList } from "../components/attention_list/attention_list";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { openInInbox } from "./open_conversation";

// Discuss shows no sidebar on a phone: its messaging menu has tabs (Chat, Channel) instead, and
// this adds "WhatsApp" to them (messaging_menu_tab.xml shows our list in its place).

export const WHATSAPP_TAB = "cusoft_whatsapp";

/** The tab's content: my conversations, then unassigned ones; each opens in the inbox. */
export class MessagingMenuWhatsApp extends Component {
    static template = "cusoft_whatsapp.MessagingMenuWhatsApp";
    static components = { AttentionList };
    static props = {};

    services!: EverywhereServices | null;
    action!: { doAction(action: unknown, options?: unknown): Promise<unknown> };

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.action = useService("action");
        if (this.services) {
            useState(this.services.sidebar.state);
            void this.services.sidebar.start();
        }
    }

    open(conversationId: number | null): void {
        void openInInbox(this.action, conversationId);
    }
}

interface Tab {
    id: string;
    icon: string;
    label: string;
}

export function installMessagingMenuTab(): void {
    const tabs = Object.getOwnPropertyDescriptor(MessagingMenu.prototype, "tabs")!.get!;
    patch(MessagingMenu.prototype, {
        get tabs(): Tab[] {
            const own = tabs.call(this) as Tab[];
            const services = (this as unknown as { env: { services: Record<string, unknown> } }).env.services[EVERYWHERE_SERVICE];
            return services ? [...own, { id: WHATSAPP_TAB, icon: "fa fa-whatsapp", label: _t("WhatsApp") }] : own;
        },
    });
    patch(MessagingMenu, { components: { ...MessagingMenu.components, MessagingMenuWhatsApp } });
}
