import { messageSchema } from "../../static_src/api/schemas/chat";
import { chatHarness, COLLEAGUE, FakeChatServer, ME, settle, UserErrorLike } from "./chat_fakes";

QUnit.module("services > WhatsAppInboxStore");

/** A server with `count` conversations, the newest first by activity. */
function serverWithConversations(count: number): FakeChatServer {
    const server = new FakeChatServer();
    for (let id = 1; id <= count; id++) {
        server.addConversation(id);
    }
    return server;
}

/** One conversation (id 1) with `count` inbound messages, ids 1001…. */
function serverWithThread(count: number): FakeChatServer {
    const server = serverWithConversations(1);
    for (let i = 0; i < count; i++) {
        server.addMessage(1);
    }
    return server;
}

function ids(messages: { id: number }[]): number[] {
    return messages.map((m) => m.id);
}

// ------------------------------------------------------------ the list

QUnit.test("pages the conversation list with the server's cursor, newest activity first", async (assert) => {
    const { store, calls } = chatHarness(serverWithConversations(5), { listPageSize: 2 });
    await store.loadList();
    assert.deepEqual(store.state.list.ids, [5, 4]);
    assert.true(store.state.list.hasMore);
    await store.loadMoreConversations();
    await store.loadMoreConversations();
    assert.deepEqual(store.state.list.ids, [5, 4, 3, 2, 1]);
    assert.false(store.state.list.hasMore, "the last page says there is nothing more");
    await store.loadMoreConversations();
    assert.strictEqual(calls("conversations").length, 3, "no call past the last page");
    assert.deepEqual(calls("conversations").map((p) => p.cursor ?? null), [null, "2", "4"]);
});

QUnit.test("a filter changed while a page loads wins over the older answer", async (assert) => {
    const server = serverWithConversations(3);
    server.conversation(2)!.assignee = ME;
    const { store } = chatHarness(server);
    server.holds.set("conversations", []);
    const all = store.loadList({ filter: "all" });
    const mine = store.loadList({ filter: "mine" });
    server.release("conversations");
    await Promise.all([all, mine]);
    assert.strictEqual(store.state.list.filter, "mine");
    assert.deepEqual(store.state.list.ids, [2], "the list shows the last filter's rows only");
    assert.false(store.state.list.loading);
});

QUnit.test("the search asks the server once the user pauses typing", async (assert) => {
    const server = serverWithConversations(3);
    server.conversation(2)!.name = "Maria Lopez";
    const { store, clock, calls } = chatHarness(server);
    await store.loadList();
    for (const typed of ["m", "ma", "mar"]) {
        store.setSearch(typed);
        clock.advance(100);
    }
    assert.strictEqual(calls("conversations").length, 1, "nothing asked while typing");
    assert.strictEqual(store.state.list.search, "mar", "the box shows what was typed at once");
    clock.advance(300);
    await settle();
    assert.strictEqual(calls("conversations").length, 2);
    assert.strictEqual(calls("conversations")[1]!.search, "mar");
    assert.deepEqual(store.state.list.ids, [2]);
});

// ------------------------------------------------------------ threads

QUnit.test("opens a conversation at its newest page, loads older pages on demand and marks it read", async (assert) => {
    const { store, calls, server } = chatHarness(serverWithThread(100), { threadPageSize: 40 });
    await store.loadList();
    assert.strictEqual(store.state.conversations[1]!.unread_count, 100);
    await store.openConversation(1);
    const thread = store.state.threads[1]!;
    assert.strictEqual(store.state.activeConversationId, 1);
    assert.deepEqual([thread.messages[0]!.id, thread.messages.length], [1061, 40], "the newest 40, oldest first");
    assert.true(thread.hasOlder);
    assert.false(thread.hasNewer);
    assert.strictEqual(calls("mark_read").length, 1, "opening marks it read");
    assert.strictEqual(store.state.conversations[1]!.unread_count, 0);
    assert.strictEqual(thread.lastReadMessageId, 1100);
    await store.loadOlder(1);
    await store.loadOlder(1);
    assert.deepEqual(ids(thread.messages), ids(server.messages), "three pages make the whole history, in order");
    assert.false(thread.hasOlder);
    await store.loadOlder(1);
    assert.strictEqual(calls("messages").length, 3, "nothing older to ask for");
    await store.openConversation(1);
    assert.strictEqual(calls("messages").length, 3, "reopening keeps the loaded thread");
    assert.strictEqual(calls("mark_read").length, 1, "nothing new to mark read");
});

