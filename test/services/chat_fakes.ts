// Fake ports for the chat: a small in-memory chat server answering the chat routes the way
// docs/chat-api.md says (payloads cloned from the real answers in test/contract/), a bus the test
// emits on, and a clock the test moves by hand. Shared by the store's and the inbox's tests.
import { ChatApi } from "../../static_src/api/chat_client";
import type { UploadPort } from "../../static_src/api/upload_port";
import type { Clock } from "../../static_src/services/clock";
import type { BusPort } from "../../static_src/services/inbox_contract";
import { WhatsAppInboxStore, type InboxStoreOptions } from "../../static_src/services/inbox_store";
import { contractAnswer } from "../contract";
import { fakeRpc, type RouteHandler } from "../helpers";

type Raw = Record<string, unknown>;

export const ME = { id: 10, name: "Ana" };
export const COLLEAGUE = { id: 11, name: "Luis" };

const CONVERSATION_TEMPLATE = (contractAnswer("/cusoft_whatsapp/chat/conversations", "all").conversations as Raw[])[1]!;
const MESSAGE_TEMPLATE = (contractAnswer("/cusoft_whatsapp/chat/messages", "newest").messages as Raw[])[0]!;

/** Relative to the real clock: the thread's countdown and the rows' window dot read the real time. */
const BASE_TIME = Math.floor(Date.now() / 60_000) * 60_000;

/** Odoo's UTC format, `minutesAgo` before the fake server's now (negative: in the future). */
export function sqlTime(minutesAgo: number): string {
    return new Date(BASE_TIME - minutesAgo * 60_000).toISOString().slice(0, 19).replace("T", " ");
}

/** The server refuses with a UserError the way Odoo's rpc rejects: `data.message` in plain words. */
export class UserErrorLike extends Error {
    readonly data: { name: string; message: string };
    constructor(message: string) {
        super(message);
        this.data = { name: "odoo.exceptions.UserError", message };
    }
}

export class FakeBus implements BusPort {
    private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

    subscribe(type: string, callback: (payload: unknown) => void): () => void {
        const set = this.listeners.get(type) ?? new Set();
        set.add(callback);
        this.listeners.set(type, set);
        return () => set.delete(callback);
    }

    emit(type: string, payload: unknown): void {
        this.listeners.get(type)?.forEach((callback) => callback(payload));
    }

    count(type: string): number {
        return this.listeners.get(type)?.size ?? 0;
    }
}

/** Timers run only when the test says time has passed. */
export class ManualClock implements Clock {
    private time = 1_000_000;
    private timers = new Map<number, { at: number; callback: () => void }>();
    private lastHandle = 0;

    now(): number {
        return this.time;
    }

    setTimeout(callback: () => void, ms: number): number {
        this.timers.set(++this.lastHandle, { at: this.time + ms, callback });
        return this.lastHandle;
    }

    clearTimeout(handle: number): void {
        this.timers.delete(handle);
    }

    advance(ms: number): void {
        this.time += ms;
        for (const [handle, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
            if (timer.at <= this.time) {
                this.timers.delete(handle);
                timer.callback();
            }
        }
    }

    get pending(): number {
        return this.timers.size;
    }
}

export interface FakeMessage extends Raw {
    id: number;
    conversation_id: number;
    direction: "inbound" | "outbound";
}

/** An in-memory chat server: conversations, messages, read markers, idempotent sends. */
export class FakeChatServer {
    conversations: Raw[] = [];
    messages: FakeMessage[] = [];
    readMarkers = new Map<number, number>();
    /** Client ids already sent: the same id answers the first message, as the server does. */
    sentByClientId = new Map<string, FakeMessage>();
    /** By route name ("send"): the next call fails with this Error (unreachable) or UserErrorLike (refusal). */
    failNext = new Map<string, Error>();
    /** Set to hold the answers of the given route until the test resolves them. */
    holds = new Map<string, (() => void)[]>();
    private lastId = 1000;

    addConversation(id: number, fields: Raw = {}): Raw {
        const conversation = { ...structuredClone(CONVERSATION_TEMPLATE), id, name: `Customer ${id}`, phone: `+1555000${id}`,
            account_id: 1, assignee: null, unread_count: 0, last_message: null, last_message_at: sqlTime(1000 - id),
            window_expires_at: sqlTime(-600), partner_id: null, avatar_url: null, ...fields };
        this.conversations.push(conversation);
        return conversation;
    }

