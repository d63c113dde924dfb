import { reactive } from "@odoo/owl";

// Which WhatsApp conversation Discuss's main area shows. Shared by the Discuss adapter
// (discuss_main_area.ts), the sidebar category and whoever opens a conversation.

/** Discuss's URL parameter for our conversations (`?active_id=cusoft_whatsapp.conversation_7`). */
export const ACTIVE_ID_PREFIX = "cusoft_whatsapp.conversation_";

export interface DiscussWhatsAppState {
    /** The conversation last opened in Discuss; hidden while a Discuss thread is shown. */
    conversationId: number | null;
    /**
     * Set while a Discuss with our adapter is on screen (desktop, with its sidebar): only then can a
     * conversation open in its main area; elsewhere it opens in the inbox.
     */
    show: ((conversationId: number) => void) | null;
}

export const discussWhatsApp = reactive<DiscussWhatsAppState>({ conversationId: null, show: null });

export function activeIdOf(conversationId: number): string {
    return `${ACTIVE_ID_PREFIX}${conversationId}`;
}

/** The conversation id of a Discuss `active_id`, or null when it is one of Discuss's own threads. */
export function conversationIdOf(activeId: unknown): number | null {
    if (typeof activeId !== "string" || !activeId.startsWith(ACTIVE_ID_PREFIX)) {
        return null;
    }
    const id = Number(activeId.slice(ACTIVE_ID_PREFIX.length));
    return Number.isInteger(id) && id > 0 ? id : null;
}
