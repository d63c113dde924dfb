import type { DateTime } from "luxon";

// How a conversation is named outside the thread: rows of the sidebar, the systray, the panel's selector.

/** The parts of a conversation these labels read (a structural type: no API import in domain/). */
export interface Labelled {
    name: string;
    phone: string | null;
    username: string | null;
    window_expires_at: DateTime | null;
}

/** The customer's number, or their WhatsApp username when they hide it. */
export function conversationHandle(conversation: Labelled): string {
    return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
}

/** Up to two initials, for rows without an avatar. */
export function initials(name: string): string {
    return (
        name
            .trim()
            .split(/\s+/)
            .slice(0, 2)
            .map((word) => word.charAt(0).toUpperCase())
            .join("") || "?"
    );
}

/** Whether free messages may be sent now (the 24-hour window). */
export function windowOpen(conversation: Labelled, now: DateTime): boolean {
    return Boolean(conversation.window_expires_at && conversation.window_expires_at > now);
}

/** "99+" from 100 on: the server stops counting there. */
export function counterLabel(count: number): string {
    return count >= 100 ? "99+" : String(count);
}
