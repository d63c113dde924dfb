import { ApiError } from "../api/api_error";
import type { ChatMessage, Conversation } from "../api/schemas/chat";
import { _t } from "../i18n/translate";
import type { InboxListState, SendRefusal, ThreadState } from "./inbox_contract";
import { replaceMessage } from "./thread_window";

// The store's state and the small helpers its parts (list, threads, sends, bus) share.

export interface InboxState {
    list: InboxListState;
    conversations: Record<number, Conversation>;
    threads: Record<number, ThreadState>;
    drafts: Record<number, string>;
    refusals: Record<number, SendRefusal | undefined>;
    activeConversationId: number | null;
    /** A refused assignment or another action outside a thread, in plain words; the inbox shows it. */
    notice: string | null;
}

/** What the user reads when a call failed: the server's own words, else a plain sentence. */
export function plainError(error: unknown): string {
    return error instanceof ApiError ? error.message : _t("Something went wrong. Try again.");
}

/** Puts the server's `message` in place of message `id` (an optimistic copy or an older state). */
export function putMessage(state: InboxState, conversationId: number, id: number, message: ChatMessage): void {
    const thread = state.threads[conversationId];
    if (thread) {
        thread.messages = replaceMessage(thread.messages, id, message);
    }
}

/** Rewrites one loaded message; returns it as it was, or undefined when it is not loaded. */
export function updateMessage(
    state: InboxState,
    conversationId: number,
    id: number,
    update: (message: ChatMessage) => ChatMessage
): ChatMessage | undefined {
    const thread = state.threads[conversationId];
    const current = thread?.messages.find((m) => m.id === id);
    if (!thread || !current) {
        return undefined;
    }
    thread.messages = thread.messages.map((m) => (m.id === id ? update(m) : m));
    return current;
}
