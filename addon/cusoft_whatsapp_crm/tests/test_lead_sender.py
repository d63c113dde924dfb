from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.cusoft_whatsapp.tests.chat_helpers import ChatCase

OFFER = [{"type": "BODY", "text": "Hello {{customer}}, {{salesperson}} prepared your offer of {{amount}}.",
          "example": {"body_text_named_params": [
              {"param_name": "customer", "example": "Dana"}, {"param_name": "salesperson", "example": "Ana"},
              {"param_name": "amount", "example": "$1,000.00"}]}}]


@tagged("post_install", "-at_install")
class TestLeadSender(ChatCase, TransactionCase):
    """Send WhatsApp on a lead: the lead's number, variables mapped to crm.lead fields."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.sync_meta_templates({
            "id": "1300000000000060", "name": "offer_ready", "language": "en", "status": "APPROVED",
            "category": "UTILITY", "parameter_format": "NAMED", "components": OFFER})
        cls.template = cls.env["cusoft.whatsapp.template"].search([("name", "=", "offer_ready")])
        cls.env["cusoft.whatsapp.template.field"].create([
            {"template_id": cls.template.id, "model": "crm.lead", "variable_key": "body.customer",
             "field_path": "partner_id.name", "fallback": "there"},
            {"template_id": cls.template.id, "model": "crm.lead", "variable_key": "body.salesperson", "field_path": "user_id.name"},
            {"template_id": cls.template.id, "model": "crm.lead", "variable_key": "body.amount", "field_path": "expected_revenue"},
        ])
        cls.wa_user.groups_id |= cls.env.ref("sales_team.group_sale_salesman")

    def test_a_lead_is_sent_its_template_with_mapped_values_and_keeps_the_link(self):
        lead = self.env["crm.lead"].create({
            "name": "Office chairs", "phone": "+1 650-253-0001", "expected_revenue": 1250,
            "user_id": self.wa_user.id, "type": "opportunity",
        })
        context = {"active_model": "crm.lead", "active_ids": lead.ids}
        form = Form(self.env["cusoft.whatsapp.composer"].with_user(self.wa_user).with_context(context))
        form.account_id = self.account
        form.template_id = self.template
        composer = form.save()
        customer, salesperson, amount = composer.line_ids.mapped("value")
        self.assertEqual(customer, "there", "no contact yet: the fallback")
        self.assertEqual(salesperson, self.wa_user.name)
        self.assertIn("1,250.00", amount, "amounts in the currency's format")
        composer.action_send()
        [result] = composer.result_ids
        self.assertEqual((result.state, result.phone), ("sent", "+16502530001"))
        self.assertEqual((result.message_id.origin_model, result.message_id.origin_res_id), ("crm.lead", lead.id))
        self.assertIn(f"{self.wa_user.name} prepared your offer of", result.message_id.body)
        self.assertIn("WhatsApp template offer_ready sent to +16502530001", lead.message_ids[:1].body)
