import { reactive } from "@odoo/owl";
import { ApiError } from "../api/api_error";
import type { ChatApi, SendParams } from "../api/chat_client";
import type { ChatMessage, Conversation, MessagePage } from "../api/schemas/chat";
import {
    BUS_CONVERSATION,
    BUS_MESSAGE,
    BUS_READ,
    conversationNotificationSchema,
    messageNotificationSchema,
    readNotificationSchema,
} from "../api/schemas/chat_bus";
import { _t } from "../i18n/translate";
import { browserClock, type Clock } from "./clock";
import { newClientId } from "./client_id";
import { placeInList } from "./conversation_list";
import type { BusPort, InboxFilter, InboxListState, InboxStore, SendRefusal, ThreadState } from "./inbox_contract";
import { optimisticMessage, PendingSends, type PendingSend } from "./pending_sends";
import { appendPage, mergeMessages, prependPage, replaceMessage } from "./thread_window";

/** Meta shows the typing bubble for 25 s; the server refuses more than one call per 20 s anyway. */
export const TYPING_INTERVAL_MS = 20_000;

export interface InboxStoreOptions {
    userId: number;
    /** Shown as the author of optimistic sends until the server answers. */
    userName: string;
    clock?: Clock;
    /** Pause after the last keystroke before searching the server. */
    searchDelayMs?: number;
    /** Bus notifications arriving within this delay are fetched in one call per route. */
    busDelayMs?: number;
    listPageSize?: number;
    threadPageSize?: number;
    /** Whether the user can see the page: new messages are marked read only then. */
    isVisible?: () => boolean;
}

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

/** What the bus named since the last fetch: coalesced so a burst costs one call per route. */
interface BusQueue {
    conversations: Set<number>;
    messages: Map<number, Set<number>>;
    inbound: Set<number>;
}

function emptyQueue(): BusQueue {
    return { conversations: new Set(), messages: new Map(), inbound: new Set() };
}

function plainError(error: unknown): string {
    return error instanceof ApiError ? error.message : _t("Something went wrong. Try again.");
}

/**
 * The inbox's client state over the chat routes and the bus: the conversation list, the loaded
 * threads, unread counts, drafts and optimistic sends. Framework-free but for OWL's `reactive`,
 * so components re-render from `state` and tests drive it with fake ports.
 */
export class WhatsAppInboxStore implements InboxStore {
    readonly state: InboxState;
    readonly userId: number;

    private readonly userName: string;
    private readonly clock: Clock;
    private readonly searchDelayMs: number;
    private readonly busDelayMs: number;
    private readonly listPageSize: number;
    private readonly threadPageSize: number;
    private readonly isVisible: () => boolean;
    private readonly pending = new PendingSends();
    private readonly unsubscribes: (() => void)[];
    /** A newer list request makes older answers stale (filters changed while one was loading). */
    private listGeneration = 0;
    private cursor: string | null = null;
    private searchTimer: number | null = null;
    private busTimer: number | null = null;
    private busQueue = emptyQueue();
    private readonly lastTyping = new Map<number, number>();
    private readonly markingRead = new Map<number, Promise<void>>();
    private readonly retrying = new Map<number, Promise<void>>();
    private readonly reacting = new Map<number, { emoji: string; done: Promise<void> }>();

    constructor(
        private readonly api: ChatApi,
        bus: BusPort,
        options: InboxStoreOptions
    ) {
        this.userId = options.userId;
        this.userName = options.userName;
        this.clock = options.clock ?? browserClock;
        this.searchDelayMs = options.searchDelayMs ?? 300;
        this.busDelayMs = options.busDelayMs ?? 100;
        this.listPageSize = options.listPageSize ?? 40;
        this.threadPageSize = options.threadPageSize ?? 40;
        this.isVisible = options.isVisible ?? (() => document.visibilityState === "visible");
        this.state = reactive<InboxState>({
            list: { filter: "all", accountId: null, search: "", ids: [], hasMore: false, loading: false, error: null },
            conversations: {},
            threads: {},
            drafts: {},
            refusals: {},
            activeConversationId: null,
            notice: null,
        });
        this.unsubscribes = [
            bus.subscribe(BUS_MESSAGE, (payload) => this.onMessageNotification(payload)),
            bus.subscribe(BUS_CONVERSATION, (payload) => this.onConversationNotification(payload)),
            bus.subscribe(BUS_READ, (payload) => this.onReadNotification(payload)),
        ];
    }

