import { Component, useState } from "@odoo/owl";
import { Dropdown } from "@web/core/dropdown/dropdown";
import { useDropdownState } from "@web/core/dropdown/dropdown_hooks";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useDiscussSystray } from "@mail/utils/common/hooks";
import { AttentionList } from "../components/attention_list/attention_list";
import { counterLabel } from "../domain/conversation_label";
import type { AttentionState } from "../services/attention_store";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { openInInbox, useOpenConversation } from "./open_conversation";

/**
 * A systray entry of its own, beside Discuss's messaging menu and the activities, rather than rows
 * inside the messaging menu: customers waiting are not colleagues chatting, and a separate counter
 * tells them apart at a glance (as the activities menu does for to-dos). It also depends on nothing
 * but the systray registry and web's Dropdown, where the messaging menu's rows and counter are
 * internals that changed in each of Odoo 17, 18 and 19. It borrows the messaging menu's look
 * (`useDiscussSystray` classes, same row layout).
 */
export class WhatsAppSystray extends Component {
    static template = "cusoft_whatsapp.Systray";
    static components = { Dropdown, AttentionList };
    static props = {};

    services!: EverywhereServices | null;
    attention!: AttentionState | null;
    dropdown!: ReturnType<typeof useDropdownState>;
    discussSystray!: ReturnType<typeof useDiscussSystray>;
    openConversation!: (conversationId: number) => Promise<unknown>;
    action!: { doAction(action: unknown, options?: unknown): Promise<unknown> };

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.attention = this.services ? useState(this.services.attention.state) : null;
        this.dropdown = useDropdownState();
        this.discussSystray = useDiscussSystray();
        this.openConversation = useOpenConversation();
        this.action = useService("action");
        void this.services?.attention.start();
    }

    get counter(): string {
        return this.attention?.count ? counterLabel(this.attention.count) : "";
    }

    beforeOpen(): Promise<void> | undefined {
        return this.services?.attention.refresh();
    }

    open(conversationId: number): void {
        this.dropdown.close();
        void this.openConversation(conversationId);
    }

    openInbox(): void {
        this.dropdown.close();
        void openInInbox(this.action, null);
    }
}

export function registerSystray(): void {
    // Between the activities (20) and Discuss's messaging menu (25), so chats sit together.
    registry.category("systray").add("cusoft_whatsapp.attention", { Component: WhatsAppSystray }, { sequence: 24 });
}
