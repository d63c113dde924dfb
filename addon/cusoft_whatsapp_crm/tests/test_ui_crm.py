from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cusoft_whatsapp.tests.chat_helpers import ChatCase


@tagged("post_install", "-at_install")
class TestCrmUi(ChatCase, HttpCase):
    """In Chromium: a lead's chat panel, and Create lead from a conversation shown in Discuss."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.seller = new_test_user(
            cls.env, "wa_seller",
            groups="base.group_user,sales_team.group_sale_salesman,cusoft_whatsapp.group_cusoft_whatsapp_user",
        )

    def setUp(self):
        super().setUp()
        self.conversation = self.make_conversation(name="Maria Lopez")
        self.conversation.write({
            "partner_id": self.env["res.partner"].create({"name": "Maria Lopez", "phone": "+15550009876"}).id,
            "user_id": self.seller.id,
        })

    def test_a_leads_panel_shows_its_conversation(self):
        lead = self.env["crm.lead"].create({"name": "40 chairs", "partner_id": self.conversation.partner_id.id, "user_id": self.seller.id})
        self.start_tour(f"/odoo/action-crm.crm_lead_action_pipeline/{lead.id}", "cusoft_whatsapp_lead_panel_tour", login="wa_seller")

    def test_create_lead_from_a_conversation_in_discuss(self):
        self.start_tour("/odoo/discuss", "cusoft_whatsapp_create_lead_tour", login="wa_seller")
        lead = self.conversation.lead_ids
        self.assertEqual(len(lead), 1, "one lead, linked back to the conversation")
        self.assertEqual(lead.partner_id, self.conversation.partner_id)
        self.assertEqual(lead.user_id, self.seller)