QUnit.test("a jump to a quoted message loads the page around it, then newer pages lead back down", async (assert) => {
    const { store, calls } = chatHarness(serverWithThread(200), { threadPageSize: 40 });
    await store.openConversation(1);
    const thread = store.state.threads[1]!;
    await store.jumpToMessage(1, 1180);
    assert.strictEqual(calls("messages").length, 1, "a message already loaded needs no call");
    assert.strictEqual(thread.focusMessageId, 1180);
    await store.jumpToMessage(1, 1010);
    assert.deepEqual(calls("messages")[1], { conversation_id: 1, around: 1010, limit: 40 });
    assert.strictEqual(thread.focusMessageId, 1010);
    assert.true(thread.messages.some((m) => m.id === 1010));
    assert.true(thread.hasNewer, "the window left the bottom of the conversation");
    const window = ids(thread.messages);
    assert.deepEqual(window, Array.from({ length: window.length }, (_, i) => window[0]! + i), "the window is contiguous");
    while (thread.hasNewer) {
        await store.loadNewer(1);
    }
    assert.strictEqual(thread.messages[thread.messages.length - 1]!.id, 1200);
    const all = ids(thread.messages);
    assert.deepEqual(all, Array.from({ length: all.length }, (_, i) => all[0]! + i), "still contiguous at the bottom");
});

// ------------------------------------------------------------ sending

QUnit.test("a send shows at once as queued and a double call sends once", async (assert) => {
    const server = serverWithThread(3);
    const { store, calls } = chatHarness(server);
    await store.loadList();
    await store.openConversation(1);
    server.holds.set("send", []);
    const first = store.sendText(1, "On my way");
    const second = store.sendText(1, "On my way");
    const thread = store.state.threads[1]!;
    const local = thread.messages[thread.messages.length - 1]!;
    assert.true(local.id < 0, "a temporary negative id");
    assert.strictEqual(local.state, "queued");
    assert.strictEqual(local.body, "On my way");
    assert.strictEqual(thread.messages.filter((m) => m.body === "On my way").length, 1, "shown once");
    server.release("send");
    await Promise.all([first, second]);
    assert.strictEqual(calls("send").length, 1, "one request for the double call");
    const sent = thread.messages.filter((m) => m.body === "On my way");
    assert.strictEqual(sent.length, 1);
    assert.true(sent[0]!.id > 0, "the server's message replaced the optimistic one");
    assert.strictEqual(sent[0]!.client_id, local.client_id);
    assert.strictEqual(store.state.conversations[1]!.last_message!.preview, "On my way", "the list shows it as the last message");
});

QUnit.test("a failed send stays on screen with the reason; retrying reuses its client id", async (assert) => {
    const server = serverWithThread(1);
    const { store, calls } = chatHarness(server);
    await store.openConversation(1);
    server.failNext.set("send", new Error("network down"));
    await store.sendText(1, "Hello?");
    const thread = store.state.threads[1]!;
    const failed = thread.messages.find((m) => m.body === "Hello?")!;
    assert.strictEqual(failed.state, "failed");
    assert.true(failed.id < 0);
    assert.strictEqual(store.state.refusals[1]!.message, "The server could not be reached. Check your connection and try again.");
    assert.strictEqual(failed.error!.explanation, store.state.refusals[1]!.message);
    const again = store.retry(failed.id);
    const twice = store.retry(failed.id);
    assert.strictEqual(thread.messages.find((m) => m.id === failed.id)!.state, "queued", "queued again at once");
    await Promise.all([again, twice]);
    const clientIds = calls("send").map((p) => p.client_id);
    assert.deepEqual(clientIds, [failed.client_id, failed.client_id], "one retry, with the same client id");
    const sent = thread.messages.filter((m) => m.body === "Hello?");
    assert.strictEqual(sent.length, 1);
    assert.true(sent[0]!.id > 0);
    assert.strictEqual(store.state.refusals[1], undefined, "the refusal is cleared");
});

