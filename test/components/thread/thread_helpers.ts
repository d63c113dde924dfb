// Mounting the thread's components for the browser tier: the fake store, plain integrations the
// test can observe, and the few layout rules scrolling needs (the page has no Odoo CSS).
import { DateTime } from "luxon";
import { ThreadPane } from "../../../static_src/components/thread_pane/thread_pane";
import { CHAT_INTEGRATIONS_KEY, type ChatIntegrations, type ViewableFile } from "../../../static_src/components/thread_pane/chat_integrations";
import type { SharedContact } from "../../../static_src/domain/message_body";
import { mountComponent, nextTick } from "../../helpers";
import type { FakeInboxStore } from "./fake_inbox_store";

/** 2026-11-25 10:00 UTC: the contract fixtures' messages are from 09:57 that day. */
export const NOW = DateTime.fromSQL("2026-11-25 10:00:00", { zone: "utc" }).setZone("default");

const LAYOUT = `
.o_cusoft_whatsapp_thread_pane { display: flex; flex-direction: column; height: 400px; width: 600px; }
.o_cusoft_whatsapp_message_list { position: relative; overflow-y: auto; overflow-anchor: none; flex: 1 1 auto; min-height: 0; }
.o_cusoft_whatsapp_row { min-height: 40px; }
`;

let styled = false;

function addLayout(): void {
    if (!styled) {
        const style = document.createElement("style");
        style.textContent = LAYOUT;
        document.head.appendChild(style);
        styled = true;
    }
}

export interface Observed {
    clock: { now: DateTime };
    opened: ViewableFile[];
    templates: number[];
    created: SharedContact[];
    picked: HTMLElement[];
    /** What the fake emoji picker answers when opened. */
    emoji: string;
}

export function observedIntegrations(): { integrations: Partial<ChatIntegrations>; observed: Observed } {
    const observed: Observed = { clock: { now: NOW }, opened: [], templates: [], created: [], picked: [], emoji: "😀" };
    const integrations: Partial<ChatIntegrations> = {
        openFile: (file) => observed.opened.push(file),
        pickEmoji: (target, onSelect) => {
            observed.picked.push(target);
            onSelect(observed.emoji);
        },
        openTemplatePicker: (id) => observed.templates.push(id),
        createContact: (contact) => observed.created.push(contact),
        now: () => observed.clock.now,
        tickMs: 10,
    };
    return { integrations, observed };
}

export async function mountThread(store: FakeInboxStore, conversationId = 1, overrides: Partial<ChatIntegrations> = {}) {
    addLayout();
    const { integrations, observed } = observedIntegrations();
    let mounted;
    try {
        mounted = await mountComponent(ThreadPane, { store, conversationId }, {
            [CHAT_INTEGRATIONS_KEY]: { ...integrations, ...overrides },
        });
    } catch (error) {
        // OWL wraps lifecycle errors in a generic one; the test report needs the real cause.
        const cause = (error as { cause?: Error }).cause;
        throw new Error(`mounting the thread failed: ${cause?.message ?? error}`, { cause });
    }
    await nextTick();
    return { ...mounted, observed };
}

/** Waits (frame by frame, at most ~2 s) until `condition` holds; fails the test otherwise. */
export async function waitFor(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 120; i++) {
        if (condition()) {
            return;
        }
        await nextTick();
    }
    throw new Error(`timed out waiting for: ${what}`);
}

export function scroller(fixture: HTMLElement): HTMLElement {
    return fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_message_list")!;
}

export function bubble(fixture: HTMLElement, id: number): HTMLElement {
    const found = fixture.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
    if (!found) {
        throw new Error(`message ${id} is not rendered`);
    }
    return found;
}

export function keydown(target: HTMLElement, key: string, options: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...options });
    target.dispatchEvent(event);
    return event;
}

export function typeInto(textarea: HTMLTextAreaElement | HTMLInputElement, value: string): void {
    textarea.value = value;
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
}
