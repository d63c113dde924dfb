import { Component, markRaw, onWillUpdateProps, useRef, useState } from "@odoo/owl";
import type { ChatMessage } from "../../api/schemas/chat";
import { CAPTION_LIMIT, CAPTIONED, checkMedia, formatSize, type MediaKind } from "../../domain/media_limits";
import { _t } from "../../i18n/translate";
import type { InboxStore } from "../../services/inbox_contract";
import type { ChatIntegrations } from "../thread_pane/chat_integrations";

/** WhatsApp's limit for a text message. */
export const TEXT_LIMIT = 4096;
/** The counter appears this close to the limit, so it does not distract before it matters. */
const COUNTER_FROM = TEXT_LIMIT - 296;

export interface ComposerProps {
    store: InboxStore;
    conversationId: number;
    /** Reactive, one object for the pane's life: `open` turns false when the 24-hour window closes. */
    serviceWindow: { open: boolean };
    integrations: ChatIntegrations;
    replyTo: ChatMessage | null;
    onCancelReply: () => void;
}

interface PendingFile {
    file: File;
    kind: MediaKind;
    caption: string;
}

/** Text, emoji, a file with its caption, a quoted reply; or, outside the window, a template. */
export class Composer extends Component<ComposerProps> {
    static template = "cusoft_whatsapp.Composer";
    static props = {
        store: Object,
        conversationId: Number,
        serviceWindow: Object,
        integrations: Object,
        replyTo: { type: [Object, { value: null }] },
        onCancelReply: Function,
    };

    limit = TEXT_LIMIT;
    captionLimit = CAPTION_LIMIT;
    storeState!: InboxStore["state"];
    win!: { open: boolean };
    ui!: { busy: boolean; sendError: string; fileError: string; pending: PendingFile | null; dragging: boolean };
    textarea!: ReturnType<typeof useRef>;
    fileInput!: ReturnType<typeof useRef>;

    setup(): void {
        this.storeState = useState(this.props.store.state);
        this.win = useState(this.props.serviceWindow);
        this.ui = useState({ busy: false, sendError: "", fileError: "", pending: null as PendingFile | null, dragging: false });
        this.textarea = useRef("textarea");
        this.fileInput = useRef("fileInput");
        onWillUpdateProps((next: ComposerProps) => {
            if (next.conversationId !== this.props.conversationId) {
                this.ui.pending = null;
                this.ui.fileError = "";
            }
        });
    }

    get draft(): string {
        return this.storeState.drafts[this.props.conversationId] ?? "";
    }

    get refusal(): string {
        return this.storeState.refusals[this.props.conversationId]?.message ?? "";
    }

    get showCounter(): boolean {
        return this.draft.length >= COUNTER_FROM;
    }

    get tooLong(): boolean {
        return this.draft.length > TEXT_LIMIT;
    }

    get canSend(): boolean {
        if (!this.win.open || this.ui.busy) {
            return false;
        }
        if (this.ui.pending) {
            return this.ui.pending.caption.length <= CAPTION_LIMIT;
        }
        return this.draft.trim().length > 0 && !this.tooLong;
    }

    get pendingLabel(): string {
        const pending = this.ui.pending;
        return pending ? `${pending.file.name} (${formatSize(pending.file.size)})` : "";
    }

    get pendingTakesCaption(): boolean {
        return Boolean(this.ui.pending && CAPTIONED.includes(this.ui.pending.kind));
    }

    get replyLabel(): string {
        return this.props.replyTo?.direction === "inbound" ? _t("Replying to the customer") : _t("Replying to your message");
    }

    onInput(ev: Event): void {
        const value = (ev.target as HTMLTextAreaElement).value;
        this.props.store.setDraft(this.props.conversationId, value);
        if (value.trim()) {
            this.props.store.typing(this.props.conversationId); // the store keeps it to one call per 20 s
        }
    }

