import type { Conversation, ChatMessage } from "../api/schemas/chat";

// The inbox store's public face: what components may read and call. The store
// (services/inbox_store.ts) implements it over an RPC port and a bus port; components get it
// through props or env and never see the API. Kept apart so the list, the thread and the composer
// can be written and tested against one agreed shape.

/** Server answers parsed by zod; the store keeps them as they are, plus optimistic local sends. */
export type { Conversation, ChatMessage };

export type InboxFilter = "all" | "mine" | "unassigned" | "unread";

/** The conversation list as the user sees it: one filter, one search, pages loaded so far. */
export interface InboxListState {
    filter: InboxFilter;
    /** null: every number; otherwise one account's conversations. */
    accountId: number | null;
    search: string;
    /** Conversation ids in display order (newest activity first). */
    ids: number[];
    hasMore: boolean;
    loading: boolean;
    error: string | null;
}

/**
 * One conversation's loaded messages: a contiguous window of the history, oldest first.
 * Reactions are never rows: they ride on their target (`reactions`).
 * Optimistic sends appear here at once with `id < 0`, `state: "queued"` and their `client_id`,
 * and are replaced by the server's message when it answers.
 */
export interface ThreadState {
    conversationId: number;
    messages: ChatMessage[];
    hasOlder: boolean;
    hasNewer: boolean;
    loading: "initial" | "older" | "newer" | "around" | null;
    /** The current user's read marker (message id). */
    lastReadMessageId: number;
    /** Set after a jump to a quoted message: the component scrolls to it, then clears it. */
    focusMessageId: number | null;
    error: string | null;
}

/** A send the server refused before queueing it (window closed, invalid file…), in plain words. */
export interface SendRefusal {
    conversationId: number;
    clientId: string;
    message: string;
}

export interface InboxStore {
    /** Reactive (OWL `reactive`) state; read it in templates, never write it from components. */
    readonly state: {
        list: InboxListState;
        conversations: Record<number, Conversation>;
        threads: Record<number, ThreadState>;
        /** Per conversation: the composer's unsent text, kept when switching conversations. */
        drafts: Record<number, string>;
        /** Last refusal per conversation, cleared by the next successful send. */
        refusals: Record<number, SendRefusal | undefined>;
        /** The conversation shown in the thread pane, if any. */
        activeConversationId: number | null;
    };

    // ---- the list
    loadList(options?: { filter?: InboxFilter; accountId?: number | null; search?: string }): Promise<void>;
    loadMoreConversations(): Promise<void>;

    // ---- a thread
    /** Loads the newest page (if not loaded), makes it the active conversation and marks it read. */
    openConversation(conversationId: number): Promise<void>;
    closeConversation(): void;
    loadOlder(conversationId: number): Promise<void>;
    loadNewer(conversationId: number): Promise<void>;
    /** Shows the page around `messageId` (jump to a quoted message) and sets `focusMessageId`. */
    jumpToMessage(conversationId: number, messageId: number): Promise<void>;

    // ---- sending (idempotent: each send gets one client id, reused by retries of the same send)
    sendText(conversationId: number, body: string, replyToId?: number | null): Promise<void>;
    /** Uploads `file` through the addon, then sends it with an optional caption. */
    sendFile(conversationId: number, file: File, caption?: string, replyToId?: number | null): Promise<void>;
    /** A message sent outside the composer (a template from the picker): shown at once, the bus may name it again. */
    acceptSent(message: ChatMessage): void;
    /** `emoji` empty removes the reaction. */
    react(conversationId: number, messageId: number, emoji: string): Promise<void>;
    /** Sends a failed outbound message again (same message, new attempt). */
    retry(messageId: number): Promise<void>;
    /** Tells Meta the agent is typing; throttled by the store to one call per 20 s per conversation. */
    typing(conversationId: number): void;
    setDraft(conversationId: number, text: string): void;

    // ---- assignment
    claim(conversationId: number): Promise<void>;
    release(conversationId: number): Promise<void>;
    assign(conversationId: number, userId: number): Promise<void>;
    colleagues(conversationId: number): Promise<{ id: number; name: string }[]>;

    /** The current user's id, for "Mine" and the assignee badge. */
    readonly userId: number;
}

/** How the store hears of server changes: Odoo's bus_service in production, a fake in tests. */
export interface BusPort {
    subscribe(type: string, callback: (payload: unknown) => void): () => void;
}
