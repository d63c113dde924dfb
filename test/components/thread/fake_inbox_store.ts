// A test double of the inbox store (static_src/services/inbox_contract.ts): reactive state the
// tests set up and change, and a log of every call the components make. Payloads are built from the
// server's real answers (test/contract/) and parsed with the routes' schemas, as the real store does.
import { reactive } from "@odoo/owl";
import { conversationSchema, messageSchema, type ChatMessage, type Conversation } from "../../../static_src/api/schemas/chat";
import type { InboxFilter, InboxStore, ThreadState } from "../../../static_src/services/inbox_contract";
import { contractAnswer } from "../../contract";

type Json = Record<string, unknown>;

const NEWEST = contractAnswer("/cusoft_whatsapp/chat/messages", "newest").messages as Json[];
const INBOUND_TEXT = NEWEST[0]!;
const OUTBOUND_TEXT = NEWEST[2]!;
const CONVERSATION = (contractAnswer("/cusoft_whatsapp/chat/conversations", "all").conversations as Json[])[0]!;

/** A message as the server would send it, with `changes` applied to the raw JSON before parsing. */
export function chatMessage(changes: Json = {}): ChatMessage {
    const base = changes.direction === "outbound" ? OUTBOUND_TEXT : INBOUND_TEXT;
    return messageSchema.parse({ ...structuredClone(base), reply_to: null, reactions: [], conversation_id: 1, ...changes });
}

export function conversation(changes: Json = {}): Conversation {
    return conversationSchema.parse({ ...structuredClone(CONVERSATION), id: 1, ...changes });
}

/** `count` alternating messages with ids from `firstId`, a minute apart. */
export function messageRun(firstId: number, count: number, conversationId = 1): ChatMessage[] {
    return Array.from({ length: count }, (_, i) =>
        chatMessage({
            id: firstId + i,
            conversation_id: conversationId,
            direction: i % 2 ? "outbound" : "inbound",
            state: i % 2 ? "read" : "received",
            client_id: i % 2 ? `c-${firstId + i}` : null,
            body: `Message ${firstId + i}`,
            timestamp: `2026-11-25 ${String(8 + Math.floor((firstId + i) / 60) % 12).padStart(2, "0")}:${String((firstId + i) % 60).padStart(2, "0")}:00`,
        })
    );
}

export interface Call {
    method: string;
    args: unknown[];
}

export class FakeInboxStore implements InboxStore {
    readonly userId = 10;
    readonly state: InboxStore["state"] = reactive({
        list: { filter: "all" as InboxFilter, accountId: null, search: "", ids: [], hasMore: false, loading: false, error: null },
        conversations: {},
        threads: {},
        drafts: {},
        refusals: {},
        activeConversationId: null,
    });
    calls: Call[] = [];
    /** Older history per conversation, served by loadOlder in pages of `pageSize`, newest last. */
    older: Record<number, ChatMessage[]> = {};
    pageSize = 40;
    /** When set, loadOlder waits for it: tests look at the "loading" state in between. */
    olderGate: Promise<void> | null = null;
    private nextLocalId = 1;

    /** Puts a conversation with these messages in the state, as if the inbox had opened it. */
    seed(conv: Conversation, messages: ChatMessage[], options: { hasOlder?: boolean } = {}): ThreadState {
        this.state.conversations[conv.id] = conv;
        this.state.threads[conv.id] = {
            conversationId: conv.id,
            messages,
            hasOlder: options.hasOlder ?? false,
            hasNewer: false,
            loading: null,
            lastReadMessageId: 0,
            focusMessageId: null,
            error: null,
        };
        this.state.activeConversationId = conv.id;
        return this.state.threads[conv.id]!;
    }

    thread(conversationId: number): ThreadState {
        return this.state.threads[conversationId]!;
    }

    callsOf(method: string): unknown[][] {
        return this.calls.filter((c) => c.method === method).map((c) => c.args);
    }

    private log(method: string, ...args: unknown[]): void {
        this.calls.push({ method, args });
    }

    async loadList(options?: unknown): Promise<void> {
        this.log("loadList", options);
    }

