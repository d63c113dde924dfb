import type { EverywhereApi } from "../api/everywhere_client";
import type { Conversation } from "../api/schemas/chat";
import { BUS_MESSAGE, messageNotificationSchema } from "../api/schemas/chat_bus";
import type { BusPort } from "./inbox_contract";

/** How the user is told: Odoo's sound and browser notification in production, a recorder in tests. */
export interface AlertPort {
    /** Whether this tab has the user's attention (Odoo's presence service). */
    isFocused(): boolean;
    /** The conversation the user is looking at in this tab, if any: no alert for it while focused. */
    visibleConversationId(): number | null;
    /** The tab has the focus: Odoo's new-message sound only. */
    sound(): void;
    /** Out of focus: a browser notification (Odoo's own when the browser's is not allowed) and the sound. */
    notify(conversation: Conversation, onClick: () => void): void;
}

/**
 * Alerts the user when a customer writes in a conversation assigned to them or still unassigned.
 * The server sends `cusoft_whatsapp/message` only to the number's notified users and the assignee;
 * a notified user must stay quiet once a colleague holds the conversation, which only the row
 * (fetched through the routes, with the user's rights) tells.
 */
export class CustomerNotifier {
    private readonly unsubscribe: () => void;
    /** A message is announced once, even when its state is sent again (media downloaded). */
    private readonly announced = new Set<number>();
    private pending: Promise<void> = Promise.resolve();

    constructor(
        private readonly api: EverywhereApi,
        bus: BusPort,
        private readonly alerts: AlertPort,
        private readonly userId: number,
        private readonly open: (conversationId: number) => void
    ) {
        this.unsubscribe = bus.subscribe(BUS_MESSAGE, (payload) => this.onMessage(payload));
    }

    /** Resolves once the notifications received so far are handled (tests). */
    settled(): Promise<void> {
        return this.pending;
    }

    private onMessage(payload: unknown): void {
        const parsed = messageNotificationSchema.safeParse(payload);
        if (!parsed.success) {
            return;
        }
        const { conversation_id: conversationId, message_id: messageId, direction, state } = parsed.data;
        // Every WhatsApp user's inbox hears of every message; only the number's notified users and
        // the assignee are rung for it.
        const forMe = parsed.data.alert_user_ids?.includes(this.userId) ?? true;
        if (!forMe || direction !== "inbound" || state !== "received" || this.announced.has(messageId)) {
            return;
        }
        this.announced.add(messageId);
        this.pending = this.pending.then(() => this.announce(conversationId)).catch(() => undefined);
    }

    private async announce(conversationId: number): Promise<void> {
        const focused = this.alerts.isFocused();
        if (focused && this.alerts.visibleConversationId() === conversationId) {
            return;
        }
        const [conversation] = await this.api.conversationsByIds([conversationId]);
        if (!conversation || (conversation.assignee && conversation.assignee.id !== this.userId)) {
            return;
        }
        if (focused) {
            this.alerts.sound();
        } else {
            this.alerts.notify(conversation, () => this.open(conversationId));
        }
    }

    destroy(): void {
        this.unsubscribe();
    }
}