    destroy(): void {
        this.unsubscribes.forEach((unsubscribe) => unsubscribe());
        for (const timer of [this.searchTimer, this.busTimer]) {
            if (timer !== null) {
                this.clock.clearTimeout(timer);
            }
        }
    }

    // ------------------------------------------------------------ the list

    async loadList(options: { filter?: InboxFilter; accountId?: number | null; search?: string } = {}): Promise<void> {
        const list = this.state.list;
        if (options.filter !== undefined) {
            list.filter = options.filter;
        }
        if (options.accountId !== undefined) {
            list.accountId = options.accountId;
        }
        if (options.search !== undefined) {
            list.search = options.search;
        }
        this.cancelSearchTimer();
        const generation = ++this.listGeneration;
        list.loading = true;
        list.error = null;
        try {
            const page = await this.api.conversations({
                filter: list.filter,
                accountId: list.accountId,
                search: list.search.trim(),
                limit: this.listPageSize,
            });
            if (generation !== this.listGeneration) {
                return;
            }
            page.conversations.forEach((c) => this.putConversation(c));
            list.ids = page.conversations.map((c) => c.id);
            this.cursor = page.next_cursor;
            list.hasMore = page.next_cursor !== null;
        } catch (error) {
            if (generation === this.listGeneration) {
                list.error = plainError(error);
            }
        } finally {
            if (generation === this.listGeneration) {
                list.loading = false;
            }
        }
    }

    /** The search box: the server is asked once the user pauses typing. */
    setSearch(search: string): void {
        this.state.list.search = search;
        this.cancelSearchTimer();
        this.searchTimer = this.clock.setTimeout(() => {
            this.searchTimer = null;
            void this.loadList();
        }, this.searchDelayMs);
    }

    async loadMoreConversations(): Promise<void> {
        const list = this.state.list;
        if (!list.hasMore || list.loading || !this.cursor) {
            return;
        }
        const generation = this.listGeneration;
        list.loading = true;
        try {
            const page = await this.api.conversations({
                filter: list.filter,
                accountId: list.accountId,
                search: list.search.trim(),
                cursor: this.cursor,
                limit: this.listPageSize,
            });
            if (generation !== this.listGeneration) {
                return;
            }
            page.conversations.forEach((c) => this.putConversation(c));
            // A row the bus already placed in the list is not repeated.
            list.ids = [...list.ids, ...page.conversations.map((c) => c.id).filter((id) => !list.ids.includes(id))];
            this.cursor = page.next_cursor;
            list.hasMore = page.next_cursor !== null;
        } catch (error) {
            if (generation === this.listGeneration) {
                list.error = plainError(error);
            }
        } finally {
            if (generation === this.listGeneration) {
                list.loading = false;
            }
        }
    }

    private cancelSearchTimer(): void {
        if (this.searchTimer !== null) {
            this.clock.clearTimeout(this.searchTimer);
            this.searchTimer = null;
        }
    }

    private putConversation(conversation: Conversation): void {
        this.state.conversations[conversation.id] = conversation;
    }

    /** Fetches given rows again (the server applies the user's rules) and moves them in the list. */
    private async refreshConversations(ids: number[]): Promise<void> {
        const page = await this.api.conversationsByIds(ids);
        const returned = new Set(page.conversations.map((c) => c.id));
        for (const conversation of page.conversations) {
            this.putConversation(conversation);
            this.placeConversation(conversation);
        }
        // Not returned: deleted, or no longer visible to this user.
        const gone = ids.filter((id) => !returned.has(id));
        if (gone.length) {
            this.state.list.ids = this.state.list.ids.filter((id) => !gone.includes(id));
        }
    }

    private placeConversation(conversation: Conversation): void {
        const { list, conversations, activeConversationId } = this.state;
        list.ids = placeInList(list, conversations, conversation, this.userId, activeConversationId);
    }

    // ------------------------------------------------------------ threads

