import type { ChatMessage } from "../api/schemas/chat";

// A thread is one contiguous window of the history (ids ascending), followed by the optimistic
// sends not answered yet (negative ids). These pure functions keep it so whatever order pages and
// bus refreshes arrive in.

export interface WindowEdges {
    hasOlder: boolean;
    hasNewer: boolean;
}

function split(messages: ChatMessage[]): { saved: ChatMessage[]; local: ChatMessage[] } {
    return { saved: messages.filter((m) => m.id > 0), local: messages.filter((m) => m.id < 0) };
}

/** The server's messages replace the optimistic copies that carry the same client id. */
function dropAnswered(local: ChatMessage[], saved: ChatMessage[]): ChatMessage[] {
    const answered = new Set(saved.map((m) => m.client_id).filter((id): id is string => !!id));
    return local.filter((m) => !m.client_id || !answered.has(m.client_id));
}

/** `page` is older (before) than the window: it goes on top. */
export function prependPage(messages: ChatMessage[], page: ChatMessage[]): ChatMessage[] {
    const { saved, local } = split(messages);
    const first = saved[0]?.id ?? Infinity;
    return [...page.filter((m) => m.id < first), ...saved, ...local];
}

/** `page` is newer (after) than the window: it goes below, before the local sends. */
export function appendPage(messages: ChatMessage[], page: ChatMessage[]): ChatMessage[] {
    const { saved, local } = split(messages);
    const last = saved[saved.length - 1]?.id ?? 0;
    const merged = [...saved, ...page.filter((m) => m.id > last)];
    return [...merged, ...dropAnswered(local, merged)];
}

/**
 * Messages fetched by id after a bus notification: known ones are replaced (states, reactions,
 * media), new ones join when they fall inside the window or past an edge with nothing beyond it.
 * A message outside the window is left for paging to bring, so the window stays contiguous.
 */
export function mergeMessages(messages: ChatMessage[], incoming: ChatMessage[], edges: WindowEdges): ChatMessage[] {
    const { saved, local } = split(messages);
    const byId = new Map(saved.map((m) => [m.id, m]));
    const first = saved[0]?.id;
    const last = saved[saved.length - 1]?.id;
    for (const message of incoming) {
        const inside =
            byId.has(message.id) ||
            first === undefined ||
            ((message.id > first || !edges.hasOlder) && (message.id < last! || !edges.hasNewer));
        if (inside) {
            byId.set(message.id, message);
        }
    }
    const merged = [...byId.values()].sort((a, b) => a.id - b.id);
    return [...merged, ...dropAnswered(local, merged)];
}

/**
 * Replaces one message (an optimistic copy by its temporary id, or a saved one). When the bus
 * brought the saved message first, the optimistic copy simply goes.
 */
export function replaceMessage(messages: ChatMessage[], id: number, next: ChatMessage): ChatMessage[] {
    const others = messages.filter((m) => m.id !== id && m.id !== next.id);
    const { saved, local } = split(next.id > 0 ? [...others, next] : others);
    saved.sort((a, b) => a.id - b.id);
    if (next.id < 0) {
        const at = messages.findIndex((m) => m.id === id);
        const before = messages.slice(0, Math.max(at, 0)).filter((m) => m.id < 0).length;
        local.splice(before, 0, next);
    }
    return [...saved, ...local];
}
