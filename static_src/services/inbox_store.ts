import { reactive } from "@odoo/owl";
import type { ChatApi } from "../api/chat_client";
import type { ChatMessage, Conversation, MessagePage } from "../api/schemas/chat";
import { BusCoalescer, type BusBatch } from "./bus_coalescer";
import { browserClock, type Clock } from "./clock";
import { placeInList } from "./conversation_list";
import type { BusPort, InboxFilter, InboxStore, ThreadState } from "./inbox_contract";
import { InboxSender } from "./inbox_sender";
import { plainError, type InboxState } from "./inbox_state";
import { appendPage, mergeMessages, prependPage } from "./thread_window";

export type { InboxState } from "./inbox_state";

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

/**
 * The inbox's client state over the chat routes and the bus: the conversation list, the loaded
 * threads, unread counts, drafts and optimistic sends. Framework-free but for OWL's `reactive`,
 * so components re-render from `state` and tests drive it with fake ports.
 */
export class WhatsAppInboxStore implements InboxStore {
    readonly state: InboxState;
    readonly userId: number;

    private readonly clock: Clock;
    private readonly searchDelayMs: number;
    private readonly listPageSize: number;
    private readonly threadPageSize: number;
    private readonly isVisible: () => boolean;
    private readonly sender: InboxSender;
    private readonly bus: BusCoalescer;
    /** A newer list request makes older answers stale (filters changed while one was loading). */
    private listGeneration = 0;
    private cursor: string | null = null;
    private searchTimer: number | null = null;
    private readonly lastTyping = new Map<number, number>();
    private readonly markingRead = new Map<number, Promise<void>>();

    constructor(
        private readonly api: ChatApi,
        bus: BusPort,
        options: InboxStoreOptions
    ) {
        this.userId = options.userId;
        this.clock = options.clock ?? browserClock;
        this.searchDelayMs = options.searchDelayMs ?? 300;
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
        this.sender = new InboxSender(api, this.state, { id: options.userId, name: options.userName }, {
            loadNewest: (conversationId) => this.loadNewest(conversationId),
            sent: (message) => this.showLastMessage(message),
        });
        this.bus = new BusCoalescer(bus, this.clock, options.busDelayMs ?? 100, {
            wantsMessages: (conversationId) => conversationId in this.state.threads,
            flush: (batch) => void this.applyBusBatch(batch),
            read: (conversationId, lastRead, unread) => this.applyRead(conversationId, lastRead, unread),
        });
    }

    destroy(): void {
        this.bus.destroy();
        this.cancelSearchTimer();
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
        return this.sender.sendText(conversationId, body, replyToId);
    }

    sendFile(conversationId: number, file: File, caption = "", replyToId: number | null = null): Promise<void> {
        return this.sender.sendFile(conversationId, file, caption, replyToId);
    }

    retry(messageId: number): Promise<void> {
        return this.sender.retry(messageId);
    }

    acceptSent(message: ChatMessage): void {
        const thread = this.state.threads[message.conversation_id];
        if (thread) {
            thread.messages = mergeMessages(thread.messages, [message], thread);
        }
        // The row's preview and window move with the send.
        void this.refreshConversations([message.conversation_id]).catch(() => undefined);
    }

    react(conversationId: number, messageId: number, emoji: string): Promise<void> {
        return this.sender.react(conversationId, messageId, emoji);
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

    /** Fetches what the bus named: one call for the rows, one per loaded thread. */
    private async applyBusBatch(batch: BusBatch): Promise<void> {
        const work: Promise<void>[] = [];
        if (batch.conversations.size) {
            work.push(this.refreshConversations([...batch.conversations]));
        }
        for (const [conversationId, ids] of batch.messages) {
            work.push(this.refreshMessages(conversationId, [...ids]));
        }
        // A failed refresh is caught up by the next notification or the next open.
        await Promise.all(work.map((w) => w.catch(() => undefined)));
        const active = this.state.activeConversationId;
        if (active !== null && batch.inbound.has(active) && !this.state.threads[active]?.hasNewer && this.isVisible()) {
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
