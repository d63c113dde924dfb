import { Component, onMounted, onWillStart, useRef, useState } from "@odoo/owl";
import { DateTime } from "luxon";
import type { Conversation } from "../../api/schemas/chat";
import { initials, windowOpen } from "../../domain/conversation_label";
import { deliveryTick, listTime, previewText, unreadBadge, type Tick } from "../../domain/inbox_row";
import { _t } from "../../i18n/translate";
import type { InboxFilter } from "../../services/inbox_contract";
import type { WhatsAppInboxStore } from "../../services/inbox_store";
import { ThreadPane } from "../thread_pane/thread_pane";
import { SetupChecklist, type SetupChecklistProps } from "../setup_checklist/setup_checklist";

export interface InboxNumber {
    id: number;
    name: string;
}

export interface InboxProps {
    store: WhatsAppInboxStore;
    /** The user's WhatsApp numbers: a filter per number appears when there are several. */
    numbers: InboxNumber[];
    /** The conversation to open at once (from the URL). */
    initialConversationId?: number | null;
    /** Tells the host which conversation is open, e.g. to keep it in the URL. */
    onOpen?: (conversationId: number | null) => void;
    /** Set when the company has no WhatsApp number yet: the empty inbox leads to the setup instead. */
    noNumber?: NoNumber | null;
    /** For administrators: the setup checklist shown while the inbox is empty (it hides once all is done). */
    checklist?: SetupChecklistProps | null;
    now?: () => DateTime;
}

export interface NoNumber {
    /** Administrators connect a number; the others are told whom to ask. */
    canManage: boolean;
    openSetup: () => void;
}

interface InboxUi {
    /** The row the keyboard is on; Enter opens it. */
    focusedId: number | null;
    assignMenu: boolean;
    colleagues: { id: number; name: string }[] | null;
}

/** Loads the next page when the list is scrolled this close to its end (px). */
const LOAD_MORE_MARGIN = 200;

/**
 * The WhatsApp inbox: the conversation list (filters, search, live rows) beside the open
 * conversation, two panes like WhatsApp Web, one pane at a time on small screens.
 */
export class Inbox extends Component<InboxProps> {
    static template = "cusoft_whatsapp.Inbox";
    static components = { ThreadPane, SetupChecklist };
    static props = {
        store: Object,
        numbers: Array,
        initialConversationId: { type: [Number, { value: null }], optional: true },
        onOpen: { type: Function, optional: true },
        noNumber: { type: [Object, { value: null }], optional: true },
        checklist: { type: [Object, { value: null }], optional: true },
        now: { type: Function, optional: true },
    };

    readonly filters: { value: InboxFilter; label: string }[] = [
        { value: "all", label: _t("All") },
        { value: "mine", label: _t("Mine") },
        { value: "unassigned", label: _t("Unassigned") },
        { value: "unread", label: _t("Unread") },
    ];

    storeState!: WhatsAppInboxStore["state"];
    ui!: InboxUi;
    listRef!: ReturnType<typeof useRef>;

    setup(): void {
        this.storeState = useState(this.props.store.state);
        this.ui = useState<InboxUi>({ focusedId: null, assignMenu: false, colleagues: null });
        this.listRef = useRef("list");
        onWillStart(async () => {
            // Back to the inbox: the list the store kept is shown at once and refreshed.
            await this.props.store.loadList();
        });
        onMounted(() => {
            const initial = this.props.initialConversationId;
            if (initial) {
                void this.open(initial);
            }
        });
    }

    get list() {
        return this.storeState.list;
    }

    get rows(): Conversation[] {
        const { conversations } = this.storeState;
        return this.list.ids.map((id) => conversations[id]).filter((c): c is Conversation => c !== undefined);
    }

    get active(): Conversation | null {
        const id = this.storeState.activeConversationId;
        return id === null ? null : this.storeState.conversations[id] ?? null;
    }

    get activeId(): number | null {
        return this.storeState.activeConversationId;
    }

    get isEmpty(): boolean {
        return !this.list.loading && !this.list.error && this.list.ids.length === 0;
    }

    /** Nothing at all yet, as opposed to nothing matching the filters. */
    get isInboxEmpty(): boolean {
        return this.isEmpty && this.list.filter === "all" && !this.list.accountId && !this.list.search;
    }

    now(): DateTime {
        return this.props.now ? this.props.now() : DateTime.now();
    }

    // ------------------------------------------------------------ row wording

    contactLine(conversation: Conversation): string {
        return conversation.phone ?? (conversation.username ? `@${conversation.username}` : "");
    }

    initials(conversation: Conversation): string {
        return initials(conversation.name);
    }

    time(conversation: Conversation): string {
        return listTime(conversation.last_message_at, this.now());
    }

    preview(conversation: Conversation): string {
        const last = conversation.last_message;
        return last ? previewText(last.type, last.preview) : "";
    }

