import { Component, onMounted, onPatched, onWillPatch, onWillRender, onWillUnmount, onWillUpdateProps, status, toRaw, useRef, useState } from "@odoo/owl";
import type { ChatMessage } from "../../api/schemas/chat";
import { offsetOf, visibleRange, type WindowRange } from "../../domain/list_window";
import { dayKey, dayLabel } from "../../domain/thread_dates";
import type { InboxStore, ThreadState } from "../../services/inbox_contract";
import { MessageBubble } from "../message_bubble/message_bubble";
import type { ChatIntegrations } from "../thread_pane/chat_integrations";

/** Past this many loaded messages only the rows near the viewport are rendered. */
export const WINDOW_FROM = 300;
/** Height of a row never shown yet; measured heights replace it once rendered. */
const ESTIMATE = 64;
/** Pixels rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
const OVERSCAN = 500;
/** Distance from the top (or bottom) that fetches the next page. */
const EDGE = 300;
const PINNED_SLACK = 8;
const HIGHLIGHT_MS = 2000;

export interface MessageListProps {
    store: InboxStore;
    conversationId: number;
    integrations: ChatIntegrations;
    onReply: (message: ChatMessage) => void;
}

interface Row {
    key: string;
    message: ChatMessage;
    day: string | null;
}

/** Where a row sat in the viewport before a patch, to put it back there after (no jump on prepend). */
interface Anchor {
    id: string;
    delta: number;
}

/**
 * The thread's messages, oldest first: pages load at the edges, the view keeps its place when older
 * messages are prepended, stays at the bottom when it was there, and scrolls to a jumped-to quote.
 */
export class MessageList extends Component<MessageListProps> {
    static template = "cusoft_whatsapp.MessageList";
    static props = { store: Object, conversationId: Number, integrations: Object, onReply: Function };
    static components = { MessageBubble };

    storeState!: InboxStore["state"];
    ui!: { highlightId: number | null; scrollTick: number };
    scroller!: ReturnType<typeof useRef>;

    rows: Row[] = [];
    range: WindowRange = { start: 0, end: 0, before: 0, after: 0 };
    private heights = new Map<number, number>();
    private scrollTop = 0;
    private viewport = 600;
    private pinned = true;
    private anchor: Anchor | null = null;
    private firstId: number | null = null;
    private handledFocus: number | null = null;
    private highlightTimer: ReturnType<typeof setTimeout> | undefined;
    private scrollFrame = 0;

    setup(): void {
        this.storeState = useState(this.props.store.state);
        this.ui = useState({ highlightId: null as number | null, scrollTick: 0 });
        this.scroller = useRef("scroller");
        onWillRender(() => this.beforeRender());
        // Taken just before the DOM changes, not when rendering starts: OWL patches a frame later,
        // and a scroll in between must not be undone.
        onWillPatch(() => {
            this.anchor = this.scroller.el ? this.findAnchor(this.scroller.el) : null;
        });
        onMounted(() => this.afterRender());
        onPatched(() => this.afterRender());
        onWillUpdateProps((next: MessageListProps) => {
            if (next.conversationId !== this.props.conversationId) {
                this.reset(next.conversationId);
            }
        });
        // A jump made before (then the user switched away and back) is not replayed on opening.
        this.handledFocus = this.focusOf(this.props.conversationId);
        onWillUnmount(() => {
            clearTimeout(this.highlightTimer);
            cancelAnimationFrame(this.scrollFrame);
        });
    }

    get thread(): ThreadState | undefined {
        return this.storeState.threads[this.props.conversationId];
    }

    get messages(): ChatMessage[] {
        return this.thread?.messages ?? [];
    }

    get windowed(): boolean {
        return this.messages.length > WINDOW_FROM;
    }

    private focusOf(conversationId: number): number | null {
        return this.props.store.state.threads[conversationId]?.focusMessageId ?? null;
    }

    /**
     * The store sets `focusMessageId`, which only re-renders when it changes: a second jump to the
     * same quote is forced through here.
     */
    async jump(messageId: number): Promise<void> {
        this.handledFocus = null;
        await this.props.store.jumpToMessage(this.props.conversationId, messageId);
        if (status(this) === "mounted") {
            this.render();
        }
    }

    private reset(conversationId: number): void {
        this.heights.clear();
        this.pinned = true;
        this.anchor = null;
        this.firstId = null;
        this.handledFocus = this.focusOf(conversationId);
        this.scrollTop = 0;
        this.ui.highlightId = null;
    }

    private pendingFocus(): number | null {
        const focus = this.thread?.focusMessageId ?? null;
        return focus !== null && focus !== this.handledFocus ? focus : null;
    }

