import { nextTick, text } from "../../helpers";
import { FakeInboxStore, chatMessage, conversation, messageRun } from "./fake_inbox_store";
import { NOW, bubble, keydown, mountThread, typeInto } from "./thread_helpers";

QUnit.module("components > thread > composer");

const OPEN = { window_expires_at: NOW.plus({ hours: 5 }).toUTC().toSQL({ includeOffset: false }) };

async function mountOpen() {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), messageRun(1, 3));
    const mounted = await mountThread(store);
    const input = () => mounted.fixture.querySelector<HTMLTextAreaElement>(".o_cusoft_whatsapp_input")!;
    return { store, input, ...mounted };
}

function fileOf(name: string, type: string, size: number): File {
    return new File([new Uint8Array(size)], name, { type });
}

function dataTransfer(file: File): DataTransfer {
    const transfer = new DataTransfer();
    transfer.items.add(file);
    return transfer;
}

QUnit.test("Enter sends once even when pressed twice quickly; Shift+Enter does not send", async (assert) => {
    const { store, input, fixture } = await mountOpen();
    typeInto(input(), "Hello\nthere ");
    assert.true(keydown(input(), "Enter", { shiftKey: true }).defaultPrevented === false, "Shift+Enter is the textarea's new line");
    assert.deepEqual(store.callsOf("sendText"), []);
    keydown(input(), "Enter");
    keydown(input(), "Enter");
    await nextTick();
    assert.deepEqual(store.callsOf("sendText"), [[1, "Hello\nthere", null]], "one message, trimmed");
    assert.strictEqual(input().value, "", "the composer is empty again");
    assert.strictEqual(store.state.drafts[1], "");
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_outbound .o_cusoft_whatsapp_tick[data-state=queued]").length, 1, "shown at once as queued");
});

QUnit.test("the send button sends, and is disabled while there is nothing to send", async (assert) => {
    const { store, input, fixture } = await mountOpen();
    const send = () => fixture.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_send")!;
    assert.true(send().disabled);
    typeInto(input(), "   ");
    await nextTick();
    assert.true(send().disabled, "blanks are not a message");
    typeInto(input(), "Hi");
    await nextTick();
    send().click();
    send().click();
    await nextTick();
    assert.deepEqual(store.callsOf("sendText"), [[1, "Hi", null]]);
});

QUnit.test("typing tells the store (which throttles the typing indicator) and keeps the draft", async (assert) => {
    const { store, input } = await mountOpen();
    typeInto(input(), "H");
    typeInto(input(), "He");
    assert.deepEqual(store.callsOf("typing"), [[1], [1]]);
    assert.deepEqual(store.callsOf("setDraft"), [[1, "H"], [1, "He"]]);
});

QUnit.test("a counter appears near 4,096 characters and a longer text cannot be sent", async (assert) => {
    const { store, input, fixture } = await mountOpen();
    typeInto(input(), "a".repeat(3000));
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_counter"), "no counter far from the limit");
    typeInto(input(), "a".repeat(4000));
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_counter"), "4000 / 4096");
    typeInto(input(), "a".repeat(4097));
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_counter").includes("too long"));
    assert.true(fixture.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_send")!.disabled);
    keydown(input(), "Enter");
    await nextTick();
    assert.deepEqual(store.callsOf("sendText"), []);
});

QUnit.test("the emoji picker inserts at the caret", async (assert) => {
    const { store, input, fixture } = await mountOpen();
    typeInto(input(), "Thanks !");
    input().setSelectionRange(6, 6);
    fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_emoji")!.click();
    await nextTick();
    assert.strictEqual(store.state.drafts[1], "Thanks😀 !");
    assert.strictEqual(input().value, "Thanks😀 !");
});

QUnit.test("replying quotes the message; Escape cancels; the reply carries the quote", async (assert) => {
    const { store, input, fixture } = await mountOpen();
    bubble(fixture, 1).querySelector<HTMLElement>(".o_cusoft_whatsapp_reply")!.click();
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_replying .o_cusoft_whatsapp_quote span"), "Replying to the customer");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_replying .o_cusoft_whatsapp_quote .text-truncate"), "Message 1");
    assert.strictEqual(document.activeElement, input(), "the keyboard goes to the composer");
    keydown(input(), "Escape");
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_replying"));
    bubble(fixture, 1).querySelector<HTMLElement>(".o_cusoft_whatsapp_reply")!.click();
    await nextTick();
    typeInto(input(), "Sure");
    keydown(input(), "Enter");
    await nextTick();
    assert.deepEqual(store.callsOf("sendText"), [[1, "Sure", 1]]);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_replying"), "the quote goes with the message");
    const sent = fixture.querySelector<HTMLElement>('[data-message-id="-1"]')!;
    assert.strictEqual(text(sent, ".o_cusoft_whatsapp_quote_body"), "Message 1", "the bubble shows what it answers");
});