    tick(conversation: Conversation): Tick | null {
        const last = conversation.last_message;
        return last && last.direction === "outbound" ? deliveryTick(last.state) : null;
    }

    badge(conversation: Conversation): string {
        return unreadBadge(conversation.unread_count);
    }

    unreadLabel(conversation: Conversation): string {
        return _t("%s unread messages", this.badge(conversation));
    }

    windowOpen(conversation: Conversation): boolean {
        return windowOpen(conversation, this.now());
    }

    windowLabel(conversation: Conversation): string {
        return this.windowOpen(conversation)
            ? _t("The 24-hour window is open: free messages allowed")
            : _t("The 24-hour window is closed: templates only");
    }

    numberName(conversation: Conversation): string {
        return this.props.numbers.length > 1 ? this.props.numbers.find((n) => n.id === conversation.account_id)?.name ?? "" : "";
    }

    rowId(conversation: Conversation): string {
        return `o_cusoft_whatsapp_conversation_${conversation.id}`;
    }

    // ------------------------------------------------------------ list actions

    setFilter(filter: InboxFilter): void {
        if (filter !== this.list.filter) {
            void this.props.store.loadList({ filter });
        }
    }

    setNumber(ev: Event): void {
        const value = Number((ev.target as HTMLSelectElement).value);
        void this.props.store.loadList({ accountId: value || null });
    }

    onSearchInput(ev: Event): void {
        this.props.store.setSearch((ev.target as HTMLInputElement).value);
    }

    onListScroll(): void {
        const el = this.listRef.el;
        if (el && el.scrollTop + el.clientHeight >= el.scrollHeight - LOAD_MORE_MARGIN) {
            void this.props.store.loadMoreConversations();
        }
    }

    loadMore(): void {
        void this.props.store.loadMoreConversations();
    }

    reload(): void {
        void this.props.store.loadList();
    }

    async open(conversationId: number): Promise<void> {
        this.ui.focusedId = conversationId;
        this.ui.assignMenu = false;
        this.ui.colleagues = null;
        this.props.onOpen?.(conversationId);
        await this.props.store.openConversation(conversationId);
    }

    close(): void {
        const active = this.activeId;
        this.props.store.closeConversation();
        this.ui.assignMenu = false;
        this.props.onOpen?.(null);
        // Back on the list, on the row just left, so the keyboard carries on from there.
        this.ui.focusedId = active;
        this.listRef.el?.querySelector<HTMLElement>(".o_cusoft_whatsapp_conversations")?.focus();
    }

    /** Up/Down move through the rows, Enter opens, Esc closes (WhatsApp Web's keys). */
    onListKeydown(ev: KeyboardEvent): void {
        const ids = this.list.ids;
        if (!ids.length) {
            return;
        }
        const current = this.ui.focusedId ?? this.activeId;
        const index = current === null ? -1 : ids.indexOf(current);
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
            ev.preventDefault();
            const next = ev.key === "ArrowDown" ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
            this.ui.focusedId = ids[next]!;
            this.listRef.el?.querySelector(`#o_cusoft_whatsapp_conversation_${this.ui.focusedId}`)?.scrollIntoView?.({ block: "nearest" });
            if (next >= ids.length - 3) {
                void this.props.store.loadMoreConversations();
            }
        } else if (ev.key === "Enter" && index >= 0) {
            ev.preventDefault();
            void this.open(ids[index]!);
        }
    }

    /** Esc anywhere in the inbox goes back to the list, unless a part of the thread used it (closing a reply…). */
    onKeydown(ev: KeyboardEvent): void {
        if (ev.key === "Escape" && !ev.defaultPrevented && this.activeId !== null) {
            ev.preventDefault();
            this.close();
        }
    }

    // ------------------------------------------------------------ assignment

    isMine(conversation: Conversation): boolean {
        return conversation.assignee?.id === this.props.store.userId;
    }

    claim(): void {
        if (this.activeId !== null) {
            void this.props.store.claim(this.activeId);
        }
    }

    release(): void {
        if (this.activeId !== null) {
            void this.props.store.release(this.activeId);
        }
    }

    async toggleAssignMenu(): Promise<void> {
        const id = this.activeId;
        this.ui.assignMenu = !this.ui.assignMenu;
        if (this.ui.assignMenu && id !== null) {
            this.ui.colleagues = null;
            const colleagues = await this.props.store.colleagues(id);
            if (this.activeId === id) {
                this.ui.colleagues = colleagues;
            }
        }
    }

    assignTo(userId: number): void {
        this.ui.assignMenu = false;
        if (this.activeId !== null) {
            void this.props.store.assign(this.activeId, userId);
        }
    }

    dismissNotice(): void {
        this.props.store.dismissNotice();
    }
}