    async openConversation(conversationId: number): Promise<void> {
        this.state.activeConversationId = conversationId;
        const known = conversationId in this.state.conversations;
        const thread = this.state.threads[conversationId];
        await Promise.all([
            !thread || thread.error ? this.loadNewest(conversationId) : Promise.resolve(),
            // Opened from elsewhere (a link, a notification): its row is fetched for the header.
            known ? Promise.resolve() : this.refreshConversations([conversationId]).catch(() => undefined),
        ]);
        if (this.state.activeConversationId === conversationId) {
            await this.markRead(conversationId);
        }
    }

    closeConversation(): void {
        this.state.activeConversationId = null;
    }

    /** Replaces the thread's window with its newest page (the optimistic sends stay below). */
    private async loadNewest(conversationId: number): Promise<void> {
        const thread = this.ensureThread(conversationId);
        thread.loading = "initial";
        thread.error = null;
        try {
            const page = await this.api.messages(conversationId, {}, this.threadPageSize);
            this.applyWindow(thread, page);
        } catch (error) {
            thread.error = plainError(error);
        } finally {
            thread.loading = null;
        }
    }

    private ensureThread(conversationId: number): ThreadState {
        if (!this.state.threads[conversationId]) {
            this.state.threads[conversationId] = {
                conversationId,
                messages: [],
                hasOlder: false,
                hasNewer: false,
                loading: null,
                lastReadMessageId: 0,
                focusMessageId: null,
                error: null,
            };
        }
        return this.state.threads[conversationId]!;
    }

    private applyWindow(thread: ThreadState, page: MessagePage): void {
        const local = thread.messages.filter((m) => m.id < 0);
        thread.messages = [...page.messages, ...local];
        thread.hasOlder = page.has_older ?? false;
        thread.hasNewer = page.has_newer ?? false;
        thread.lastReadMessageId = Math.max(thread.lastReadMessageId, page.last_read_message_id);
    }

    async loadOlder(conversationId: number): Promise<void> {
        const thread = this.state.threads[conversationId];
        const first = thread?.messages.find((m) => m.id > 0);
        if (!thread || !thread.hasOlder || thread.loading || !first) {
            return;
        }
        thread.loading = "older";
        try {
            const page = await this.api.messages(conversationId, { before: first.id }, this.threadPageSize);
            thread.messages = prependPage(thread.messages, page.messages);
            thread.hasOlder = page.has_older ?? false;
        } catch (error) {
            thread.error = plainError(error);
        } finally {
            thread.loading = null;
        }
    }

    async loadNewer(conversationId: number): Promise<void> {
        const thread = this.state.threads[conversationId];
        const saved = thread?.messages.filter((m) => m.id > 0) ?? [];
        const last = saved[saved.length - 1];
        if (!thread || !thread.hasNewer || thread.loading || !last) {
            return;
        }
        thread.loading = "newer";
        try {
            const page = await this.api.messages(conversationId, { after: last.id }, this.threadPageSize);
            thread.messages = appendPage(thread.messages, page.messages);
            thread.hasNewer = page.has_newer ?? false;
        } catch (error) {
            thread.error = plainError(error);
        } finally {
            thread.loading = null;
        }
        if (!thread.hasNewer && this.state.activeConversationId === conversationId) {
            await this.markRead(conversationId);
        }
    }

    async jumpToMessage(conversationId: number, messageId: number): Promise<void> {
        const thread = this.ensureThread(conversationId);
        if (!thread.messages.some((m) => m.id === messageId)) {
            // Out of the loaded window: the page around it replaces the window, which stays contiguous.
            thread.loading = "around";
            thread.error = null;
            try {
                const page = await this.api.messages(conversationId, { around: messageId }, this.threadPageSize);
                this.applyWindow(thread, page);
            } catch (error) {
                thread.error = plainError(error);
                return;
            } finally {
                thread.loading = null;
            }
        }
        thread.focusMessageId = messageId;
    }

    // ------------------------------------------------------------ reading

