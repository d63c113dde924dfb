import { Component, onMounted, onWillRender, onWillStart, onWillUnmount, onWillUpdateProps, reactive, useRef, useState } from "@odoo/owl";
import type { ChatMessage, Conversation } from "../../api/schemas/chat";
import { serviceWindow, type ServiceWindow } from "../../domain/service_window";
import type { InboxStore } from "../../services/inbox_contract";
import { Composer } from "../composer/composer";
import { MessageList } from "../message_list/message_list";
import { WindowCountdown } from "../window_countdown/window_countdown";
import { ConversationActions } from "../conversation_actions/conversation_actions";
import { initials } from "../../domain/conversation_label";
import { _t } from "../../i18n/translate";
import { chatIntegrations, type ChatIntegrations } from "./chat_integrations";

export interface ThreadPaneProps {
    store: InboxStore;
    conversationId: number;
}

/**
 * One conversation: who it is with, who handles it and how long free messages are allowed
 * (header), its messages, and the composer. Odoo's viewer, emoji picker and the template picker
 * reach it through the env (see chat_integrations.ts), so its props stay the two the inbox gives.
 */
export class ThreadPane extends Component<ThreadPaneProps> {
    static template = "cusoft_whatsapp.ThreadPane";
    static props = {
        store: Object,
        conversationId: Number,
    };
    static components = { MessageList, Composer, WindowCountdown, ConversationActions };

    storeState!: InboxStore["state"];
    integrations!: ChatIntegrations;
    ui!: { replyTo: ChatMessage | null };
    /** Shared with the countdown and the composer, which subscribe to it; the pane only writes it. */
    serviceWindow!: ServiceWindow;
    root!: ReturnType<typeof useRef>;

    setup(): void {
        this.storeState = useState(this.props.store.state);
        this.integrations = chatIntegrations(this.env as Record<string, unknown>);
        this.ui = useState({ replyTo: null as ChatMessage | null });
        this.root = useRef("root");
        this.serviceWindow = reactive(this.computeWindow());
        let timer: ReturnType<typeof setInterval> | undefined;
        onWillStart(() => this.open(this.props.conversationId));
        onWillUpdateProps((next: ThreadPaneProps) => {
            if (next.conversationId !== this.props.conversationId) {
                this.ui.replyTo = null;
                this.open(next.conversationId);
            }
        });
        // The expiry may move (a new customer message) while the pane is shown.
        onWillRender(() => this.tick());
        onMounted(() => {
            timer = setInterval(() => this.tick(), this.integrations.tickMs);
        });
        onWillUnmount(() => clearInterval(timer));
    }

    get conversation(): Conversation | null {
        return this.storeState.conversations[this.props.conversationId] ?? null;
    }

    get subtitle(): string {
        const conversation = this.conversation;
        if (!conversation) {
            return "";
        }
        return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
    }

    get assigneeLabel(): string {
        const assignee = this.conversation?.assignee;
        return assignee ? _t("Assigned to %s", assignee.name) : "";
    }

    get initials(): string {
        return initials(this.conversation?.name ?? "");
    }

    private open(conversationId: number): void {
        const { state } = this.props.store;
        // The inbox usually opened it already; a pane shown on its own opens it itself.
        if (state.activeConversationId !== conversationId || !state.threads[conversationId]) {
            void this.props.store.openConversation(conversationId);
        }
    }

    private computeWindow(conversationId = this.props.conversationId): ServiceWindow {
        const conversation = this.props.store.state.conversations[conversationId];
        return serviceWindow(conversation?.window_expires_at ?? null, this.integrations.now());
    }

    private tick(): void {
        const next = this.computeWindow();
        // Writing only what changed keeps the composer from re-rendering every second.
        for (const key of ["open", "label", "closingSoon"] as const) {
            if (this.serviceWindow[key] !== next[key]) {
                (this.serviceWindow as unknown as Record<string, unknown>)[key] = next[key];
            }
        }
    }

    onReply(message: ChatMessage): void {
        this.ui.replyTo = message;
        this.root.el?.querySelector<HTMLElement>(".o_cusoft_whatsapp_input")?.focus();
    }

    cancelReply(): void {
        this.ui.replyTo = null;
    }
}
