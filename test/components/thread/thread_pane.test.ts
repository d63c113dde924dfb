import { Component, useState, xml } from "@odoo/owl";
import { ThreadPane } from "../../../static_src/components/thread_pane/thread_pane";
import { CHAT_INTEGRATIONS_KEY } from "../../../static_src/components/thread_pane/chat_integrations";
import type { InboxStore } from "../../../static_src/services/inbox_contract";
import { mountComponent, nextTick, text } from "../../helpers";
import { FakeInboxStore, conversation, messageRun } from "./fake_inbox_store";
import { NOW, mountThread, observedIntegrations, typeInto, waitFor } from "./thread_helpers";

QUnit.module("components > thread > pane");

function utc(at: typeof NOW): string {
    return at.toUTC().toSQL({ includeOffset: false })!;
}

QUnit.test("the header names the customer, their number, the assignee and the time left to reply", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation({ name: "Maria Lopez", window_expires_at: utc(NOW.plus({ hours: 23, minutes: 59, seconds: 58 })) }), messageRun(1, 2));
    const { fixture } = await mountThread(store);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_name"), "Maria Lopez");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_number"), "+15550001111");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_initials"), "ML", "initials without a contact picture");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_assignee").startsWith("Assigned to wa_user"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_countdown"), "23:59:58 left to reply");
});

QUnit.test("a customer known by username only shows @username; a live change of assignee shows at once", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation({ phone: null, username: "maria.shop", assignee: null }), messageRun(1, 2));
    const { fixture } = await mountThread(store);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_number"), "@maria.shop");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_assignee"), "Unassigned");
    store.state.conversations[1]!.assignee = { id: 6, name: "Ana" };
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_assignee"), "Assigned to Ana");
});

QUnit.test("the countdown crossing zero disables free text and offers a template", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation({ window_expires_at: utc(NOW.plus({ seconds: 2 })) }), messageRun(1, 2));
    store.state.drafts[1] = "Half-written";
    const { fixture, observed } = await mountThread(store);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_countdown"), "0:00:02 left to reply");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_input"), "free text while the window is open");
    observed.clock.now = NOW.plus({ seconds: 1 });
    await waitFor(() => text(fixture, ".o_cusoft_whatsapp_countdown") === "0:00:01 left to reply", "the countdown ticks");
    observed.clock.now = NOW.plus({ seconds: 3 });
    await waitFor(() => text(fixture, ".o_cusoft_whatsapp_countdown") === "Window closed", "the window closes");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_input"), "no free text any more");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_window_closed").includes("only accepts an approved template"));
    fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_send_template")!.click();
    assert.deepEqual(observed.templates, [1], "the template picker opens for this conversation");
    assert.strictEqual(store.state.drafts[1], "Half-written", "the draft is kept for when the customer answers");
});

QUnit.test("without a template picker the button says it cannot be used yet", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation({ window_expires_at: null }), messageRun(1, 2));
    const { fixture } = await mountThread(store, 1, { openTemplatePicker: null });
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_countdown"), "No open window");
    assert.true(fixture.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_send_template")!.disabled);
});

QUnit.test("opens the conversation in the store when the inbox has not", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation({ window_expires_at: null }), messageRun(1, 2));
    store.state.activeConversationId = null;
    await mountThread(store);
    assert.deepEqual(store.callsOf("openConversation"), [[1]]);
    const other = new FakeInboxStore();
    other.seed(conversation({ window_expires_at: null }), messageRun(1, 2));
    await mountThread(other);
    assert.deepEqual(other.callsOf("openConversation"), [], "already open: not loaded twice");
});

class Host extends Component<{ store: InboxStore }> {
    static template = xml`<ThreadPane store="props.store" conversationId="state.id"/>`;
    static components = { ThreadPane };
    static props = { store: Object };
    state!: { id: number };

    setup(): void {
        this.state = useState({ id: 1 });
    }
}

QUnit.test("each conversation keeps its draft when switching back and forth", async (assert) => {
    const store = new FakeInboxStore();
    const open = { window_expires_at: utc(NOW.plus({ hours: 3 })) };
    store.seed(conversation({ ...open, id: 2, name: "Luis" }), messageRun(50, 2, 2));
    store.seed(conversation({ ...open, id: 1 }), messageRun(1, 2));
    const { integrations } = observedIntegrations();
    const { fixture, component } = await mountComponent(Host, { store }, { [CHAT_INTEGRATIONS_KEY]: integrations });
    const input = () => fixture.querySelector<HTMLTextAreaElement>(".o_cusoft_whatsapp_input")!;
    typeInto(input(), "For Ana");
    component.state.id = 2;
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_name"), "Luis");
    assert.strictEqual(input().value, "", "the other conversation has its own draft");
    assert.ok(fixture.querySelector('[data-message-id="50"]'), "and its own messages");
    typeInto(input(), "For Luis");
    component.state.id = 1;
    await nextTick();
    assert.strictEqual(input().value, "For Ana");
    component.state.id = 2;
    await nextTick();
    assert.strictEqual(input().value, "For Luis");
});
