import { EverywhereApi } from "../../static_src/api/everywhere_client";
import { AttentionStore } from "../../static_src/services/attention_store";
import { fakeRpc } from "../helpers";
import { COLLEAGUE, FakeBus, ME, flush, page, row, type Raw } from "./everywhere_fakes";

QUnit.module("services > attentionStore");

/** A server whose "needs me" list the test edits between notifications. */
function setup(initial: Raw[]) {
    const server = { rows: initial };
    const rpc = fakeRpc({
        "/cusoft_whatsapp/chat/counters": () => ({ attention: server.rows.length }),
        "/cusoft_whatsapp/chat/conversations": (params) => {
            if (params?.filter !== "attention") {
                throw new Error(`unexpected filter ${String(params?.filter)}`);
            }
            return page(server.rows);
        },
    });
    const bus = new FakeBus();
    const store = new AttentionStore(new EverywhereApi(rpc), bus);
    return { server, rpc, bus, store };
}

QUnit.test("the first load gives the counter and the conversations that need me", async (assert) => {
    const { store } = setup([row(1, { unread_count: 2, assignee: ME }), row(2, { unread_count: 1 })]);
    await store.start();
    assert.strictEqual(store.state.count, 2);
    assert.deepEqual(store.state.conversations.map((c) => c.id), [1, 2]);
    assert.ok(store.state.loaded);
});

QUnit.test("an inbound message raises the counter, a read in another tab lowers it", async (assert) => {
    const { server, bus, store } = setup([row(1, { unread_count: 1, assignee: ME })]);
    await store.start();
    server.rows = [row(3, { unread_count: 1 }), ...server.rows];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 3, message_id: 30, state: "received", direction: "inbound" });
    await flush();
    await store.settled();
    assert.strictEqual(store.state.count, 2, "up on the customer's message");
    assert.deepEqual(store.state.conversations.map((c) => c.id), [3, 1]);

    server.rows = server.rows.filter((r) => r.id !== 1);
    bus.emit("cusoft_whatsapp/read", { conversation_id: 1, last_read_message_id: 10, unread_count: 0 });
    await flush();
    await store.settled();
    assert.strictEqual(store.state.count, 1, "down once read");
    assert.deepEqual(store.state.conversations.map((c) => c.id), [3]);
});

QUnit.test("a burst of notifications refetches once", async (assert) => {
    const { rpc, bus, store } = setup([row(1, { unread_count: 1 })]);
    await store.start();
    rpc.calls.length = 0;
    for (let id = 40; id < 50; id++) {
        bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: id, state: "received", direction: "inbound" });
    }
    bus.emit("cusoft_whatsapp/conversation", { conversation_id: 1, user_id: COLLEAGUE.id });
    await flush();
    await store.settled();
    assert.deepEqual(rpc.calls.map((c) => c.route).sort(), ["/cusoft_whatsapp/chat/conversations", "/cusoft_whatsapp/chat/counters"]);
});

QUnit.test("a notification during a refresh is not lost: one more refresh follows", async (assert) => {
    const { server, bus, store } = setup([]);
    await store.start();
    server.rows = [row(1, { unread_count: 1 })];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: 1, state: "received", direction: "inbound" });
    await Promise.resolve();
    await Promise.resolve();
    // The first refresh is under way; the server changes again and says so.
    server.rows = [row(2, { unread_count: 1 }), row(1, { unread_count: 1 })];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 2, message_id: 2, state: "received", direction: "inbound" });
    await flush();
    await store.settled();
    assert.strictEqual(store.state.count, 2);
});

QUnit.test("a failed refresh says so and keeps the last counter", async (assert) => {
    const { server, bus, store } = setup([row(1, { unread_count: 1 })]);
    await store.start();
    server.rows = null as unknown as Raw[];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: 2, state: "received", direction: "inbound" });
    await flush();
    await store.settled();
    assert.strictEqual(store.state.count, 1);
    assert.ok(store.state.error, store.state.error ?? "no error");
});