QUnit.test("a refusal is shown in the server's own words", async (assert) => {
    const server = serverWithThread(1);
    const { store } = chatHarness(server);
    await store.openConversation(1);
    server.failNext.set("send", new UserErrorLike("The 24-hour window is closed: send a template instead."));
    await store.sendText(1, "Still there?");
    assert.strictEqual(store.state.refusals[1]!.message, "The 24-hour window is closed: send a template instead.");
});

QUnit.test("a file is uploaded once, then sent; a retry does not upload it again", async (assert) => {
    const server = serverWithThread(1);
    const { store, uploads, calls } = chatHarness(server);
    await store.openConversation(1);
    const file = new File([new Uint8Array([1, 2, 3])], "receipt.png", { type: "image/png" });
    server.failNext.set("send", new Error("network down"));
    await store.sendFile(1, file, "Your receipt");
    const thread = store.state.threads[1]!;
    const failed = thread.messages.find((m) => m.id < 0)!;
    assert.strictEqual(failed.type, "image");
    assert.strictEqual(failed.media!.filename, "receipt.png");
    await store.retry(failed.id);
    assert.strictEqual(uploads.length, 1, "uploaded once");
    assert.strictEqual(uploads[0]!.fields.conversation_id, "1");
    assert.deepEqual(calls("send").map((p) => [p.kind, p.attachment_id, p.caption]), [
        ["media", 501, "Your receipt"],
        ["media", 501, "Your receipt"],
    ]);
    assert.false(thread.messages.some((m) => m.id < 0));
});

QUnit.test("a reaction shows on its target at once and is undone when refused", async (assert) => {
    const server = serverWithThread(2);
    const { store, calls } = chatHarness(server);
    await store.openConversation(1);
    const thread = store.state.threads[1]!;
    await store.react(1, 1001, "👍");
    assert.deepEqual(thread.messages[0]!.reactions, [{ emoji: "👍", direction: "outbound" }]);
    assert.deepEqual(calls("send").map((p) => [p.kind, p.message_id, p.emoji]), [["reaction", 1001, "👍"]]);
    assert.strictEqual(thread.messages.length, 2, "a reaction is never a row");
    server.failNext.set("send", new UserErrorLike("Outside the window."));
    await store.react(1, 1001, "❤️");
    assert.deepEqual(thread.messages[0]!.reactions, [{ emoji: "👍", direction: "outbound" }], "back to the reaction Meta has");
    assert.strictEqual(store.state.refusals[1]!.message, "Outside the window.");
});

QUnit.test("drafts are kept per conversation and cleared by sending", async (assert) => {
    const server = serverWithThread(1);
    server.addConversation(2);
    const { store } = chatHarness(server);
    await store.openConversation(1);
    store.setDraft(1, "Half a sentence");
    await store.openConversation(2);
    store.setDraft(2, "Other");
    await store.openConversation(1);
    assert.strictEqual(store.state.drafts[1], "Half a sentence");
    assert.strictEqual(store.state.drafts[2], "Other");
    await store.sendText(1, "Half a sentence");
    assert.strictEqual(store.state.drafts[1], "");
    assert.strictEqual(store.state.drafts[2], "Other");
});

QUnit.test("typing reaches the server at most once per 20 seconds per conversation", async (assert) => {
    const server = serverWithThread(1);
    server.addConversation(2);
    const { store, clock, calls } = chatHarness(server);
    store.typing(1);
    clock.advance(5_000);
    store.typing(1);
    store.typing(2);
    clock.advance(14_999);
    store.typing(1);
    assert.deepEqual(calls("typing").map((p) => p.conversation_id), [1, 2]);
    clock.advance(1);
    store.typing(1);
    assert.deepEqual(calls("typing").map((p) => p.conversation_id), [1, 2, 1], "again once 20 s have passed");
});

