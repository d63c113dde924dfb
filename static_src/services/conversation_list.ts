import type { Conversation } from "../api/schemas/chat";
import type { InboxListState } from "./inbox_contract";

// How a conversation the bus names finds its place in the list the user is looking at, without
// reloading the list: the same filters and order as the server's (newest activity first).

/** Whether `conversation` passes the list's filters as far as the client can tell. */
export function passesFilters(conversation: Conversation, list: InboxListState, userId: number): boolean {
    if (list.accountId && conversation.account_id !== list.accountId) {
        return false;
    }
    switch (list.filter) {
        case "mine":
            return conversation.assignee?.id === userId;
        case "unassigned":
            return conversation.assignee === null;
        case "unread":
            return conversation.unread_count > 0;
        case "all":
            return true;
    }
}

function activity(conversation: Conversation): number {
    return conversation.last_message_at?.toMillis() ?? -Infinity;
}

/** The server's order: `(last_message_at, id)` descending, conversations without messages last. */
export function compareConversations(a: Conversation, b: Conversation): number {
    return activity(b) - activity(a) || b.id - a.id;
}

/**
 * The list's ids after `conversation` changed. A search cannot be judged here (it matches message
 * text), so a search list only updates rows it already shows. A row older than the last loaded one
 * is left for paging when more pages exist. `keepId` (the open conversation) never vanishes under
 * the user's eyes, e.g. when reading it takes it out of "Unread".
 */
export function placeInList(
    list: InboxListState,
    conversations: Record<number, Conversation>,
    conversation: Conversation,
    userId: number,
    keepId: number | null
): number[] {
    const shown = list.ids.includes(conversation.id);
    const others = list.ids.filter((id) => id !== conversation.id);
    const belongs = (list.search ? shown : passesFilters(conversation, list, userId)) || (shown && conversation.id === keepId);
    if (!belongs) {
        return others;
    }
    const lastLoaded = others.length ? conversations[others[others.length - 1]!] : undefined;
    if (list.hasMore && lastLoaded && compareConversations(conversation, lastLoaded) > 0 && !shown) {
        return others;
    }
    const at = others.findIndex((id) => {
        const other = conversations[id];
        return other !== undefined && compareConversations(conversation, other) < 0;
    });
    if (at === -1) {
        return [...others, conversation.id];
    }
    return [...others.slice(0, at), conversation.id, ...others.slice(at)];
}
