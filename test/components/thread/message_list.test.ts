import { Settings } from "luxon";
import { makeDeferred, nextTick, text } from "../../helpers";
import { FakeInboxStore, chatMessage, conversation, messageRun } from "./fake_inbox_store";
import { NOW, bubble, mountThread, scroller, waitFor } from "./thread_helpers";

QUnit.module("components > thread > message list");

const OPEN = { window_expires_at: NOW.plus({ hours: 5 }).toUTC().toSQL({ includeOffset: false }) };

/** Where message `id` sits in the visible area: what must not move while older pages load. */
function visibleOffset(fixture: HTMLElement, id: number): number {
    return bubble(fixture, id).getBoundingClientRect().top - scroller(fixture).getBoundingClientRect().top;
}

function atBottom(el: HTMLElement): boolean {
    return el.scrollHeight - el.scrollTop - el.clientHeight < 2;
}

QUnit.test("opens at the newest message", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), messageRun(100, 40));
    const { fixture } = await mountThread(store);
    assert.ok(atBottom(scroller(fixture)), "scrolled to the bottom");
    assert.ok(scroller(fixture).scrollTop > 0, "the thread is taller than the pane");
});

QUnit.test("scrolling up loads the older page without moving what the user reads", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), messageRun(100, 40), { hasOlder: true });
    store.older[1] = messageRun(60, 40);
    const gate = makeDeferred<void>();
    store.olderGate = gate;
    const { fixture } = await mountThread(store);
    const el = scroller(fixture);
    el.scrollTop = 50;
    el.dispatchEvent(new Event("scroll"));
    await nextTick();
    assert.deepEqual(store.callsOf("loadOlder"), [[1]]);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_loading_older").startsWith("Loading older messages"));
    const before = visibleOffset(fixture, 102);
    gate.resolve();
    await waitFor(() => !!fixture.querySelector('[data-message-id="60"]'), "the older page is rendered");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_loading_older"));
    assert.ok(Math.abs(visibleOffset(fixture, 102) - before) <= 1, `message 102 stayed at ${before}px (now ${visibleOffset(fixture, 102)}px)`);
    assert.ok(el.scrollTop > 1000, "the new page is above, out of view");
    assert.strictEqual(store.callsOf("loadOlder").length, 1, "one page per scroll to the top");
});

QUnit.test("a new message keeps the view at the bottom when the user was there, not when reading history", async (assert) => {
    const store = new FakeInboxStore();
    const thread = store.seed(conversation(OPEN), messageRun(100, 40));
    const { fixture } = await mountThread(store);
    const el = scroller(fixture);
    thread.messages.push(chatMessage({ id: 500, body: "Are you still there?" }));
    await waitFor(() => !!fixture.querySelector('[data-message-id="500"]'), "the new message is rendered");
    await nextTick();
    assert.ok(atBottom(el), "pinned to the bottom");

    el.scrollTop = 100;
    el.dispatchEvent(new Event("scroll"));
    await nextTick();
    const reading = visibleOffset(fixture, 104);
    thread.messages.push(chatMessage({ id: 501, body: "Hello?" }));
    await waitFor(() => !!fixture.querySelector('[data-message-id="501"]'), "the second message is rendered");
    assert.notOk(atBottom(el), "the reader is not pulled down");
    assert.ok(Math.abs(visibleOffset(fixture, 104) - reading) <= 1);
});

QUnit.test("a live update re-renders the message: ticks move from queued to read", async (assert) => {
    const store = new FakeInboxStore();
    const thread = store.seed(conversation(OPEN), [chatMessage({ id: 9, direction: "outbound", state: "queued", body: "On my way" })]);
    const { fixture } = await mountThread(store);
    const tick = () => bubble(fixture, 9).querySelector(".o_cusoft_whatsapp_tick")!;
    assert.strictEqual(tick().getAttribute("aria-label"), "Queued");
    for (const [state, label] of [["sent", "Sent"], ["delivered", "Delivered"], ["read", "Read"]] as const) {
        thread.messages[0]!.state = state;
        await nextTick();
        assert.strictEqual(tick().getAttribute("aria-label"), label);
    }
    assert.strictEqual(tick().textContent, "✓✓");
});

