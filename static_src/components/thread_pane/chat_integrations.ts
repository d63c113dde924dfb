import { DateTime } from "luxon";
import type { SharedContact } from "../../domain/message_body";

// What the thread borrows from its host: Odoo's file viewer and emoji picker, the templates'
// picker, contact creation and the clock. Odoo's pieces come from static_src/odoo/chat_integrations.ts
// (the only place importing @web) through the env key below; outside Odoo (tests, a bare page) the
// plain fallbacks keep every button working.

export interface ViewableFile {
    url: string;
    downloadUrl: string;
    name: string;
    mimeType: string;
}

export interface ChatIntegrations {
    /** Opens `file` in a viewer browsing `files`. Fallback: a new tab. */
    openFile(file: ViewableFile, files: ViewableFile[]): void;
    /** Opens an emoji picker next to `target`; null hides the picker buttons. */
    pickEmoji: ((target: HTMLElement, onSelect: (emoji: string) => void) => void) | null;
    /**
     * Hook point of the template picker (built on the `templates` branch): opened by the composer's
     * "Send a template" button, outside the 24-hour window or by choice. Null disables the button.
     */
    openTemplatePicker: ((conversationId: number) => void) | null;
    /** "Create contact" on a shared contact card; null hides the button. */
    createContact: ((contact: SharedContact, conversationId: number) => void) | null;
    /** The clock of the countdown and the day separators, so tests can move time. */
    now(): DateTime;
    /** How often the countdown is recomputed (ms). */
    tickMs: number;
}

/** Key under which a host puts a `Partial<ChatIntegrations>` in the OWL env (`useSubEnv`). */
export const CHAT_INTEGRATIONS_KEY = "cusoftWhatsappChat";

export const plainIntegrations: ChatIntegrations = {
    openFile(file) {
        window.open(file.url, "_blank", "noopener");
    },
    pickEmoji: null,
    openTemplatePicker: null,
    createContact: null,
    now: () => DateTime.now(),
    tickMs: 1000,
};

export function chatIntegrations(env: Record<string, unknown>): ChatIntegrations {
    const given = env[CHAT_INTEGRATIONS_KEY] as Partial<ChatIntegrations> | undefined;
    return { ...plainIntegrations, ...given };
}