    async loadMoreConversations(): Promise<void> {
        this.log("loadMoreConversations");
    }

    async openConversation(conversationId: number): Promise<void> {
        this.log("openConversation", conversationId);
        this.state.activeConversationId = conversationId;
    }

    closeConversation(): void {
        this.log("closeConversation");
        this.state.activeConversationId = null;
    }

    async loadOlder(conversationId: number): Promise<void> {
        this.log("loadOlder", conversationId);
        const thread = this.thread(conversationId);
        thread.loading = "older";
        await this.olderGate;
        const pool = this.older[conversationId] ?? [];
        const page = pool.splice(Math.max(0, pool.length - this.pageSize));
        thread.messages.unshift(...page);
        thread.hasOlder = pool.length > 0;
        thread.loading = null;
    }

    acceptSent(message: ChatMessage): void {
        this.log("acceptSent", message.id);
        this.thread(message.conversation_id).messages.push(message);
    }

    async loadNewer(conversationId: number): Promise<void> {
        this.log("loadNewer", conversationId);
    }

    async jumpToMessage(conversationId: number, messageId: number): Promise<void> {
        this.log("jumpToMessage", conversationId, messageId);
        const thread = this.thread(conversationId);
        const pool = this.older[conversationId] ?? [];
        if (!thread.messages.some((m) => m.id === messageId) && pool.some((m) => m.id === messageId)) {
            thread.messages.unshift(...pool.splice(0));
            thread.hasOlder = false;
        }
        thread.focusMessageId = messageId;
    }

    async sendText(conversationId: number, body: string, replyToId?: number | null): Promise<void> {
        this.log("sendText", conversationId, body, replyToId ?? null);
        this.pushLocal(conversationId, { body, type: "text" }, replyToId);
    }

    async sendFile(conversationId: number, file: File, caption?: string, replyToId?: number | null): Promise<void> {
        this.log("sendFile", conversationId, file, caption, replyToId ?? null);
        this.pushLocal(conversationId, { body: caption ?? file.name, type: "document" }, replyToId);
    }

    private pushLocal(conversationId: number, changes: Json, replyToId?: number | null): void {
        const n = this.nextLocalId++;
        const quoted = replyToId ? this.thread(conversationId).messages.find((m) => m.id === replyToId) : undefined;
        const local = chatMessage({
            direction: "outbound",
            conversation_id: conversationId,
            id: -n,
            state: "queued",
            client_id: `local-${n}`,
            error: null,
            reply_to: quoted ? { id: quoted.id, direction: quoted.direction, type: quoted.type, body: quoted.body } : null,
            ...changes,
        });
        this.thread(conversationId).messages.push(local);
    }

    async react(conversationId: number, messageId: number, emoji: string): Promise<void> {
        this.log("react", conversationId, messageId, emoji);
        const target = this.thread(conversationId).messages.find((m) => m.id === messageId)!;
        target.reactions = target.reactions.filter((r) => r.direction !== "outbound");
        if (emoji) {
            target.reactions.push({ emoji, direction: "outbound" });
        }
    }

    async retry(messageId: number): Promise<void> {
        this.log("retry", messageId);
        for (const thread of Object.values(this.state.threads)) {
            const message = thread.messages.find((m) => m.id === messageId);
            if (message) {
                message.state = "queued";
                message.error = null;
            }
        }
    }

    typing(conversationId: number): void {
        this.log("typing", conversationId);
    }

    setDraft(conversationId: number, text: string): void {
        this.log("setDraft", conversationId, text);
        this.state.drafts[conversationId] = text;
    }

    async claim(conversationId: number): Promise<void> {
        this.log("claim", conversationId);
    }

    async release(conversationId: number): Promise<void> {
        this.log("release", conversationId);
    }

    async assign(conversationId: number, userId: number): Promise<void> {
        this.log("assign", conversationId, userId);
    }

    async colleagues(conversationId: number): Promise<{ id: number; name: string }[]> {
        this.log("colleagues", conversationId);
        return [];
    }
}