// ------------------------------------------------------------ live updates

QUnit.test("a burst of bus notifications is fetched once and updates the open thread and the list", async (assert) => {
    const server = serverWithThread(2);
    server.addConversation(2);
    const { store, bus, clock, calls } = chatHarness(server);
    await store.loadList();
    await store.openConversation(1);
    const readsBefore = calls("mark_read").length;
    const arrived = [server.addMessage(1, { body: "Are you there?" }), server.addMessage(1, { body: "Hello?" })];
    const sentByColleague = server.addMessage(1, { direction: "outbound", state: "sent", body: "Yes" });
    for (const message of [...arrived, sentByColleague]) {
        bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: message.id, state: message.state, direction: message.direction });
    }
    assert.strictEqual(calls("messages").length, 1, "nothing fetched before the burst is over");
    clock.advance(100);
    await settle();
    assert.deepEqual(calls("messages")[1], { conversation_id: 1, ids: [1003, 1004, 1005] }, "one call for the burst");
    assert.deepEqual(calls("conversations").slice(1), [{ ids: [1] }], "one call for the rows");
    const thread = store.state.threads[1]!;
    assert.deepEqual(thread.messages.map((m) => m.body).slice(-3), ["Are you there?", "Hello?", "Yes"]);
    assert.strictEqual(calls("mark_read").length, readsBefore + 1, "new inbound messages in the open conversation are read");
    assert.strictEqual(store.state.conversations[1]!.unread_count, 0);
    assert.strictEqual(store.state.conversations[1]!.last_message!.preview, "Yes");
    assert.deepEqual(store.state.list.ids, [1, 2], "the conversation moved to the top");
});

QUnit.test("a template sent from the picker shows at once, once, and moves its conversation up", async (assert) => {
    const { store, bus, clock, server } = chatHarness(serverWithConversations(2));
    await store.loadList();
    await store.openConversation(1);
    assert.deepEqual(store.state.list.ids, [2, 1]);
    // What /cusoft_whatsapp/chat/send answers the picker: the queued template message.
    const sent = server.addMessage(1, { direction: "outbound", type: "template", state: "queued", body: "Your order SO42 is ready" });
    store.acceptSent(messageSchema.parse(sent));
    const thread = store.state.threads[1]!;
    assert.deepEqual(thread.messages.map((m) => m.body).slice(-1), ["Your order SO42 is ready"], "in the thread before any bus notice");
    await settle();
    assert.deepEqual(store.state.list.ids, [1, 2], "the conversation moved to the top");
    assert.strictEqual(store.state.conversations[1]!.last_message!.preview, "Your order SO42 is ready");
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: sent.id, state: "queued", direction: "outbound" });
    clock.advance(100);
    await settle();
    assert.strictEqual(thread.messages.filter((m) => m.id === sent.id).length, 1, "the bus's notice does not repeat it");
});

QUnit.test("a state change and a customer's reaction land on their messages", async (assert) => {
    const server = serverWithThread(1);
    const { store, bus, clock } = chatHarness(server);
    await store.openConversation(1);
    await store.sendText(1, "Your order shipped");
    const thread = store.state.threads[1]!;
    const sent = thread.messages[1]!;
    server.message(sent.id)!.state = "delivered";
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: sent.id, state: "delivered", direction: "outbound" });
    const reaction = server.addMessage(1, { type: "reaction", body: "🎉", reply_to: { id: sent.id, direction: "outbound", type: "text", body: "" } });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: reaction.id, state: "received", direction: "inbound" });
    clock.advance(100);
    await settle();
    assert.strictEqual(thread.messages.length, 2, "the reaction is not a row");
    assert.strictEqual(thread.messages[1]!.state, "delivered", "the tick moved");
    assert.deepEqual(thread.messages[1]!.reactions, [{ emoji: "🎉", direction: "inbound" }]);
});

