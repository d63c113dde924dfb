import {
    BUS_CONVERSATION,
    BUS_MESSAGE,
    BUS_READ,
    conversationNotificationSchema,
    messageNotificationSchema,
    readNotificationSchema,
} from "../api/schemas/chat_bus";
import type { Clock } from "./clock";
import type { BusPort } from "./inbox_contract";

/** What the bus named since the last fetch: coalesced so a burst costs one call per route. */
export interface BusBatch {
    /** Rows of the list to fetch again. */
    conversations: Set<number>;
    /** Per conversation, the messages to fetch again. */
    messages: Map<number, Set<number>>;
    /** Conversations that received a customer's message. */
    inbound: Set<number>;
}

export interface BusHandlers {
    /** Whether the messages of this conversation are worth fetching (its thread is loaded). */
    wantsMessages(conversationId: number): boolean;
    flush(batch: BusBatch): void;
    /** A read in another tab: counters only, applied at once. */
    read(conversationId: number, lastReadMessageId: number, unreadCount: number): void;
}

function emptyBatch(): BusBatch {
    return { conversations: new Set(), messages: new Map(), inbound: new Set() };
}

/**
 * Listens to the chat's bus notifications (ids and counters only) and hands them over in batches:
 * a customer sending five messages, or a status webhook naming fifty, costs one fetch per route.
 * Payloads of another shape are ignored (an older or newer server in an open tab).
 */
export class BusCoalescer {
    private batch = emptyBatch();
    private timer: number | null = null;
    private readonly unsubscribes: (() => void)[];

    constructor(
        bus: BusPort,
        private readonly clock: Clock,
        private readonly delayMs: number,
        private readonly handlers: BusHandlers
    ) {
        this.unsubscribes = [
            bus.subscribe(BUS_MESSAGE, (payload) => this.onMessage(payload)),
            bus.subscribe(BUS_CONVERSATION, (payload) => this.onConversation(payload)),
            bus.subscribe(BUS_READ, (payload) => this.onRead(payload)),
        ];
    }

    destroy(): void {
        this.unsubscribes.forEach((unsubscribe) => unsubscribe());
        if (this.timer !== null) {
            this.clock.clearTimeout(this.timer);
            this.timer = null;
        }
    }

    private onMessage(payload: unknown): void {
        const parsed = messageNotificationSchema.safeParse(payload);
        if (!parsed.success) {
            return;
        }
        const { conversation_id: conversationId, message_id: messageId, direction } = parsed.data;
        this.batch.conversations.add(conversationId);
        if (this.handlers.wantsMessages(conversationId)) {
            const ids = this.batch.messages.get(conversationId) ?? new Set<number>();
            ids.add(messageId);
            this.batch.messages.set(conversationId, ids);
        }
        if (direction === "inbound") {
            this.batch.inbound.add(conversationId);
        }
        this.schedule();
    }

    private onConversation(payload: unknown): void {
        const parsed = conversationNotificationSchema.safeParse(payload);
        if (parsed.success) {
            this.batch.conversations.add(parsed.data.conversation_id);
            this.schedule();
        }
    }

    private onRead(payload: unknown): void {
        const parsed = readNotificationSchema.safeParse(payload);
        if (parsed.success) {
            const read = parsed.data;
            this.handlers.read(read.conversation_id, read.last_read_message_id, read.unread_count);
        }
    }

    private schedule(): void {
        if (this.timer === null) {
            this.timer = this.clock.setTimeout(() => {
                this.timer = null;
                const batch = this.batch;
                this.batch = emptyBatch();
                this.handlers.flush(batch);
            }, this.delayMs);
        }
    }
}
