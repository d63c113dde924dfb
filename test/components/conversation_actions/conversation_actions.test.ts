import { conversationSchema } from "../../../static_src/api/schemas/chat";
import { ConversationActions } from "../../../static_src/components/conversation_actions/conversation_actions";
import { ConversationActionRegistry } from "../../../static_src/services/conversation_actions";
import { ApiError } from "../../../static_src/api/api_error";
import { click, mountComponent, nextTick, text } from "../../helpers";
import { row } from "../../services/everywhere_fakes";

QUnit.module("components > ConversationActions");

QUnit.test("shows the available actions in order, runs one, and says why one failed", async (assert) => {
    const registry = new ConversationActionRegistry();
    const ran: string[] = [];
    registry.add({ id: "create_lead", label: "Create lead", icon: "fa-star", sequence: 20, isAvailable: () => true,
        run: async () => { throw new ApiError("You need Sales rights.", "/cusoft_whatsapp/crm/create_lead"); } });
    registry.add({ id: "open_contact", label: "Open contact", icon: "fa-user", sequence: 10,
        isAvailable: (c) => c.partner_id !== null, run: (c) => void ran.push(`contact ${c.partner_id}`) });
    const withContact = conversationSchema.parse(row(3, { partner_id: 301 }));
    const { fixture } = await mountComponent(ConversationActions, { conversation: withContact, registry });
    assert.deepEqual([...fixture.querySelectorAll("button")].map((b) => b.textContent!.trim()), ["Open contact", "Create lead"]);
    click(fixture, "button[name='open_contact']");
    await nextTick();
    assert.deepEqual(ran, ["contact 301"]);
    click(fixture, "button[name='create_lead']");
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_conversation_actions_error"), "You need Sales rights.");

    const numberOnly = conversationSchema.parse(row(4));
    const other = await mountComponent(ConversationActions, { conversation: numberOnly, registry });
    assert.deepEqual([...other.fixture.querySelectorAll("button")].map((b) => b.getAttribute("name")), ["create_lead"]);
});
