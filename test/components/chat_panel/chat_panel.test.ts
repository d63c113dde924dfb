import { ChatApi } from "../../../static_src/api/chat_client";
import { EverywhereApi } from "../../../static_src/api/everywhere_client";
import { ChatPanel } from "../../../static_src/components/chat_panel/chat_panel";
import { WhatsAppInboxStore } from "../../../static_src/services/inbox_store";
import { contractAnswer } from "../../contract";
import { fakeRpc, mountComponent, nextTick, text } from "../../helpers";
import { FakeBus, ME, flush, page, row, type Raw } from "../../services/everywhere_fakes";

QUnit.module("components > ChatPanel");

/** A contact's conversations on the partner route, and each conversation's newest page on the real store. */
async function setup(conversations: Raw[]) {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/chat/conversations": (params) =>
            page(params?.ids ? conversations.filter((c) => (params.ids as number[]).includes(c.id as number)) : conversations),
        "/cusoft_whatsapp/chat/messages": (params) => {
            const answer = contractAnswer("/cusoft_whatsapp/chat/messages", "newest");
            const id = params?.conversation_id as number;
            answer.conversation_id = id;
            answer.messages = (answer.messages as Raw[]).map((m) => ({ ...m, conversation_id: id, body: `Hello from ${id}` }));
            return answer;
        },
        "/cusoft_whatsapp/chat/mark_read": (params) => ({ conversation_id: params?.conversation_id, last_read_message_id: 1, unread_count: 0 }),
    });
    const upload = async () => ({ status: 500, body: null });
    const store = new WhatsAppInboxStore(new ChatApi(rpc, upload), new FakeBus(), { userId: ME.id, userName: ME.name, isVisible: () => true });
    const api = new EverywhereApi(rpc);
    const { fixture } = await mountComponent(ChatPanel, { store, load: () => api.partnerConversations(301), recordKey: "res.partner,301" });
    await flush();
    await nextTick();
    return { fixture, rpc, store };
}

QUnit.test("without a conversation, a short sentence and no thread", async (assert) => {
    const { fixture, rpc } = await setup([]);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_chat_panel_empty"), "No WhatsApp conversation with this contact yet.");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_thread_pane"));
    assert.deepEqual(rpc.calls[0]!.params, { filter: "all", partner_id: 301, limit: 20 }, "the contact's conversations were asked for");
});

QUnit.test("one conversation opens its thread at once, without a selector", async (assert) => {
    const { fixture, store } = await setup([row(3, { name: "Maria Lopez", partner_id: 301 })]);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_chat_panel_selector"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_name"), "Maria Lopez");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_chat_panel_thread").includes("Hello from 3"));
    assert.strictEqual(store.state.activeConversationId, 3);
});

QUnit.test("several numbers: a selector switches the thread", async (assert) => {
    const { fixture } = await setup([
        row(3, { name: "Maria Lopez", phone: "+15550009876", partner_id: 301 }),
        row(8, { name: "Maria Lopez", phone: "+15550001234", partner_id: 301 }),
    ]);
    const select = fixture.querySelector<HTMLSelectElement>(".o_cusoft_whatsapp_chat_panel_selector select")!;
    assert.deepEqual([...select.options].map((o) => o.textContent), ["+15550009876 · Maria Lopez", "+15550001234 · Maria Lopez"]);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_chat_panel_thread").includes("Hello from 3"));
    select.value = "8";
    select.dispatchEvent(new Event("change"));
    await flush();
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_chat_panel_thread").includes("Hello from 8"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_contact_number"), "+15550001234");
});

QUnit.test("a failed load says so", async (assert) => {
    const { fixture } = await setup(null as unknown as Raw[]);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_chat_panel_error"));
});