    /** Marks the conversation read when something inbound past the user's marker is loaded or counted. */
    private markRead(conversationId: number): Promise<void> {
        const running = this.markingRead.get(conversationId);
        if (running) {
            return running;
        }
        const thread = this.state.threads[conversationId];
        const unread = this.state.conversations[conversationId]?.unread_count ?? 0;
        const newestInbound = [...(thread?.messages ?? [])].reverse().find((m) => m.id > 0 && m.direction === "inbound");
        const behind = newestInbound !== undefined && newestInbound.id > (thread?.lastReadMessageId ?? 0);
        if (!unread && !behind) {
            return Promise.resolve();
        }
        const done = this.api
            .markRead(conversationId)
            .then((read) => this.applyRead(read.conversation_id, read.last_read_message_id, read.unread_count))
            // Not worth an error on screen: the next open or the next message marks it again.
            .catch(() => undefined)
            .finally(() => this.markingRead.delete(conversationId));
        this.markingRead.set(conversationId, done);
        return done;
    }

    private applyRead(conversationId: number, lastReadMessageId: number, unreadCount: number): void {
        const conversation = this.state.conversations[conversationId];
        if (conversation) {
            conversation.unread_count = unreadCount;
            this.placeConversation(conversation);
        }
        const thread = this.state.threads[conversationId];
        if (thread) {
            thread.lastReadMessageId = Math.max(thread.lastReadMessageId, lastReadMessageId);
        }
    }

    /** The page became visible again: what arrived meanwhile in the open conversation is now read. */
    onVisible(): Promise<void> {
        const active = this.state.activeConversationId;
        return active === null ? Promise.resolve() : this.markRead(active);
    }

