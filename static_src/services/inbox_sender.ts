import type { ChatApi, SendParams } from "../api/chat_client";
import type { ChatMessage } from "../api/schemas/chat";
import { _t } from "../i18n/translate";
import { newClientId } from "./client_id";
import { plainError, putMessage, updateMessage, type InboxState } from "./inbox_state";
import { optimisticMessage, PendingSends, type PendingSend } from "./pending_sends";

export interface SenderHooks {
    /** Brings a thread that left the bottom (a jump to a quote) back to its newest page. */
    loadNewest(conversationId: number): Promise<void>;
    /** The server accepted a send: the list's row can show it as the last message. */
    sent(message: ChatMessage): void;
}

/**
 * The store's sends: optimistic messages with a negative id, one client id per send reused by its
 * retries (the server answers the first message instead of sending twice), refusals in plain words,
 * reactions shown at once and undone when refused.
 */
export class InboxSender {
    private readonly pending = new PendingSends();
    private readonly retrying = new Map<number, Promise<void>>();
    private readonly reacting = new Map<number, { emoji: string; done: Promise<void> }>();

    constructor(
        private readonly api: ChatApi,
        private readonly state: InboxState,
        private readonly author: { id: number; name: string },
        private readonly hooks: SenderHooks
    ) {}

    sendText(conversationId: number, body: string, replyToId: number | null = null): Promise<void> {
        const text = body.trim();
        if (!text) {
            return Promise.resolve();
        }
        const params: SendParams = { kind: "text", body: text, replyToId };
        // A second Enter or click before the first answer is the same send, not a new one.
        const twin = this.pending.findInFlight(conversationId, params);
        if (twin?.inFlight) {
            return twin.inFlight;
        }
        this.state.drafts[conversationId] = "";
        return this.start(this.pending.create(conversationId, params), replyToId);
    }

    sendFile(conversationId: number, file: File, caption = "", replyToId: number | null = null): Promise<void> {
        // attachmentId 0: not uploaded yet; set once uploaded, so a retry does not upload again.
        const params: SendParams = { kind: "media", attachmentId: 0, caption: caption.trim() || null, replyToId };
        return this.start(this.pending.create(conversationId, params, file), replyToId);
    }

    private start(pending: PendingSend, replyToId: number | null): Promise<void> {
        const thread = this.state.threads[pending.conversationId];
        if (thread) {
            const replyTo = replyToId ? thread.messages.find((m) => m.id === replyToId) : undefined;
            thread.messages = [...thread.messages, optimisticMessage(pending, this.author, replyTo, pending.file)];
            if (thread.hasNewer) {
                // The user wants to see what they sent: back to the bottom of the conversation.
                void this.hooks.loadNewest(pending.conversationId);
            }
        }
        return this.deliver(pending);
    }

    /** Sends (or sends again) a pending send with its one client id. */
    private deliver(pending: PendingSend): Promise<void> {
        const run = async (): Promise<void> => {
            const conversationId = pending.conversationId;
            try {
                if (pending.file && pending.params.kind === "media" && !pending.params.attachmentId) {
                    const uploaded = await this.api.uploadFile(conversationId, pending.file);
                    pending.params = { ...pending.params, attachmentId: uploaded.id };
                }
                const message = await this.api.send(conversationId, pending.clientId, pending.params);
                this.pending.done(pending);
                putMessage(this.state, conversationId, pending.tempId, message);
                this.state.refusals[conversationId] = undefined;
                this.hooks.sent(message);
            } catch (error) {
                const text = plainError(error);
                this.state.refusals[conversationId] = { conversationId, clientId: pending.clientId, message: text };
                updateMessage(this.state, conversationId, pending.tempId, (m) => ({
                    ...m,
                    state: "failed",
                    error: {
                        kind: "internal",
                        code: null,
                        title: null,
                        explanation: text,
                        fix: _t("Retry when you are ready: the message will not be sent twice."),
                        details: null,
                        uncertain: false,
                    },
                }));
            }
        };
        pending.inFlight = run().finally(() => {
            pending.inFlight = null;
        });
        return pending.inFlight;
    }

    retry(messageId: number): Promise<void> {
        if (messageId < 0) {
            // Never reached the server (refused or unreachable): the same send again, same client id.
            const pending = this.pending.byTempId(messageId);
            if (!pending) {
                return Promise.resolve();
            }
            if (pending.inFlight) {
                return pending.inFlight;
            }
            updateMessage(this.state, pending.conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
            return this.deliver(pending);
        }
        const running = this.retrying.get(messageId);
        if (running) {
            return running;
        }
        const conversationId = Object.values(this.state.threads).find((t) => t.messages.some((m) => m.id === messageId))?.conversationId;
        if (conversationId === undefined) {
            return Promise.resolve();
        }
        const before = updateMessage(this.state, conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
        const done = this.api
            .retry(messageId)
            .then((message) => {
                putMessage(this.state, conversationId, messageId, message);
                this.state.refusals[conversationId] = undefined;
            })
            .catch((error: unknown) => {
                if (before) {
                    updateMessage(this.state, conversationId, messageId, () => before);
                }
                this.state.refusals[conversationId] = { conversationId, clientId: before?.client_id ?? "", message: plainError(error) };
            })
            .finally(() => this.retrying.delete(messageId));
        this.retrying.set(messageId, done);
        return done;
    }

    react(conversationId: number, messageId: number, emoji: string): Promise<void> {
        const running = this.reacting.get(messageId);
        if (running && running.emoji === emoji) {
            return running.done;
        }
        const before = updateMessage(this.state, conversationId, messageId, (m) => ({
            ...m,
            reactions: [...m.reactions.filter((r) => r.direction !== "outbound"), ...(emoji ? [{ emoji, direction: "outbound" as const }] : [])],
        }));
        const clientId = newClientId();
        const done = this.api
            .send(conversationId, clientId, { kind: "reaction", messageId, emoji })
            .then(() => {
                this.state.refusals[conversationId] = undefined;
            })
            .catch((error: unknown) => {
                if (before) {
                    updateMessage(this.state, conversationId, messageId, (m) => ({ ...m, reactions: before.reactions }));
                }
                this.state.refusals[conversationId] = { conversationId, clientId, message: plainError(error) };
            })
            .finally(() => {
                if (this.reacting.get(messageId)?.done === done) {
                    this.reacting.delete(messageId);
                }
            });
        this.reacting.set(messageId, { emoji, done });
        return done;
    }
}
