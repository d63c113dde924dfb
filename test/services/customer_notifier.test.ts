import { EverywhereApi } from "../../static_src/api/everywhere_client";
import type { Conversation } from "../../static_src/api/schemas/chat";
import { CustomerNotifier, type AlertPort } from "../../static_src/services/customer_notifier";
import { fakeRpc } from "../helpers";
import { COLLEAGUE, FakeBus, ME, page, row, type Raw } from "./everywhere_fakes";

QUnit.module("services > customerNotifier");

function setup(rows: Raw[], { focused = false, visible = null as number | null } = {}) {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/chat/conversations": (params) => page(rows.filter((r) => (params?.ids as number[]).includes(r.id as number))),
    });
    const bus = new FakeBus();
    const log: string[] = [];
    const opened: number[] = [];
    const alerts: AlertPort = {
        isFocused: () => focused,
        visibleConversationId: () => visible,
        sound: () => log.push("sound"),
        notify: (conversation: Conversation, onClick) => {
            log.push(`notify ${conversation.name}`);
            onClick();
        },
    };
    const notifier = new CustomerNotifier(new EverywhereApi(rpc), bus, alerts, ME.id, (id) => opened.push(id));
    const inbound = (conversationId: number, messageId: number) =>
        bus.emit("cusoft_whatsapp/message", { conversation_id: conversationId, message_id: messageId, state: "received", direction: "inbound" });
    return { bus, log, opened, notifier, inbound };
}

QUnit.test("out of focus, a customer writing in an unassigned conversation gets a browser notification that opens it", async (assert) => {
    const { log, opened, notifier, inbound } = setup([row(5, { name: "Maria" })]);
    inbound(5, 50);
    await notifier.settled();
    assert.deepEqual(log, ["notify Maria"]);
    assert.deepEqual(opened, [5]);
});

QUnit.test("in focus, my conversation only plays the sound", async (assert) => {
    const { log, notifier, inbound } = setup([row(5, { assignee: ME })], { focused: true });
    inbound(5, 50);
    await notifier.settled();
    assert.deepEqual(log, ["sound"]);
});

QUnit.test("nothing for a colleague's conversation, my own messages, status updates or the conversation I am reading", async (assert) => {
    const { bus, log, notifier, inbound } = setup([row(5, { assignee: COLLEAGUE }), row(6, { assignee: ME })], { focused: true, visible: 6 });
    inbound(5, 50);
    inbound(6, 60);
    bus.emit("cusoft_whatsapp/message", { conversation_id: 6, message_id: 61, state: "sent", direction: "outbound" });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 6, message_id: 62, state: "queued", direction: "outbound" });
    await notifier.settled();
    assert.deepEqual(log, []);
});

QUnit.test("a message announced again (its media arrived) alerts once", async (assert) => {
    const { log, notifier, inbound } = setup([row(5)]);
    inbound(5, 50);
    inbound(5, 50);
    await notifier.settled();
    assert.deepEqual(log, ["notify Customer 5"]);
});

QUnit.test("a message rings only the users the server names (notified for its number, or its assignee)", async (assert) => {
    const { bus, log, notifier } = setup([row(5)]);
    bus.emit("cusoft_whatsapp/message", { conversation_id: 5, message_id: 50, state: "received", direction: "inbound", alert_user_ids: [COLLEAGUE.id] });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 5, message_id: 51, state: "received", direction: "inbound", alert_user_ids: [COLLEAGUE.id, ME.id] });
    await notifier.settled();
    assert.deepEqual(log, ["notify Customer 5"], "only the message meant to ring for me");
});