QUnit.test("a message Meta throttled says when it will be tried again", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), [chatMessage({ id: 4, direction: "outbound", state: "queued", retry_at: "2026-11-25 10:05:00" })]);
    const { fixture } = await mountThread(store);
    const expected = `WhatsApp asked to slow down: next attempt at ${NOW.plus({ minutes: 5 }).toLocaleString({ hour: "2-digit", minute: "2-digit" })}.`;
    assert.strictEqual(text(bubble(fixture, 4), ".o_cusoft_whatsapp_waiting"), expected);
});

QUnit.test("a failed message is red with Meta's reason, and Retry sends it again once", async (assert) => {
    const store = new FakeInboxStore();
    const failed = (await import("../../contract")).contractAnswer("/cusoft_whatsapp/chat/messages", "live_update");
    const raw = (failed.messages as Record<string, unknown>[])[0]!;
    store.seed(conversation(OPEN), [chatMessage({ ...raw, conversation_id: 1 })]);
    const { fixture } = await mountThread(store);
    const message = bubble(fixture, 12);
    assert.ok(message.classList.contains("o_cusoft_whatsapp_failed"));
    assert.ok(text(message, ".o_cusoft_whatsapp_error_explanation").startsWith("The message could not be delivered"));
    assert.strictEqual(text(message, ".o_cusoft_whatsapp_error_fix"), "Confirm the contact uses WhatsApp; do not resend repeatedly.");
    const retry = message.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_retry")!;
    retry.click();
    retry.click();
    await nextTick();
    assert.deepEqual(store.callsOf("retry"), [[12]], "a double click retries once");
    assert.notOk(bubble(fixture, 12).classList.contains("o_cusoft_whatsapp_failed"), "queued again");
    assert.strictEqual(bubble(fixture, 12).querySelector(".o_cusoft_whatsapp_tick")!.getAttribute("aria-label"), "Queued");
});

QUnit.test("an uncertain failure says WhatsApp may already have the message", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), [
        chatMessage({
            id: 3,
            direction: "outbound",
            state: "failed",
            error: { kind: "uncertain", code: null, title: null, explanation: "WhatsApp did not confirm this message.", fix: "Check with the customer.", details: null, uncertain: true },
        }),
    ]);
    const { fixture } = await mountThread(store);
    assert.ok(text(bubble(fixture, 3), ".o_cusoft_whatsapp_failure").startsWith("WhatsApp may already have this message."), text(bubble(fixture, 3), ".o_cusoft_whatsapp_failure"));
    assert.strictEqual(text(bubble(fixture, 3), ".o_cusoft_whatsapp_retry"), "Send again anyway");
});

QUnit.test("clicking a quote jumps to the original, loaded around it, focused and highlighted", async (assert) => {
    const store = new FakeInboxStore();
    const recent = messageRun(100, 40);
    recent.push(chatMessage({ id: 200, direction: "outbound", body: "Yes", reply_to: { id: 70, direction: "inbound", type: "text", body: "Message 70" } }));
    store.seed(conversation(OPEN), recent, { hasOlder: true });
    store.older[1] = messageRun(60, 40);
    const { fixture } = await mountThread(store);
    bubble(fixture, 200).querySelector<HTMLElement>(".o_cusoft_whatsapp_quote")!.click();
    await waitFor(() => document.activeElement?.getAttribute("data-message-id") === "70", "the original has the focus");
    assert.deepEqual(store.callsOf("jumpToMessage"), [[1, 70]]);
    const el = scroller(fixture);
    const offset = visibleOffset(fixture, 70);
    assert.ok(offset >= 0 && offset < el.clientHeight, `the original is in view (${offset}px of ${el.clientHeight})`);
    await nextTick();
    assert.ok(bubble(fixture, 70).classList.contains("o_cusoft_whatsapp_highlighted"));

    el.scrollTop = el.scrollHeight;
    el.dispatchEvent(new Event("scroll"));
    bubble(fixture, 200).focus();
    await nextTick();
    bubble(fixture, 200).querySelector<HTMLElement>(".o_cusoft_whatsapp_quote")!.click();
    await waitFor(() => document.activeElement?.getAttribute("data-message-id") === "70", "the same quote jumps again");
    const again = visibleOffset(fixture, 70);
    assert.ok(again >= 0 && again < el.clientHeight, `in view again (${again}px)`);
});