    // ------------------------------------------------------------ sending

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
        return this.startSend(this.pending.create(conversationId, params), replyToId);
    }

    sendFile(conversationId: number, file: File, caption = "", replyToId: number | null = null): Promise<void> {
        // attachmentId 0: not uploaded yet; set once uploaded, so a retry does not upload again.
        const params: SendParams = { kind: "media", attachmentId: 0, caption: caption.trim() || null, replyToId };
        return this.startSend(this.pending.create(conversationId, params, file), replyToId);
    }

    private startSend(pending: PendingSend, replyToId: number | null): Promise<void> {
        const thread = this.state.threads[pending.conversationId];
        if (thread) {
            const replyTo = replyToId ? thread.messages.find((m) => m.id === replyToId) : undefined;
            const author = { id: this.userId, name: this.userName };
            thread.messages = [...thread.messages, optimisticMessage(pending, author, replyTo, pending.file)];
            if (thread.hasNewer) {
                // The user wants to see what they sent: back to the bottom of the conversation.
                void this.loadNewest(pending.conversationId);
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
                this.putMessage(conversationId, pending.tempId, message);
                this.state.refusals[conversationId] = undefined;
                this.showLastMessage(message);
            } catch (error) {
                const text = plainError(error);
                this.state.refusals[conversationId] = { conversationId, clientId: pending.clientId, message: text };
                this.updateMessage(conversationId, pending.tempId, (m) => ({
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

    /** The list's preview follows the user's own send at once; the bus refresh confirms it. */
    private showLastMessage(message: ChatMessage): void {
        const conversation = this.state.conversations[message.conversation_id];
        if (!conversation || message.type === "reaction") {
            return;
        }
        conversation.last_message = {
            id: message.id,
            direction: message.direction,
            type: message.type,
            preview: message.body || message.media?.filename || "",
            state: message.state,
            timestamp: message.timestamp,
        };
        conversation.last_message_at = message.timestamp;
        this.placeConversation(conversation);
    }

    private putMessage(conversationId: number, id: number, message: ChatMessage): void {
        const thread = this.state.threads[conversationId];
        if (thread) {
            thread.messages = replaceMessage(thread.messages, id, message);
        }
    }

    private updateMessage(conversationId: number, id: number, update: (message: ChatMessage) => ChatMessage): ChatMessage | undefined {
        const thread = this.state.threads[conversationId];
        const current = thread?.messages.find((m) => m.id === id);
        if (!thread || !current) {
            return undefined;
        }
        thread.messages = thread.messages.map((m) => (m.id === id ? update(m) : m));
        return current;
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
            this.updateMessage(pending.conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
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
        const before = this.updateMessage(conversationId, messageId, (m) => ({ ...m, state: "queued", error: null }));
        const done = this.api
            .retry(messageId)
            .then((message) => {
                this.putMessage(conversationId, messageId, message);
                this.state.refusals[conversationId] = undefined;
            })
            .catch((error: unknown) => {
                if (before) {
                    this.updateMessage(conversationId, messageId, () => before);
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
        const before = this.updateMessage(conversationId, messageId, (m) => ({
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
                    this.updateMessage(conversationId, messageId, (m) => ({ ...m, reactions: before.reactions }));
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

    typing(conversationId: number): void {
        const now = this.clock.now();
        const last = this.lastTyping.get(conversationId);
        if (last !== undefined && now - last < TYPING_INTERVAL_MS) {
            return;
        }
        this.lastTyping.set(conversationId, now);
        // A missed typing bubble is not worth telling anyone about.
        void this.api.typing(conversationId).catch(() => undefined);
    }

    setDraft(conversationId: number, text: string): void {
        this.state.drafts[conversationId] = text;
    }

    // ------------------------------------------------------------ assignment

    claim(conversationId: number): Promise<void> {
        return this.assignment(conversationId, "claim");
    }

    release(conversationId: number): Promise<void> {
        return this.assignment(conversationId, "release");
    }

    assign(conversationId: number, userId: number): Promise<void> {
        return this.assignment(conversationId, "assign", userId);
    }

    async colleagues(conversationId: number): Promise<{ id: number; name: string }[]> {
        try {
            return await this.api.colleagues(conversationId);
        } catch (error) {
            this.state.notice = plainError(error);
            return [];
        }
    }

    private async assignment(conversationId: number, action: "claim" | "release" | "assign", userId?: number): Promise<void> {
        try {
            const conversation = await this.api.assign(conversationId, action, userId);
            this.state.notice = null;
            this.putConversation(conversation);
            this.placeConversation(conversation);
        } catch (error) {
            this.state.notice = plainError(error);
        }
    }

    dismissNotice(): void {
        this.state.notice = null;
    }

    // ------------------------------------------------------------ the bus

    private onMessageNotification(payload: unknown): void {
        const parsed = messageNotificationSchema.safeParse(payload);
        if (!parsed.success) {
            return;
        }
        const { conversation_id: conversationId, message_id: messageId, direction } = parsed.data;
        const queue = this.busQueue;
        queue.conversations.add(conversationId);
        if (this.state.threads[conversationId]) {
            const ids = queue.messages.get(conversationId) ?? new Set<number>();
            ids.add(messageId);
            queue.messages.set(conversationId, ids);
        }
        if (direction === "inbound") {
            queue.inbound.add(conversationId);
        }
        this.scheduleBusFlush();
    }

    private onConversationNotification(payload: unknown): void {
        const parsed = conversationNotificationSchema.safeParse(payload);
        if (parsed.success) {
            this.busQueue.conversations.add(parsed.data.conversation_id);
            this.scheduleBusFlush();
        }
    }

    /** The user read it in another tab: counters only, nothing to fetch. */
    private onReadNotification(payload: unknown): void {
        const parsed = readNotificationSchema.safeParse(payload);
        if (parsed.success) {
            const read = parsed.data;
            this.applyRead(read.conversation_id, read.last_read_message_id, read.unread_count);
        }
    }

    private scheduleBusFlush(): void {
        if (this.busTimer === null) {
            this.busTimer = this.clock.setTimeout(() => {
                this.busTimer = null;
                void this.flushBus();
            }, this.busDelayMs);
        }
    }

    /** Fetches what the bus named since the last flush: one call for the rows, one per open thread. */
    async flushBus(): Promise<void> {
        const queue = this.busQueue;
        this.busQueue = emptyQueue();
        const work: Promise<void>[] = [];
        if (queue.conversations.size) {
            work.push(this.refreshConversations([...queue.conversations]));
        }
        for (const [conversationId, ids] of queue.messages) {
            work.push(this.refreshMessages(conversationId, [...ids]));
        }
        // A failed refresh is caught up by the next notification or the next open.
        await Promise.all(work.map((w) => w.catch(() => undefined)));
        const active = this.state.activeConversationId;
        if (active !== null && queue.inbound.has(active) && !this.state.threads[active]?.hasNewer && this.isVisible()) {
            await this.markRead(active);
        }
    }

    private async refreshMessages(conversationId: number, ids: number[]): Promise<void> {
        const page = await this.api.messagesByIds(conversationId, ids);
        const thread = this.state.threads[conversationId];
        if (thread) {
            thread.messages = mergeMessages(thread.messages, page.messages, thread);
        }
    }
}
