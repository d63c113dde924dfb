import { Component, useState } from "@odoo/owl";
import type { ChatMessage } from "../../api/schemas/chat";
import { messageFamily, type MessageFamily, type SharedContact } from "../../domain/message_body";
import { timeLabel } from "../../domain/thread_dates";
import { _t } from "../../i18n/translate";
import type { InboxStore } from "../../services/inbox_contract";
import type { ChatIntegrations, ViewableFile } from "../thread_pane/chat_integrations";
import { ContactsContent } from "../message_content/contacts_content";
import { LocationContent } from "../message_content/location_content";
import { MediaContent } from "../message_content/media_content";
import { NoticeContent } from "../message_content/notice_content";
import { OrderContent } from "../message_content/order_content";
import { ReplyContent } from "../message_content/reply_content";
import { TextContent } from "../message_content/text_content";

/** The reactions one click away; the picker offers the rest. */
export const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

export interface MessageBubbleProps {
    message: ChatMessage;
    store: InboxStore;
    integrations: ChatIntegrations;
    onReply: (message: ChatMessage) => void;
    /** Shows the quoted message (the list scrolls to it, loading it first when needed). */
    onJump: (messageId: number) => void;
    /** The message a jump to a quote landed on: briefly highlighted. */
    highlighted?: boolean;
}

/** One message: its quote, its content by family, time and ticks, reactions, failure and actions. */
export class MessageBubble extends Component<MessageBubbleProps> {
    static template = "cusoft_whatsapp.MessageBubble";
    static props = {
        message: Object,
        store: Object,
        integrations: Object,
        onReply: Function,
        onJump: Function,
        highlighted: { type: Boolean, optional: true },
    };
    static components = { TextContent, MediaContent, LocationContent, ContactsContent, ReplyContent, OrderContent, NoticeContent };

    quickReactions = QUICK_REACTIONS;
    ui!: { retrying: boolean };

    setup(): void {
        this.ui = useState({ retrying: false });
    }

    get message(): ChatMessage {
        return this.props.message;
    }

    get family(): MessageFamily {
        return messageFamily(this.message.type);
    }

    get isMedia(): boolean {
        return ["image", "sticker", "video", "audio", "document"].includes(this.family);
    }

    get time(): string {
        return this.message.timestamp ? timeLabel(this.message.timestamp) : "";
    }

    get isoTime(): string {
        return this.message.timestamp?.toISO() ?? "";
    }

    get tick(): { symbol: string; label: string } | null {
        switch (this.message.state) {
            case "queued":
                return { symbol: "🕓", label: _t("Queued") };
            case "sent":
                return { symbol: "✓", label: _t("Sent") };
            case "delivered":
                return { symbol: "✓✓", label: _t("Delivered") };
            case "read":
                return { symbol: "✓✓", label: _t("Read") };
            default:
                return null;
        }
    }

    /** While Meta throttles us, the message waits for its next attempt: say when. */
    get retryAt(): string {
        const at = this.message.state === "queued" ? this.message.retry_at : null;
        return at ? _t("WhatsApp asked to slow down: next attempt at %s.", timeLabel(at)) : "";
    }

    /** What the agent (outbound) currently shows on this message. */
    get ownReaction(): string {
        return this.message.reactions.find((r) => r.direction === "outbound")?.emoji ?? "";
    }

    get canReact(): boolean {
        return this.message.direction === "inbound" && this.message.id > 0;
    }

    get quoteAuthor(): string {
        return this.message.reply_to?.direction === "inbound" ? _t("Customer") : _t("You");
    }

    react(emoji: string): void {
        // The same emoji again takes the reaction back, as in WhatsApp.
        const next = emoji === this.ownReaction ? "" : emoji;
        void this.props.store.react(this.message.conversation_id, this.message.id, next);
    }

    pickReaction(ev: MouseEvent): void {
        const pick = this.props.integrations.pickEmoji;
        if (pick) {
            pick(ev.currentTarget as HTMLElement, (emoji) => this.react(emoji));
        }
    }

    jumpToQuote(): void {
        const quoted = this.message.reply_to;
        if (quoted) {
            this.props.onJump(quoted.id);
        }
    }

    async retry(): Promise<void> {
        if (this.ui.retrying) {
            return;
        }
        this.ui.retrying = true;
        try {
            await this.props.store.retry(this.message.id);
        } finally {
            this.ui.retrying = false;
        }
    }

    openFile(file: ViewableFile): void {
        this.props.integrations.openFile(file, [file]);
    }

    get createContact(): ((contact: SharedContact) => void) | undefined {
        const create = this.props.integrations.createContact;
        return create ? (contact) => create(contact, this.message.conversation_id) : undefined;
    }
}