    onKeydown(ev: KeyboardEvent): void {
        if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
            ev.preventDefault(); // Enter sends; Shift+Enter keeps the textarea's own new line
            void this.send();
        } else if (ev.key === "Escape" && (this.props.replyTo || this.ui.pending)) {
            ev.preventDefault();
            this.ui.pending = null;
            this.props.onCancelReply();
        }
    }

    async send(): Promise<void> {
        if (!this.canSend) {
            return;
        }
        const conversationId = this.props.conversationId;
        const replyToId = this.props.replyTo?.id ?? null;
        const pending = this.ui.pending;
        // Busy and cleared before awaiting: a second Enter or click while the first is in flight
        // finds nothing to send, so one keystroke is one message.
        this.ui.busy = true;
        this.props.onCancelReply();
        try {
            if (pending) {
                await this.sendPending(conversationId, pending, replyToId);
            } else {
                await this.sendDraft(conversationId, replyToId);
            }
            this.ui.sendError = "";
        } catch {
            this.ui.sendError = _t("Odoo did not answer, so nothing was sent. What you wrote is kept: try again.");
        } finally {
            this.ui.busy = false;
        }
        this.textarea.el?.focus();
    }

    private async sendDraft(conversationId: number, replyToId: number | null): Promise<void> {
        const body = this.draft.trim();
        this.props.store.setDraft(conversationId, "");
        try {
            await this.props.store.sendText(conversationId, body, replyToId);
        } catch (error) {
            // Nothing typed is lost: the text comes back unless something new was typed meanwhile.
            if (!this.storeState.drafts[conversationId]) {
                this.props.store.setDraft(conversationId, body);
            }
            throw error;
        }
    }

    private async sendPending(conversationId: number, pending: PendingFile, replyToId: number | null): Promise<void> {
        this.ui.pending = null;
        try {
            await this.props.store.sendFile(conversationId, pending.file, pending.caption.trim() || undefined, replyToId);
        } catch (error) {
            if (!this.ui.pending && this.props.conversationId === conversationId) {
                this.ui.pending = pending;
            }
            throw error;
        }
    }

    pickEmoji(ev: MouseEvent): void {
        this.props.integrations.pickEmoji?.(ev.currentTarget as HTMLElement, (emoji) => this.insert(emoji));
    }

    insert(text: string): void {
        const el = this.textarea.el as HTMLTextAreaElement | null;
        const draft = this.draft;
        const start = el?.selectionStart ?? draft.length;
        const end = el?.selectionEnd ?? draft.length;
        this.props.store.setDraft(this.props.conversationId, draft.slice(0, start) + text + draft.slice(end));
        if (el) {
            el.focus();
            const caret = start + text.length;
            // After OWL patched the new value in.
            requestAnimationFrame(() => el.setSelectionRange(caret, caret));
        }
    }

    openTemplates(): void {
        this.props.integrations.openTemplatePicker?.(this.props.conversationId);
    }

    // ---- attachments: picked, pasted or dropped, checked before any upload

    chooseFile(): void {
        (this.fileInput.el as HTMLInputElement | null)?.click();
    }

    onFileChosen(ev: Event): void {
        const input = ev.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = ""; // choosing the same file again must fire `change` again
        if (file) {
            this.takeFile(file);
        }
    }

    onPaste(ev: ClipboardEvent): void {
        const file = ev.clipboardData?.files[0];
        if (file) {
            ev.preventDefault();
            this.takeFile(file);
        }
    }

    onDragOver(ev: DragEvent): void {
        if (this.win.open && ev.dataTransfer?.types.includes("Files")) {
            ev.preventDefault();
            this.ui.dragging = true;
        }
    }

    onDragLeave(): void {
        this.ui.dragging = false;
    }

    onDrop(ev: DragEvent): void {
        this.ui.dragging = false;
        const file = ev.dataTransfer?.files[0];
        if (file) {
            ev.preventDefault();
            this.takeFile(file);
        }
    }

    takeFile(file: File): void {
        if (!this.win.open) {
            return;
        }
        const check = checkMedia(file);
        if (!check.ok) {
            this.ui.fileError = check.error;
            this.ui.pending = null;
            return;
        }
        this.ui.fileError = "";
        this.ui.pending = { file: markRaw(file), kind: check.kind, caption: "" };
    }

    onCaptionInput(ev: Event): void {
        if (this.ui.pending) {
            this.ui.pending.caption = (ev.target as HTMLInputElement).value;
        }
    }

    onCaptionKeydown(ev: KeyboardEvent): void {
        if (ev.key === "Enter" && !ev.isComposing) {
            ev.preventDefault();
            void this.send();
        }
    }

    removeFile(): void {
        this.ui.pending = null;
    }
}
