from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cusoft_whatsapp.tests import contract
from odoo.addons.cusoft_whatsapp.tests.chat_helpers import ChatCase
from odoo.addons.cusoft_whatsapp.tests.contract_chat import _Renumber

CRM = "/cusoft_whatsapp/crm/"


@tagged("post_install", "-at_install")
class TestChatCrm(ChatCase, HttpCase):
    """Leads from conversations, a lead's conversations, and WhatsApp news in the lead's chatter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.seller = new_test_user(
            cls.env, "wa_seller",
            groups="base.group_user,sales_team.group_sale_salesman,cusoft_whatsapp.group_cusoft_whatsapp_user",
        )

    def customer_conversation(self, name="Maria Lopez", wa_id="15550009876", **kwargs):
        """A conversation whose customer is a contact, as the webhook opens them."""
        conversation = self.make_conversation(wa_id=wa_id, **kwargs)
        conversation.partner_id = self.env["res.partner"].create({"name": name, "phone": f"+{wa_id}"})
        return conversation

    def rpc(self, login, route, **params):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(route, params)

    def test_create_lead_prefills_the_customer_and_the_last_messages_and_links_back(self):
        conversation = self.customer_conversation(body="I want 40 chairs <b>today</b>")
        self.receive(conversation, "Do you deliver to Monterrey?")
        answer = self.rpc("wa_seller", CRM + "create_lead", conversation_id=conversation.id)
        lead = self.env["crm.lead"].browse(answer["lead_id"])
        self.assertEqual(answer["name"], lead.name)
        self.assertEqual(lead.partner_id.name, "Maria Lopez")
        self.assertEqual(lead.cusoft_whatsapp_conversation_id, conversation)
        self.assertEqual(conversation.lead_ids, lead)
        self.assertIn("Do you deliver to Monterrey?", lead.description)
        # The customer's words are text in the notes, never markup.
        self.assertIn("&lt;b&gt;today&lt;/b&gt;", lead.description)
        self.assertEqual(lead.user_id, self.seller)
        logs = lead.message_ids.filtered(lambda m: "WhatsApp conversation with" in str(m.body))
        self.assertEqual(len(logs), 1, "the chatter says where the lead came from")

    def test_a_whatsapp_user_without_sales_rights_cannot_create_leads(self):
        conversation = self.make_conversation()
        self.authenticate("wa_user", "wa_user")
        response = self.url_open(CRM + "create_lead", data='{"params": {"conversation_id": %d}}' % conversation.id,
                                 headers={"Content-Type": "application/json"})
        self.assertIn("You need Sales rights to create leads.", response.json()["error"]["data"]["message"])
        self.assertFalse(self.env["crm.lead"].search([("cusoft_whatsapp_conversation_id", "=", conversation.id)]))

    def test_routes_refuse_portal_and_non_whatsapp_users(self):
        conversation = self.make_conversation()
        for login in ("portal_user", "internal_user"):
            self.authenticate(login, login)
            response = self.url_open(CRM + "create_lead", data='{"params": {"conversation_id": %d}}' % conversation.id,
                                     headers={"Content-Type": "application/json"})
            self.assertEqual(response.status_code, 403, login)
        self.assertFalse(self.env["crm.lead"].search([("cusoft_whatsapp_conversation_id", "=", conversation.id)]))

    def test_a_lead_finds_its_conversations_by_contact_and_by_number(self):
        by_partner = self.customer_conversation()
        by_number = self.make_conversation(wa_id="16502530000", name="Walk-in")
        other = self.make_conversation(wa_id="16502530001", name="Someone else")
        Lead = self.env["crm.lead"].with_context(default_user_id=self.seller.id)
        lead = Lead.create({"name": "Chairs", "partner_id": by_partner.partner_id.id})
        walk_in = Lead.create({"name": "Tables", "phone": "+1 650-253-0000"})
        answer = self.rpc("wa_seller", CRM + "lead_conversations", lead_id=lead.id)
        self.assertEqual([c["id"] for c in answer["conversations"]], [by_partner.id])
        answer = self.rpc("wa_seller", CRM + "lead_conversations", lead_id=walk_in.id)
        self.assertEqual([c["id"] for c in answer["conversations"]], [by_number.id])
        self.assertEqual(walk_in.with_user(self.seller).cusoft_whatsapp_conversation_count, 1)
        self.assertNotIn(other, walk_in.with_user(self.seller)._cusoft_whatsapp_conversations())
        action = walk_in.with_user(self.seller).action_cusoft_whatsapp_open()
        self.assertEqual((action["tag"], action["params"]), ("cusoft_whatsapp.inbox", {"conversation_id": by_number.id}))

    def test_another_companys_user_sees_none_of_the_leads_conversations(self):
        conversation = self.customer_conversation()
        lead = self.env["crm.lead"].create({"name": "Chairs", "partner_id": conversation.partner_id.id})
        self.assertEqual(lead.with_user(self.other_user)._cusoft_whatsapp_conversations().ids, [])

    def test_a_new_conversation_is_logged_on_the_customers_open_leads_only(self):
        partner = self.env["res.partner"].create({"name": "Maria Lopez", "phone": "+1 555 000 9876"})
        open_lead = self.env["crm.lead"].create({"name": "Open", "partner_id": partner.id})
        won_lead = self.env["crm.lead"].create({"name": "Won", "partner_id": partner.id})
        won_lead.action_set_won()
        self.env["cusoft.whatsapp.conversation"].sudo().create({
            "account_id": self.account.id, "wa_id": "15550009876", "profile_name": "Maria", "partner_id": partner.id,
        })
        started = lambda lead: lead.message_ids.filtered(lambda m: "started a WhatsApp conversation" in str(m.body))
        self.assertEqual(len(started(open_lead)), 1)
        self.assertFalse(started(won_lead))

    def test_the_routes_answer_as_their_committed_contract_fixtures(self):
        conversation = self.customer_conversation()
        lead_answer = self.rpc("wa_seller", CRM + "create_lead", conversation_id=conversation.id)
        lead_id = lead_answer["lead_id"]
        answers = {
            CRM + "create_lead": {"created": {**lead_answer, "lead_id": 501}},
            CRM + "lead_conversations": {
                "one": _Renumber()(self.rpc("wa_seller", CRM + "lead_conversations", lead_id=lead_id)),
            },
        }
        self.assertEqual(sorted(answers), contract.json_routes("cusoft_whatsapp_crm"))
        if not contract.CONTRACT_DIR.is_dir():
            return  # installed without the repository: nothing to compare to
        changed = []
        for route, situations in answers.items():
            path = contract.fixture_path(route)
            text = contract.render(route, situations)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed.append(path.name)
        self.assertFalse(changed, f"contract fixtures rewritten, review and commit them: {changed}")
