import { DateTime } from "luxon";
import { WhatsAppApi } from "../../../static_src/api/client";
import { Inbox } from "../../../static_src/components/inbox/inbox";
import { contractAnswer } from "../../contract";
import { click, fakeRpc, mountComponent, nextTick, text } from "../../helpers";
import { chatHarness, COLLEAGUE, FakeChatServer, ME, settle, sqlTime } from "../../services/chat_fakes";

QUnit.module("components > Inbox");

const NUMBERS = [{ id: 1, name: "Sales (+1 555-000-1234)" }];
const TWO_NUMBERS = [...NUMBERS, { id: 2, name: "Support (+1 555-000-9999)" }];

function serverWithRows(): FakeChatServer {
    const server = new FakeChatServer();
    server.addConversation(1, { name: "Maria Lopez", phone: "+15550009876", assignee: COLLEAGUE, window_expires_at: "2000-01-01 00:00:00" });
    server.addMessage(1, { direction: "outbound", state: "delivered", body: "Your order shipped" });
    server.addConversation(2, { name: "", phone: null, username: "pedro.ws", account_id: 2 });
    for (let i = 0; i < 150; i++) {
        server.addMessage(2, { body: i === 149 ? "Hello??" : "spam" });
    }
    server.addConversation(3, { name: "Ana", assignee: ME });
    return server;
}

async function mountInbox(server = serverWithRows(), numbers = NUMBERS) {
    const harness = chatHarness(server);
    const mounted = await mountComponent(Inbox, { store: harness.store, numbers });
    await nextTick();
    return { ...harness, ...mounted };
}