    private beforeRender(): void {
        void this.ui.scrollTick; // a scroll in a windowed list re-renders through this counter
        const el = this.scroller.el;
        if (el) {
            this.scrollTop = el.scrollTop;
            this.viewport = el.clientHeight || this.viewport;
        }
        // Reading every message through the reactive proxy would subscribe this list to thousands
        // of objects on each render: the arithmetic runs on the raw array, and only the rendered
        // rows are read reactively (with the array's length, which any page or new message changes).
        const live = this.messages;
        void live.length;
        const messages = toRaw(live);
        const firstId = messages[0]?.id ?? null;
        if (this.firstId !== null && firstId !== this.firstId) {
            // Older messages were prepended: the rows the user sees moved down by their height.
            const shift = messages.findIndex((m) => m.id === this.firstId);
            for (let i = 0; i < shift; i++) {
                this.scrollTop += this.heights.get(messages[i]!.id) ?? ESTIMATE;
            }
        }
        this.firstId = firstId;
        this.range = this.computeRange(messages);
        const now = this.props.integrations.now();
        this.rows = [];
        for (let i = this.range.start; i < this.range.end; i++) {
            const message = live[i]!;
            const previous = messages[i - 1];
            const at = message.timestamp;
            const newDay = at && (!previous?.timestamp || dayKey(previous.timestamp) !== dayKey(at));
            this.rows.push({
                key: message.client_id ?? String(message.id),
                message,
                day: newDay ? dayLabel(at, now) : null,
            });
        }
    }

    private computeRange(messages: ChatMessage[]): WindowRange {
        const count = messages.length;
        if (count <= WINDOW_FROM) {
            return { start: 0, end: count, before: 0, after: 0 };
        }
        const heights = messages.map((m) => this.heights.get(m.id));
        let top = this.scrollTop;
        const focus = this.pendingFocus();
        const focusIndex = focus === null ? -1 : messages.findIndex((m) => m.id === focus);
        if (focusIndex >= 0) {
            top = offsetOf(heights, ESTIMATE, focusIndex) - this.viewport / 2;
        } else if (this.pinned) {
            top = offsetOf(heights, ESTIMATE, count) - this.viewport;
        }
        return visibleRange(heights, ESTIMATE, Math.max(0, top), this.viewport, OVERSCAN);
    }

    private findAnchor(el: HTMLElement): Anchor | null {
        // The bubble, not its row: a row loses its day separator when older messages of the same day
        // arrive above it, and the text being read must not move by that separator's height.
        const top = el.getBoundingClientRect().top;
        for (const message of el.querySelectorAll<HTMLElement>("[data-message-id]")) {
            const rect = message.getBoundingClientRect();
            if (rect.bottom > top) {
                return { id: message.dataset.messageId!, delta: rect.top - top };
            }
        }
        return null;
    }

    private afterRender(): void {
        const el = this.scroller.el;
        if (!el) {
            return;
        }
        for (const row of el.querySelectorAll<HTMLElement>("[data-row-id]")) {
            this.heights.set(Number(row.dataset.rowId), row.offsetHeight);
        }
        const focus = this.pendingFocus();
        const target = focus === null ? null : el.querySelector<HTMLElement>(`[data-message-id="${focus}"]`);
        if (focus !== null && target) {
            this.handledFocus = focus;
            this.pinned = false;
            el.scrollTop = target.offsetTop - (el.clientHeight - target.offsetHeight) / 2;
            target.focus({ preventScroll: true });
            this.highlight(focus);
        } else if (this.pinned) {
            el.scrollTop = el.scrollHeight;
        } else if (this.anchor) {
            const message = el.querySelector<HTMLElement>(`[data-message-id="${this.anchor.id}"]`);
            if (message) {
                el.scrollTop += message.getBoundingClientRect().top - el.getBoundingClientRect().top - this.anchor.delta;
            }
        }
        this.scrollTop = el.scrollTop;
        if (el.scrollHeight <= el.clientHeight) {
            this.loadAtEdges(el); // a short first page leaves no scrollbar to reach the top with
        }
    }

    private highlight(id: number): void {
        this.ui.highlightId = id;
        clearTimeout(this.highlightTimer);
        this.highlightTimer = setTimeout(() => {
            this.ui.highlightId = null;
        }, HIGHLIGHT_MS);
    }

    private loadAtEdges(el: HTMLElement): void {
        const thread = this.thread;
        if (!thread || thread.loading) {
            return;
        }
        if (thread.hasOlder && el.scrollTop < EDGE) {
            void this.props.store.loadOlder(this.props.conversationId);
        } else if (thread.hasNewer && el.scrollHeight - el.scrollTop - el.clientHeight < EDGE) {
            void this.props.store.loadNewer(this.props.conversationId);
        }
    }

    onScroll(): void {
        const el = this.scroller.el;
        if (!el) {
            return;
        }
        this.scrollTop = el.scrollTop;
        this.pinned = !this.thread?.hasNewer && el.scrollHeight - el.scrollTop - el.clientHeight < PINNED_SLACK;
        this.loadAtEdges(el);
        if (this.windowed && !this.scrollFrame) {
            this.scrollFrame = requestAnimationFrame(() => {
                this.scrollFrame = 0;
                const next = this.computeRange(toRaw(this.messages));
                if (next.start !== this.range.start || next.end !== this.range.end) {
                    this.ui.scrollTick++;
                }
            });
        }
    }
}
