import { reactive } from "@odoo/owl";
import type { EverywhereApi } from "../api/everywhere_client";
import type { Conversation } from "../api/schemas/chat";
import { CoalescedRefresh, nextMicrotask, type Scheduler } from "./coalesced_refresh";
import type { BusPort } from "./inbox_contract";
import { plainError } from "./plain_error";

/** Where the fold state lives: the browser's localStorage in Odoo, a Map in tests. */
export interface KeyValuePort {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
}

/** Same prefix as Discuss's own sidebar settings (mail.user_setting.discuss_sidebar_compact). */
export const FOLD_KEY = "cusoft_whatsapp.discuss_sidebar_category_open";

/** A sidebar is not an inbox: the newest of each group, the inbox has the rest. */
export const SIDEBAR_GROUP_SIZE = 30;

export interface SidebarState {
    open: boolean;
    /** Mine first, then unassigned; each newest activity first (the server's order). */
    conversations: Conversation[];
    loaded: boolean;
    error: string | null;
}

/**
 * The "WhatsApp" category of Discuss's sidebar: my conversations, then unassigned ones, refreshed
 * on any chat notification (coalesced), with a fold state remembered in the browser.
 */
export class SidebarStore {
    readonly state: SidebarState;
    private readonly refresher: CoalescedRefresh;
    private started: Promise<void> | null = null;

    constructor(
        private readonly api: EverywhereApi,
        bus: BusPort,
        private readonly storage: KeyValuePort,
        readonly userId: number,
        schedule: Scheduler = nextMicrotask
    ) {
        this.state = reactive<SidebarState>({
            open: storage.getItem(FOLD_KEY) !== "false",
            conversations: [],
            loaded: false,
            error: null,
        });
        this.refresher = new CoalescedRefresh(bus, () => this.fetch(), schedule);
    }

    start(): Promise<void> {
        this.started ??= this.fetch();
        return this.started;
    }

    /** Fetches again (after a conversation was read in this tab), coalesced with the bus's refreshes. */
    refresh(): Promise<void> {
        this.refresher.request();
        return this.refresher.settled();
    }

    settled(): Promise<void> {
        return this.refresher.settled();
    }

    toggle(): void {
        this.state.open = !this.state.open;
        this.storage.setItem(FOLD_KEY, String(this.state.open));
    }

    /** Like Discuss's chats category: how many conversations have unread messages. */
    get counter(): number {
        return this.state.conversations.filter((conversation) => conversation.unread_count > 0).length;
    }

    isMine(conversation: Conversation): boolean {
        return conversation.assignee?.id === this.userId;
    }

    private async fetch(): Promise<void> {
        try {
            const [mine, unassigned] = await Promise.all([
                this.api.conversations("mine", SIDEBAR_GROUP_SIZE),
                this.api.conversations("unassigned", SIDEBAR_GROUP_SIZE),
            ]);
            // A conversation claimed between the two answers would be in both: mine wins.
            const seen = new Set(mine.map((conversation) => conversation.id));
            const rest = unassigned.filter((conversation) => !seen.has(conversation.id) && conversation.assignee === null);
            Object.assign(this.state, { conversations: [...mine, ...rest], loaded: true, error: null });
        } catch (error) {
            this.state.error = plainError(error);
        }
    }

    destroy(): void {
        this.refresher.destroy();
    }
}