    addMessage(conversationId: number, fields: Partial<FakeMessage> = {}): FakeMessage {
        const id = fields.id ?? ++this.lastId;
        this.lastId = Math.max(this.lastId, id);
        const message = { ...structuredClone(MESSAGE_TEMPLATE), id, conversation_id: conversationId, direction: "inbound",
            body: `message ${id}`, reactions: [], reply_to: null, timestamp: sqlTime(0), state: "received", ...fields } as FakeMessage;
        this.messages.push(message);
        const conversation = this.conversation(conversationId);
        if (conversation && message.type !== "reaction") {
            conversation.last_message = { id, direction: message.direction, type: message.type, preview: message.body,
                state: message.state, timestamp: message.timestamp };
            conversation.last_message_at = message.timestamp;
            if (message.direction === "inbound") {
                conversation.unread_count = this.unread(conversationId);
            }
        }
        return message;
    }

    conversation(id: number): Raw | undefined {
        return this.conversations.find((c) => c.id === id);
    }

    message(id: number): FakeMessage | undefined {
        return this.messages.find((m) => m.id === id);
    }

    private unread(conversationId: number): number {
        const marker = this.readMarkers.get(conversationId) ?? 0;
        return this.messages.filter((m) => m.conversation_id === conversationId && m.direction === "inbound" && m.type !== "reaction" && m.id > marker).length;
    }

    private thread(conversationId: number): FakeMessage[] {
        return this.messages.filter((m) => m.conversation_id === conversationId && m.type !== "reaction").sort((a, b) => a.id - b.id);
    }

    /** Each side's current reaction rides on its target, as the serializer does. */
    private withReactions(message: FakeMessage): Raw {
        const reactions = new Map<string, string>();
        for (const r of this.messages.filter((m) => m.type === "reaction" && (m.reply_to as Raw | null)?.id === message.id)) {
            reactions.set(r.direction, r.body as string);
        }
        return { ...message, reactions: [...reactions].filter(([, emoji]) => emoji).map(([direction, emoji]) => ({ emoji, direction })) };
    }

    private page(conversationId: number, rows: FakeMessage[], hasOlder: boolean | null, hasNewer: boolean | null): Raw {
        return { conversation_id: conversationId, messages: rows.map((m) => this.withReactions(m)), has_older: hasOlder,
            has_newer: hasNewer, last_read_message_id: this.readMarkers.get(conversationId) ?? 0 };
    }

    private async hold(route: string): Promise<void> {
        const waiting = this.holds.get(route);
        if (waiting) {
            await new Promise<void>((resolve) => waiting.push(resolve));
        }
    }

    /** Lets every held answer of `route` go. */
    release(route: string): void {
        const waiting = this.holds.get(route) ?? [];
        this.holds.delete(route);
        waiting.forEach((resolve) => resolve());
    }

    routes(): Record<string, RouteHandler> {
        const handlers = this.handlers();
        return Object.fromEntries(
            Object.entries(handlers).map(([route, handler]) => [
                route,
                async (params?: Record<string, unknown>) => {
                    const name = route.split("/").pop()!;
                    const error = this.failNext.get(name);
                    if (error) {
                        this.failNext.delete(name);
                        throw error;
                    }
                    return handler(params);
                },
            ])
        );
    }