QUnit.test("a file picked, pasted or dropped is checked against WhatsApp's limits before any upload", async (assert) => {
    const { store, fixture } = await mountOpen();
    const picker = fixture.querySelector<HTMLInputElement>("input[type=file]")!;
    picker.files = dataTransfer(fileOf("setup.exe", "application/x-msdownload", 10)).files;
    picker.dispatchEvent(new Event("change"));
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_file_error").startsWith("WhatsApp does not accept setup.exe."));

    const paste = new ClipboardEvent("paste", { clipboardData: dataTransfer(fileOf("big.png", "image/png", 6 * 1024 * 1024)), bubbles: true, cancelable: true });
    fixture.querySelector(".o_cusoft_whatsapp_input")!.dispatchEvent(paste);
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_file_error"), "big.png is too large for WhatsApp (6 MB): at most 5 MB for this kind of file.");
    assert.true(paste.defaultPrevented, "the file is not pasted as text");

    const drop = new DragEvent("drop", { dataTransfer: dataTransfer(fileOf("menu.pdf", "application/pdf", 2048)), bubbles: true, cancelable: true });
    fixture.querySelector(".o_cusoft_whatsapp_composer")!.dispatchEvent(drop);
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_file_error"), "the error goes once a good file comes");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_pending_name"), "menu.pdf (2 KB)");
    assert.deepEqual(store.callsOf("sendFile"), [], "nothing sent before the user says so");
});

QUnit.test("a file goes with its optional caption and the quote", async (assert) => {
    const { store, fixture } = await mountOpen();
    bubble(fixture, 1).querySelector<HTMLElement>(".o_cusoft_whatsapp_reply")!.click();
    const picker = fixture.querySelector<HTMLInputElement>("input[type=file]")!;
    const photo = fileOf("shop.jpg", "image/jpeg", 1000);
    picker.files = dataTransfer(photo).files;
    picker.dispatchEvent(new Event("change"));
    await nextTick();
    const caption = fixture.querySelector<HTMLInputElement>(".o_cusoft_whatsapp_caption")!;
    typeInto(caption, "Our shop ");
    keydown(caption, "Enter");
    keydown(caption, "Enter");
    await nextTick();
    const calls = store.callsOf("sendFile");
    assert.strictEqual(calls.length, 1, "sent once");
    assert.deepEqual([calls[0]![0], (calls[0]![1] as File).name, calls[0]![2], calls[0]![3]], [1, "shop.jpg", "Our shop", 1]);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_pending_file"));
});

QUnit.test("audio takes no caption: WhatsApp would drop it", async (assert) => {
    const { fixture } = await mountOpen();
    const picker = fixture.querySelector<HTMLInputElement>("input[type=file]")!;
    picker.files = dataTransfer(fileOf("note.ogg", "audio/ogg", 1000)).files;
    picker.dispatchEvent(new Event("change"));
    await nextTick();
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_pending_file"));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_caption"));
});

QUnit.test("a send the server refused says why", async (assert) => {
    const { store, fixture } = await mountOpen();
    store.state.refusals[1] = { conversationId: 1, clientId: "x1", message: "The 24-hour window is closed: send a template." };
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_refusal"), "The 24-hour window is closed: send a template.");
});

QUnit.test("a failed send never loses the text", async (assert) => {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), [chatMessage({ id: 1 })]);
    store.sendText = async () => {
        throw new Error("network down");
    };
    const { fixture } = await mountThread(store);
    const input = fixture.querySelector<HTMLTextAreaElement>(".o_cusoft_whatsapp_input")!;
    typeInto(input, "Important answer");
    keydown(input, "Enter");
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_send_error").startsWith("Odoo did not answer, so nothing was sent."));
    assert.strictEqual(store.state.drafts[1], "Important answer");
    assert.strictEqual(fixture.querySelector<HTMLTextAreaElement>(".o_cusoft_whatsapp_input")!.value, "Important answer");
});
