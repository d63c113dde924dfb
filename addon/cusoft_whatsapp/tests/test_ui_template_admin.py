from odoo.tests import HttpCase, tagged

from .chat_helpers import ChatCase
from .fake_graph import data as fake_data


@tagged("post_install", "-at_install")
class TestTemplateAdminUi(ChatCase, HttpCase):
    """The administrator's side of templates in Chromium: building one, mapping its variables."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.sync_meta_templates()

    def test_the_builder_checks_metas_rules_as_one_types_and_submits(self):
        self.start_tour("/odoo/action-cusoft_whatsapp.cusoft_whatsapp_template_builder_action",
                        "cusoft_whatsapp_template_builder_tour", login="wa_admin")
        template = self.env["cusoft.whatsapp.template"].search([("name", "=", "spring_sale")])
        self.assertEqual((template.account_id, template.status), (self.account, "PENDING"), "submitted for Meta's review")
        [submitted] = [request.json for request in self.graph.requests_to("POST", f"{fake_data.WABA_ID}/message_templates")
                       if request.json.get("name") == "spring_sale"]
        body = next(c for c in submitted["components"] if c["type"] == "BODY")
        self.assertEqual(body["example"]["body_text"], [["Dana", "Monday"]])

    def test_a_variable_is_mapped_to_a_field_with_the_field_picker(self):
        template = self.env["cusoft.whatsapp.template"].search([("status", "=", "APPROVED")], limit=1)
        self.start_tour(f"/odoo/action-cusoft_whatsapp.cusoft_whatsapp_template_action/{template.id}",
                        "cusoft_whatsapp_template_mapping_tour", login="wa_admin")
        self.assertEqual(template.field_ids.mapped(lambda f: (f.model, f.variable_key, f.field_path)),
                         [("res.partner", "body.1", "name")])