    private handlers(): Record<string, RouteHandler> {
        const chat = "/cusoft_whatsapp/chat/";
        const withUnread = (c: Raw): Raw => ({ ...c, unread_count: Math.min(this.unread(c.id as number), 100) });
        return {
            [chat + "conversations"]: async (p = {}) => {
                await this.hold("conversations");
                if (p.ids) {
                    const ids = p.ids as number[];
                    return { conversations: this.conversations.filter((c) => ids.includes(c.id as number)).map(withUnread), next_cursor: null };
                }
                const search = String(p.search ?? "").toLowerCase();
                const rows = this.conversations
                    .map(withUnread)
                    .filter((c) => !p.account_id || c.account_id === p.account_id)
                    .filter((c) => p.filter !== "mine" || (c.assignee as Raw | null)?.id === ME.id)
                    .filter((c) => p.filter !== "unassigned" || c.assignee === null)
                    .filter((c) => p.filter !== "unread" || (c.unread_count as number) > 0)
                    .filter((c) => !search || String(c.name).toLowerCase().includes(search))
                    .sort((a, b) => String(b.last_message_at).localeCompare(String(a.last_message_at)) || (b.id as number) - (a.id as number));
                const start = p.cursor ? Number(p.cursor) : 0;
                const limit = Number(p.limit ?? 40);
                const next = start + limit < rows.length ? String(start + limit) : null;
                return { conversations: rows.slice(start, start + limit), next_cursor: next };
            },
            [chat + "messages"]: async (p = {}) => {
                await this.hold("messages");
                const conversationId = p.conversation_id as number;
                const all = this.thread(conversationId);
                if (p.ids) {
                    const ids = p.ids as number[];
                    const found = this.messages.filter((m) => ids.includes(m.id));
                    const targets = found.filter((m) => m.type === "reaction").map((m) => (m.reply_to as Raw).id as number);
                    return this.page(conversationId, all.filter((m) => ids.includes(m.id) || targets.includes(m.id)), null, null);
                }
                const limit = Number(p.limit ?? 40);
                let rows: FakeMessage[];
                if (p.before) {
                    rows = all.filter((m) => m.id < (p.before as number)).slice(-limit);
                } else if (p.after) {
                    rows = all.filter((m) => m.id > (p.after as number)).slice(0, limit);
                } else if (p.around) {
                    const at = all.findIndex((m) => m.id >= (p.around as number));
                    const start = Math.max(0, at - Math.floor(limit / 2));
                    rows = all.slice(start, start + limit);
                } else {
                    rows = all.slice(-limit);
                }
                const first = rows[0]?.id ?? 0;
                const last = rows[rows.length - 1]?.id ?? 0;
                return this.page(conversationId, rows, all.some((m) => m.id < first), all.some((m) => m.id > last));
            },
            [chat + "mark_read"]: (p = {}) => {
                const conversationId = p.conversation_id as number;
                const last = this.thread(conversationId).filter((m) => m.direction === "inbound").pop()?.id ?? 0;
                this.readMarkers.set(conversationId, Math.max(this.readMarkers.get(conversationId) ?? 0, last));
                return { conversation_id: conversationId, last_read_message_id: this.readMarkers.get(conversationId), unread_count: this.unread(conversationId) };
            },
            [chat + "send"]: async (p = {}) => {
                await this.hold("send");
                const clientId = p.client_id as string;
                const known = this.sentByClientId.get(clientId);
                if (known) {
                    return { message: this.withReactions(known) };
                }
                const conversationId = p.conversation_id as number;
                const replyTo = p.reply_to_id || p.message_id ? this.message((p.reply_to_id ?? p.message_id) as number) : undefined;
                const kind = p.kind ?? "text";
                const message = this.addMessage(conversationId, {
                    direction: "outbound", state: "queued", client_id: clientId, author: ME,
                    type: kind === "reaction" ? "reaction" : kind === "media" ? "image" : "text",
                    body: (kind === "reaction" ? p.emoji : kind === "media" ? p.caption ?? "" : p.body) as string,
                    reply_to: replyTo ? { id: replyTo.id, direction: replyTo.direction, type: replyTo.type, body: replyTo.body } : null,
                });
                this.sentByClientId.set(clientId, message);
                return { message: this.withReactions(message) };
            },
            [chat + "retry"]: (p = {}) => {
                const message = this.message(p.message_id as number)!;
                Object.assign(message, { state: "queued", error: null });
                return { message: this.withReactions(message) };
            },
            [chat + "typing"]: () => ({ sent: true }),
            [chat + "assign"]: (p = {}) => {
                const conversation = this.conversation(p.conversation_id as number)!;
                const user = p.action === "claim" ? ME : p.action === "assign" ? [ME, COLLEAGUE].find((u) => u.id === p.user_id)! : null;
                conversation.assignee = user;
                return { conversation: withUnread(conversation) };
            },
            [chat + "colleagues"]: () => ({ users: [ME, COLLEAGUE] }),
        };
    }
}

export interface ChatHarness {
    server: FakeChatServer;
    bus: FakeBus;
    clock: ManualClock;
    store: WhatsAppInboxStore;
    rpc: ReturnType<typeof fakeRpc>;
    uploads: { fields: Record<string, string | Blob> }[];
    /** Calls of one chat route (e.g. "send"), with their params. */
    calls(route: string): Record<string, unknown>[];
}

/** A store over the fake server, bus and clock; uploads answer with the real upload payload shape. */
export function chatHarness(server = new FakeChatServer(), options: Partial<InboxStoreOptions> = {}): ChatHarness {
    const bus = new FakeBus();
    const clock = new ManualClock();
    const rpc = fakeRpc(server.routes());
    const uploads: { fields: Record<string, string | Blob> }[] = [];
    const upload: UploadPort = async (_route, fields) => {
        uploads.push({ fields });
        const file = fields.ufile as File;
        return { status: 200, body: { id: 500 + uploads.length, name: file.name, mime_type: file.type, size: file.size, kind: "image" } };
    };
    const store = new WhatsAppInboxStore(new ChatApi(rpc, upload), bus, {
        userId: ME.id, userName: ME.name, clock, isVisible: () => true, ...options,
    });
    return {
        server, bus, clock, store, rpc, uploads,
        calls: (route) => rpc.calls.filter((c) => c.route === `/cusoft_whatsapp/chat/${route}`).map((c) => c.params ?? {}),
    };
}

/** Lets every promise chain started so far settle (fake routes answer in microtasks). */
export async function settle(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve));
    }
}