QUnit.test("a new conversation enters the list in its place; a claimed one leaves Unassigned", async (assert) => {
    const server = serverWithConversations(2);
    const { store, bus, clock } = chatHarness(server);
    await store.loadList({ filter: "unassigned" });
    assert.deepEqual(store.state.list.ids, [2, 1]);
    server.addConversation(3);
    server.addMessage(3, { body: "Hi, new customer" });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 3, message_id: 1001, state: "received", direction: "inbound" });
    server.conversation(1)!.assignee = COLLEAGUE;
    bus.emit("cusoft_whatsapp/conversation", { conversation_id: 1, user_id: COLLEAGUE.id });
    clock.advance(100);
    await settle();
    assert.deepEqual(store.state.list.ids, [3, 2], "the new customer on top, the colleague's conversation gone");
    assert.strictEqual(store.state.conversations[3]!.unread_count, 1);
});

QUnit.test("reading in another tab updates the counters without a call", async (assert) => {
    const server = serverWithThread(3);
    const { store, bus, rpc } = chatHarness(server);
    await store.loadList();
    const before = rpc.calls.length;
    bus.emit("cusoft_whatsapp/read", { conversation_id: 1, last_read_message_id: 1003, unread_count: 0 });
    assert.strictEqual(store.state.conversations[1]!.unread_count, 0);
    assert.strictEqual(rpc.calls.length, before);
    bus.emit("cusoft_whatsapp/read", { conversation_id: "1" });
    assert.strictEqual(store.state.conversations[1]!.unread_count, 0, "a payload of another shape is ignored");
});

QUnit.test("claim, assign and release update the row; a refusal becomes a notice", async (assert) => {
    const server = serverWithConversations(1);
    const { store, rpc } = chatHarness(server);
    await store.loadList();
    await store.claim(1);
    assert.strictEqual(store.state.conversations[1]!.assignee!.id, ME.id);
    assert.deepEqual(await store.colleagues(1), [ME, COLLEAGUE]);
    await store.assign(1, COLLEAGUE.id);
    assert.strictEqual(store.state.conversations[1]!.assignee!.name, COLLEAGUE.name);
    await store.release(1);
    assert.strictEqual(store.state.conversations[1]!.assignee, null);
    server.failNext.set("assign", new UserErrorLike("Only Luis or an administrator can release this conversation."));
    await store.release(1);
    assert.strictEqual(store.state.notice, "Only Luis or an administrator can release this conversation.");
    assert.strictEqual(rpc.calls.filter((c) => c.route.endsWith("/assign")).length, 4);
    store.dismissNotice();
    assert.strictEqual(store.state.notice, null);
});

QUnit.test("destroy unsubscribes from the bus", (assert) => {
    const { store, bus } = chatHarness();
    assert.strictEqual(bus.count("cusoft_whatsapp/message"), 1);
    store.destroy();
    assert.strictEqual(bus.count("cusoft_whatsapp/message"), 0);
    assert.strictEqual(bus.count("cusoft_whatsapp/read"), 0);
});

QUnit.test("messages arriving while the page is hidden are marked read when it is shown again", async (assert) => {
    let visible = true;
    const server = serverWithThread(1);
    const { store, bus, clock, calls } = chatHarness(server, { isVisible: () => visible });
    await store.openConversation(1);
    const reads = calls("mark_read").length;
    visible = false;
    const message = server.addMessage(1, { body: "Anyone there?" });
    bus.emit("cusoft_whatsapp/message", { conversation_id: 1, message_id: message.id, state: "received", direction: "inbound" });
    clock.advance(100);
    await settle();
    assert.strictEqual(calls("mark_read").length, reads, "not read while nobody looks");
    assert.strictEqual(store.state.conversations[1]!.unread_count, 1);
    visible = true;
    await store.onVisible();
    assert.strictEqual(calls("mark_read").length, reads + 1);
    assert.strictEqual(store.state.conversations[1]!.unread_count, 0);
});
