import { EverywhereApi } from "../../../static_src/api/everywhere_client";
import { AttentionList } from "../../../static_src/components/attention_list/attention_list";
import { AttentionStore } from "../../../static_src/services/attention_store";
import { click, fakeRpc, mountComponent, nextTick, text } from "../../helpers";
import { FakeBus, ME, flush, page, row, type Raw } from "../../services/everywhere_fakes";

QUnit.module("components > AttentionList");

async function setup(initial: Raw[]) {
    const server = { rows: initial };
    const rpc = fakeRpc({
        "/cusoft_whatsapp/chat/counters": () => ({ attention: server.rows.length }),
        "/cusoft_whatsapp/chat/conversations": () => page(server.rows),
    });
    const bus = new FakeBus();
    const store = new AttentionStore(new EverywhereApi(rpc), bus);
    await store.start();
    const opened: (number | "inbox")[] = [];
    const { fixture } = await mountComponent(AttentionList, {
        store,
        onOpen: (id: number) => opened.push(id),
        onOpenInbox: () => opened.push("inbox"),
    });
    return { fixture, server, bus, store, opened };
}

function ids(fixture: HTMLElement): string[] {
    return [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_attention_item")].map((el) => el.dataset.conversationId!);
}

QUnit.test("lists what needs me with the last message and unread count; a click opens it", async (assert) => {
    const { fixture, opened } = await setup([row(3, { unread_count: 2, assignee: ME }), row(1, { unread_count: 1 })]);
    assert.deepEqual(ids(fixture), ["3", "1"]);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_attention_item .o_cusoft_whatsapp_attention_badge"), "2");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_attention_preview"), "the last message's preview");
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_attention_item .badge.border").length, 1, "one is unassigned");
    click(fixture, ".o_cusoft_whatsapp_attention_item[data-conversation-id='1']");
    click(fixture, ".o_cusoft_whatsapp_attention_inbox");
    assert.deepEqual(opened, [1, "inbox"]);
});

QUnit.test("follows the bus: a customer's message adds a row, reading it elsewhere removes it", async (assert) => {
    const { fixture, server, bus, store } = await setup([]);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_attention_empty"), "No WhatsApp conversation needs you.");
    server.rows = [row(7, { unread_count: 1 })];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 7, message_id: 70, state: "received", direction: "inbound" });
    await flush();
    await store.settled();
    await nextTick();
    assert.deepEqual(ids(fixture), ["7"]);
    assert.strictEqual(store.state.count, 1);
    server.rows = [];
    bus.emit("cusoft_whatsapp/read", { conversation_id: 7, last_read_message_id: 70, unread_count: 0 });
    await flush();
    await store.settled();
    await nextTick();
    assert.deepEqual(ids(fixture), []);
    assert.strictEqual(store.state.count, 0);
});