function rows(fixture: HTMLElement): HTMLElement[] {
    return [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_conversation")];
}

function row(fixture: HTMLElement, id: number): HTMLElement {
    return fixture.querySelector<HTMLElement>(`.o_cusoft_whatsapp_conversation[data-id="${id}"]`)!;
}

function key(target: Element, keyName: string): void {
    target.dispatchEvent(new KeyboardEvent("keydown", { key: keyName, bubbles: true, cancelable: true }));
}

QUnit.test("each row shows who, the last message with its tick, the time, unread count, assignee and window", async (assert) => {
    const { fixture } = await mountInbox();
    assert.deepEqual(rows(fixture).map((r) => r.dataset.id), ["2", "1", "3"], "newest activity first");
    const maria = row(fixture, 1);
    assert.strictEqual(text(maria, ".o_cusoft_whatsapp_name"), "Maria Lopez");
    assert.strictEqual(text(maria, ".o_cusoft_whatsapp_contact"), "+15550009876");
    assert.strictEqual(text(maria, ".o_cusoft_whatsapp_preview"), "Your order shipped");
    assert.strictEqual(maria.querySelector(".o_cusoft_whatsapp_tick")!.getAttribute("aria-label"), "Delivered");
    assert.strictEqual(text(maria, ".o_cusoft_whatsapp_tick"), "✓✓");
    assert.strictEqual(text(maria, ".o_cusoft_whatsapp_row_assignee"), "Luis");
    assert.ok(maria.querySelector(".o_cusoft_whatsapp_row_window_closed"), "the window has expired");
    assert.notOk(maria.querySelector(".o_cusoft_whatsapp_badge"), "nothing unread");
    const expected = DateTime.fromSQL(sqlTime(0), { zone: "utc" }).setZone("default");
    assert.strictEqual(maria.querySelector("time")!.getAttribute("datetime"), expected.toISO(), "the time is the user's zone");
    const pedro = row(fixture, 2);
    assert.strictEqual(text(pedro, ".o_cusoft_whatsapp_name"), "@pedro.ws", "a username when there is no name nor number");
    assert.strictEqual(text(pedro, ".o_cusoft_whatsapp_badge"), "99+");
    assert.notOk(pedro.querySelector(".o_cusoft_whatsapp_tick"), "no tick on a customer's message");
    assert.strictEqual(text(pedro, ".o_cusoft_whatsapp_row_assignee"), "Unassigned");
    assert.ok(pedro.querySelector(".o_cusoft_whatsapp_row_window_open"));
    assert.ok(pedro.classList.contains("o_cusoft_whatsapp_unread"));
});

QUnit.test("filters and the number filter ask the server; the number filter only with several numbers", async (assert) => {
    const single = await mountInbox();
    assert.notOk(single.fixture.querySelector(".o_cusoft_whatsapp_number_filter"), "one number: no number filter");
    const { fixture, calls } = await mountInbox(serverWithRows(), TWO_NUMBERS);
    click(fixture, '.o_cusoft_whatsapp_filters [data-filter="mine"]');
    await settle();
    assert.deepEqual(rows(fixture).map((r) => r.dataset.id), ["3"]);
    assert.strictEqual(fixture.querySelector('[data-filter="mine"]')!.getAttribute("aria-pressed"), "true");
    click(fixture, '.o_cusoft_whatsapp_filters [data-filter="all"]');
    await settle();
    const select = fixture.querySelector<HTMLSelectElement>(".o_cusoft_whatsapp_number_filter")!;
    select.value = "2";
    select.dispatchEvent(new Event("change"));
    await settle();
    assert.deepEqual(rows(fixture).map((r) => r.dataset.id), ["2"]);
    assert.deepEqual(calls("conversations").map((p) => [p.filter, p.account_id ?? null]), [
        ["all", null],
        ["mine", null],
        ["all", null],
        ["all", 2],
    ]);
    assert.ok(text(row(fixture, 2), ".o_cusoft_whatsapp_contact").includes("Support"), "rows name their number");
});

QUnit.test("the search waits for a pause in typing", async (assert) => {
    const { fixture, calls, clock } = await mountInbox();
    const input = fixture.querySelector<HTMLInputElement>(".o_cusoft_whatsapp_search")!;
    input.value = "mar";
    input.dispatchEvent(new Event("input"));
    assert.strictEqual(calls("conversations").length, 1);
    clock.advance(300);
    await settle();
    assert.strictEqual(calls("conversations")[1]!.search, "mar");
    assert.deepEqual(rows(fixture).map((r) => r.dataset.id), ["1"]);
});

QUnit.test("up, down and Enter open a conversation beside the list; Esc goes back to the list", async (assert) => {
    const { fixture, store } = await mountInbox();
    const list = fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_conversations")!;
    list.focus();
    key(list, "ArrowDown");
    key(list, "ArrowDown");
    key(list, "ArrowDown");
    key(list, "ArrowUp");
    await nextTick();
    assert.strictEqual(list.getAttribute("aria-activedescendant"), "o_cusoft_whatsapp_conversation_1");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_thread_pane"), "moving does not open");
    key(list, "Enter");
    await settle();
    await nextTick();
    assert.strictEqual(store.state.activeConversationId, 1);
    assert.strictEqual(row(fixture, 1).getAttribute("aria-selected"), "true");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_inbox_has_thread"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_contact_name"), "Maria Lopez");
    key(fixture.querySelector(".o_cusoft_whatsapp_thread_pane")!, "Escape");
    await nextTick();
    assert.strictEqual(store.state.activeConversationId, null);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_thread_pane"));
    assert.strictEqual(document.activeElement, fixture.querySelector(".o_cusoft_whatsapp_conversations"), "the focus is back on the list");
});

QUnit.test("a customer's new message moves their row to the top, live", async (assert) => {
    const { fixture, server, bus, clock } = await mountInbox();
    const message = server.addMessage(3, { body: "Is the shop open today?" });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 3, message_id: message.id, state: "received", direction: "inbound" });
    clock.advance(100);
    await settle();
    await nextTick();
    assert.deepEqual(rows(fixture).map((r) => r.dataset.id), ["3", "2", "1"]);
    assert.strictEqual(text(row(fixture, 3), ".o_cusoft_whatsapp_preview"), "Is the shop open today?");
    assert.strictEqual(text(row(fixture, 3), ".o_cusoft_whatsapp_badge"), "1");
});

