import { reactive } from "@odoo/owl";
import type { EverywhereApi } from "../api/everywhere_client";
import type { Conversation } from "../api/schemas/chat";
import { CoalescedRefresh, nextMicrotask, type Scheduler } from "./coalesced_refresh";
import type { BusPort } from "./inbox_contract";
import { plainError } from "./plain_error";

/** The dropdown shows the newest few; the counter says how many there are in all. */
export const ATTENTION_LIST_SIZE = 20;

export interface AttentionState {
    /** Conversations needing the user (server's count, stops at 100). */
    count: number;
    /** The newest of them, for the dropdown. */
    conversations: Conversation[];
    loaded: boolean;
    error: string | null;
}


/**
 * What needs me, for the systray: unread conversations assigned to me, and unread unassigned ones
 * of the numbers I am notified for (the server decides). Framework-free but for OWL's `reactive`.
 * Any chat notification (a new message, an assignment, a read in another tab) refetches the
 * counter and the list once per burst: the bus says that something changed, the routes say what
 * the user may see.
 */
export class AttentionStore {
    readonly state: AttentionState;
    private readonly refresher: CoalescedRefresh;
    private started: Promise<void> | null = null;

    constructor(
        private readonly api: EverywhereApi,
        bus: BusPort,
        schedule: Scheduler = nextMicrotask
    ) {
        this.state = reactive<AttentionState>({ count: 0, conversations: [], loaded: false, error: null });
        this.refresher = new CoalescedRefresh(bus, () => this.fetch(), schedule);
    }

    /** First load, shared by every caller (the systray and the notifier may both ask). */
    start(): Promise<void> {
        this.started ??= this.fetch();
        return this.started;
    }

    refresh(): Promise<void> {
        this.refresher.request();
        return this.refresher.settled();
    }

    /** Resolves once the refreshes asked by bus notifications so far have landed. */
    settled(): Promise<void> {
        return this.refresher.settled();
    }

    private async fetch(): Promise<void> {
        try {
            const [count, conversations] = await Promise.all([
                this.api.attentionCount(),
                this.api.conversations("attention", ATTENTION_LIST_SIZE),
            ]);
            Object.assign(this.state, { count, conversations, loaded: true, error: null });
        } catch (error) {
            this.state.error = plainError(error);
        }
    }

    destroy(): void {
        this.refresher.destroy();
    }
}