QUnit.test("reactions show on their target; the hover menu reacts and takes a reaction back", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), [
        chatMessage({ id: 1, reactions: [{ emoji: "❤️", direction: "inbound" }], direction: "outbound", state: "read" }),
        chatMessage({ id: 2, body: "Thanks!" }),
    ]);
    const { fixture, observed } = await mountThread(store);
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_reactions"), "❤️", "the customer's reaction");
    assert.notOk(bubble(fixture, 1).querySelector(".o_cusoft_whatsapp_quick_reaction"), "no reacting to our own messages");
    const thumbs = () => [...bubble(fixture, 2).querySelectorAll<HTMLButtonElement>(".o_cusoft_whatsapp_quick_reaction")].find((b) => b.textContent === "👍")!;
    thumbs().click();
    await nextTick();
    assert.strictEqual(text(bubble(fixture, 2), ".o_cusoft_whatsapp_reactions"), "👍");
    assert.strictEqual(thumbs().getAttribute("aria-pressed"), "true");
    thumbs().click();
    await nextTick();
    assert.notOk(bubble(fixture, 2).querySelector(".o_cusoft_whatsapp_reactions"), "clicked again: removed");
    bubble(fixture, 2).querySelector<HTMLElement>(".o_cusoft_whatsapp_more_reactions")!.click();
    await nextTick();
    assert.strictEqual(observed.picked.length, 1, "the emoji picker opened");
    assert.deepEqual(store.callsOf("react"), [[1, 2, "👍"], [1, 2, ""], [1, 2, "😀"]]);
});

QUnit.test("day separators and times follow the user's time zone", async (assert) => {
    const zone = Settings.defaultZone;
    Settings.defaultZone = "America/Mexico_City"; // UTC-6: 03:00 UTC is 21:00 the evening before
    try {
        const store = new FakeInboxStore();
        store.seed(conversation(OPEN), [
            chatMessage({ id: 1, timestamp: "2026-11-25 03:00:00" }),
            chatMessage({ id: 2, timestamp: "2026-11-25 15:30:00" }),
        ]);
        const { fixture, observed } = await mountThread(store);
        observed.clock.now = NOW.setZone("America/Mexico_City");
        const days = [...fixture.querySelectorAll(".o_cusoft_whatsapp_day")].map((d) => d.textContent!.trim());
        assert.deepEqual(days, ["Yesterday", "Today"]);
        assert.strictEqual(bubble(fixture, 1).querySelector("time")!.textContent, "09:00 PM");
    } finally {
        Settings.defaultZone = zone;
    }
});

QUnit.test("thousands of messages: only rows near the viewport are rendered, and scrolling renders the others", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), messageRun(1, 2000));
    const { fixture } = await mountThread(store);
    const el = scroller(fixture);
    const rendered = fixture.querySelectorAll(".o_cusoft_whatsapp_row").length;
    assert.ok(rendered > 5 && rendered < 100, `${rendered} rows in the DOM`);
    assert.ok(fixture.querySelector('[data-message-id="2000"]'), "the newest is shown");
    assert.ok(atBottom(el));
    el.scrollTop = 0;
    el.dispatchEvent(new Event("scroll"));
    await nextTick();
    await waitFor(() => !!fixture.querySelector('[data-message-id="1"]'), "the oldest is rendered at the top");
    assert.notOk(fixture.querySelector('[data-message-id="2000"]'), "the newest left the DOM");
});
