import { EverywhereApi } from "../../static_src/api/everywhere_client";
import { fakeRpc } from "../helpers";
import { page, row } from "../services/everywhere_fakes";

QUnit.module("api > EverywhereApi");

QUnit.test("a phone field's number finds its conversations only, however it was typed", async (assert) => {
    const rpc = fakeRpc({
        // The server's search matches any number containing the digits: the client keeps the same line only.
        "/cusoft_whatsapp/chat/conversations": () => page([row(1, { phone: "+15550009876" }), row(2, { phone: "+155500098765" })]),
    });
    const found = await new EverywhereApi(rpc).phoneConversations("+1 (555) 000-9876");
    assert.deepEqual(found.map((c) => c.id), [1]);
    assert.deepEqual(rpc.calls[0]!.params, { filter: "all", search: "15550009876", limit: 20 });
    assert.deepEqual(await new EverywhereApi(rpc).phoneConversations("12"), [], "too short to search");
    assert.strictEqual(rpc.calls.length, 1);
});

QUnit.test("Create contact answers the conversation with its new contact", async (assert) => {
    const rpc = fakeRpc({ "/cusoft_whatsapp/chat/create_contact": () => ({ conversation: row(4, { partner_id: 12 }) }) });
    const conversation = await new EverywhereApi(rpc).createContact(4);
    assert.strictEqual(conversation.partner_id, 12);
    assert.deepEqual(rpc.calls[0]!.params, { conversation_id: 4 });
});

QUnit.test("a lead's conversations come from the CRM bridge; Create lead answers the lead to open", async (assert) => {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/crm/lead_conversations": () => page([row(5)]),
        "/cusoft_whatsapp/crm/create_lead": () => ({ lead_id: 9, name: "WhatsApp: Maria" }),
    });
    const api = new EverywhereApi(rpc);
    assert.deepEqual((await api.leadConversations(3)).map((c) => c.id), [5]);
    assert.deepEqual(await api.createLead(5), { lead_id: 9, name: "WhatsApp: Maria" });
    assert.deepEqual(rpc.calls.map((c) => c.params), [{ lead_id: 3 }, { conversation_id: 5 }]);
});