QUnit.test("claim, assign to a colleague and release from the open conversation", async (assert) => {
    const { fixture, store } = await mountInbox();
    click(row(fixture, 2), ".o_cusoft_whatsapp_name");
    await settle();
    await nextTick();
    click(fixture, ".o_cusoft_whatsapp_claim");
    await settle();
    await nextTick();
    assert.strictEqual(text(row(fixture, 2), ".o_cusoft_whatsapp_row_assignee"), "Ana");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_assignment").includes("You handle this conversation."));
    click(fixture, ".o_cusoft_whatsapp_assign");
    await settle();
    await nextTick();
    const colleague = [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_colleagues .dropdown-item")].find((b) => b.textContent === "Luis")!;
    colleague.click();
    await settle();
    await nextTick();
    assert.strictEqual(store.state.conversations[2]!.assignee!.id, COLLEAGUE.id);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_assignment").includes("Luis handles this conversation."));
    click(fixture, ".o_cusoft_whatsapp_release");
    await settle();
    await nextTick();
    assert.strictEqual(text(row(fixture, 2), ".o_cusoft_whatsapp_row_assignee"), "Unassigned");
});

QUnit.test("pages load as the list scrolls, or with the button", async (assert) => {
    const server = new FakeChatServer();
    for (let id = 1; id <= 45; id++) {
        server.addConversation(id);
    }
    const { fixture, calls } = await mountInbox(server);
    assert.strictEqual(rows(fixture).length, 40);
    click(fixture, ".o_cusoft_whatsapp_load_more");
    await settle();
    await nextTick();
    assert.strictEqual(rows(fixture).length, 45);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_load_more"), "nothing more to load");
    assert.strictEqual(calls("conversations").length, 2);
});

QUnit.test("an empty inbox says where conversations come from; an empty filter says so", async (assert) => {
    const { fixture } = await mountInbox(new FakeChatServer());
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_empty .fw-bold"), "No conversations yet");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_no_thread").includes("Choose a conversation"));
    click(fixture, '.o_cusoft_whatsapp_filters [data-filter="unread"]');
    await settle();
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_empty"), "No conversation matches these filters.");
});

QUnit.test("with no number connected, the empty inbox leads administrators to the setup and tells others whom to ask", async (assert) => {
    const harness = chatHarness(new FakeChatServer());
    let opened = 0;
    const admin = await mountComponent(Inbox, { store: harness.store, numbers: [], noNumber: { canManage: true, openSetup: () => opened++ } });
    await nextTick();
    assert.strictEqual(text(admin.fixture, ".o_cusoft_whatsapp_no_number .fw-bold"), "No WhatsApp number is connected yet");
    click(admin.fixture, ".o_cusoft_whatsapp_open_setup");
    assert.strictEqual(opened, 1, "the button opens the setup");
    const agent = await mountComponent(Inbox, { store: chatHarness(new FakeChatServer()).store, numbers: [], noNumber: { canManage: false, openSetup: () => opened++ } });
    await nextTick();
    assert.notOk(agent.fixture.querySelector(".o_cusoft_whatsapp_open_setup"), "only administrators can connect a number");
    assert.ok(text(agent.fixture, ".o_cusoft_whatsapp_no_number").includes("Ask an administrator"));
});

QUnit.test("an administrator's empty inbox shows the setup checklist where the thread goes; a busy inbox does not", async (assert) => {
    const route = "/cusoft_whatsapp/setup/checklist";
    const checklist = { api: new WhatsAppApi(fakeRpc({ [route]: () => contractAnswer(route, "connected") })), copy: async () => {} };
    const empty = await mountComponent(Inbox, { store: chatHarness(new FakeChatServer()).store, numbers: NUMBERS, checklist });
    await nextTick();
    assert.ok(empty.fixture.querySelector(".o_cusoft_whatsapp_inbox_thread .o_cusoft_whatsapp_setup"), "what is left to set up, beside the empty list");
    assert.notOk(empty.fixture.querySelector(".o_cusoft_whatsapp_no_thread"));
    const busy = await mountComponent(Inbox, { store: chatHarness(serverWithRows()).store, numbers: NUMBERS, checklist });
    await nextTick();
    assert.notOk(busy.fixture.querySelector(".o_cusoft_whatsapp_setup"), "conversations came in: the usual placeholder");
    assert.ok(busy.fixture.querySelector(".o_cusoft_whatsapp_no_thread"));
});
