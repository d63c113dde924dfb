import { Component, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import type { Conversation } from "../../api/schemas/chat";
import { conversationHandle } from "../../domain/conversation_label";
import { _t } from "../../i18n/translate";
import type { InboxStore } from "../../services/inbox_contract";
import { plainError } from "../../services/plain_error";
import { ThreadPane } from "../thread_pane/thread_pane";

export interface ChatPanelProps {
    store: InboxStore;
    /** The record's conversations (a contact's, a lead's), newest activity first. */
    load: () => Promise<Conversation[]>;
    /** Changes when the form shows another record: the panel loads again. */
    recordKey: string;
}

interface PanelState {
    status: "loading" | "ready" | "error";
    conversations: Conversation[];
    selectedId: number | null;
    error: string;
}

/**
 * The chat embedded in a form (contact, lead): nothing but a short sentence without a
 * conversation, the thread and composer with one, and a selector first when the record talks to
 * us from several numbers (or to several of our numbers).
 */
export class ChatPanel extends Component<ChatPanelProps> {
    static template = "cusoft_whatsapp.ChatPanel";
    static props = { store: Object, load: Function, recordKey: String };
    static components = { ThreadPane };

    state!: PanelState;

    setup(): void {
        this.state = useState<PanelState>({ status: "loading", conversations: [], selectedId: null, error: "" });
        onWillStart(() => this.reload(this.props));
        onWillUpdateProps((next: ChatPanelProps) => (next.recordKey !== this.props.recordKey ? this.reload(next) : undefined));
    }

    async reload(props: ChatPanelProps): Promise<void> {
        this.state.status = "loading";
        try {
            const conversations = await props.load();
            this.state.conversations = conversations;
            this.state.selectedId = conversations[0]?.id ?? null;
            this.state.status = "ready";
        } catch (error) {
            this.state.error = plainError(error);
            this.state.status = "error";
        }
    }

    optionLabel(conversation: Conversation): string {
        const handle = conversationHandle(conversation);
        return handle && handle !== conversation.name ? `${handle} · ${conversation.name}` : conversation.name;
    }

    get selectorLabel(): string {
        return _t("WhatsApp conversation");
    }

    select(event: Event): void {
        this.state.selectedId = Number((event.target as HTMLSelectElement).value);
    }
}
