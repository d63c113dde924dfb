import { Component, useState } from "@odoo/owl";
import { DateTime } from "luxon";
import type { Conversation } from "../../api/schemas/chat";
import { conversationHandle, counterLabel, initials } from "../../domain/conversation_label";

/** What the list shows: the systray's "needs me" store, or the sidebar store (mobile Discuss tab). */
export interface ConversationRows {
    readonly state: { conversations: Conversation[]; loaded: boolean; error: string | null };
}

export interface AttentionListProps {
    store: ConversationRows;
    onOpen: (conversationId: number) => void;
    onOpenInbox: () => void;
    now?: () => DateTime;
}

/**
 * The systray dropdown's content: the conversations that need me, newest first, each row like a
 * row of Odoo's messaging menu (avatar, name, last message, time, unread counter).
 */
export class AttentionList extends Component<AttentionListProps> {
    static template = "cusoft_whatsapp.AttentionList";
    static props = {
        store: Object,
        onOpen: Function,
        onOpenInbox: Function,
        now: { type: Function, optional: true },
    };

    attention!: ConversationRows["state"];

    setup(): void {
        this.attention = useState(this.props.store.state);
    }

    initials(conversation: Conversation): string {
        return initials(conversation.name);
    }

    handle(conversation: Conversation): string {
        return conversationHandle(conversation);
    }

    unread(conversation: Conversation): string {
        return conversation.unread_count ? counterLabel(conversation.unread_count) : "";
    }

    /** Today: the time; before: the date, as the messaging menu shows it. */
    when(conversation: Conversation): string {
        const at = conversation.last_message_at?.toLocal();
        if (!at) {
            return "";
        }
        const now = (this.props.now ?? DateTime.now)();
        return at.hasSame(now, "day") ? at.toLocaleString(DateTime.TIME_SIMPLE) : at.toLocaleString(DateTime.DATE_SHORT);
    }
}
