import { Component, useState } from "@odoo/owl";
import { DateTime } from "luxon";
import type { Conversation } from "../../api/schemas/chat";
import { conversationHandle, counterLabel, initials, windowOpen } from "../../domain/conversation_label";
import { _t } from "../../i18n/translate";
import type { SidebarState, SidebarStore } from "../../services/sidebar_store";

export interface SidebarCategoryProps {
    store: SidebarStore;
    /** Discuss's compact sidebar (icons only, names in a tooltip). */
    compact: boolean;
    /** The conversation shown in Discuss's main area, highlighted and kept visible when folded. */
    activeConversationId?: number;
    onOpen: (conversationId: number) => void;
    now?: () => DateTime;
}

/**
 * The "WhatsApp" category of Discuss's sidebar. Plain OWL: the Odoo adapter
 * (odoo/discuss_sidebar.ts) gives it the compact flag and the open callback. Its markup reuses
 * Discuss's own classes so that it looks like the Channels and Direct messages categories.
 */
export class SidebarCategory extends Component<SidebarCategoryProps> {
    static template = "cusoft_whatsapp.SidebarCategory";
    static props = {
        store: Object,
        compact: Boolean,
        activeConversationId: { type: Number, optional: true },
        onOpen: Function,
        now: { type: Function, optional: true },
    };

    sidebar!: SidebarState;

    setup(): void {
        this.sidebar = useState(this.props.store.state);
        void this.props.store.start();
    }

    get counter(): string {
        const counter = this.props.store.counter;
        return counter ? counterLabel(counter) : "";
    }

    /** Folded, the category still shows the open conversation, as Discuss does. */
    get visibleConversations(): Conversation[] {
        const all = this.sidebar.conversations;
        return this.sidebar.open ? all : all.filter((conversation) => conversation.id === this.props.activeConversationId);
    }

    get toggleLabel(): string {
        return this.sidebar.open ? _t("Fold WhatsApp conversations") : _t("Unfold WhatsApp conversations");
    }

    isMine(conversation: Conversation): boolean {
        return this.props.store.isMine(conversation);
    }

    /** The first unassigned row gets a separator from my conversations. */
    startsUnassigned(conversation: Conversation, index: number): boolean {
        const previous = this.visibleConversations[index - 1];
        return !this.isMine(conversation) && (index === 0 || Boolean(previous && this.isMine(previous)));
    }

    handle(conversation: Conversation): string {
        return conversationHandle(conversation);
    }

    initials(conversation: Conversation): string {
        return initials(conversation.name);
    }

    unread(conversation: Conversation): string {
        return conversation.unread_count ? counterLabel(conversation.unread_count) : "";
    }

    windowOpen(conversation: Conversation): boolean {
        return windowOpen(conversation, (this.props.now ?? DateTime.now)());
    }

    windowTitle(conversation: Conversation): string {
        return this.windowOpen(conversation)
            ? _t("Reply window open: free messages allowed")
            : _t("Reply window closed: templates only");
    }

    toggle(): void {
        this.props.store.toggle();
    }
}
