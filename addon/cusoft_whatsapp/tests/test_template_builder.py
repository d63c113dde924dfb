import base64

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from ..webhook import parse_delivery
from .chat_helpers import PNG, ChatCase
from .common import APP_ID, WABA_ID


@tagged("post_install", "-at_install")
class TestTemplateBuilder(ChatCase, TransactionCase):
    """Building a template in Odoo: Meta's rules checked as typed, a media example through the
    Resumable Upload, submission, then Meta's review followed; edit and delete at Meta."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.sync_meta_templates()
        self.Template = self.env["cusoft.whatsapp.template"].with_context(active_test=False)

    def builder(self):
        form = Form(self.env["cusoft.whatsapp.template.builder"].with_user(self.wa_admin))
        form.account_id = self.account
        return form

    def test_the_builder_starts_on_the_companys_connected_number(self):
        self.assertEqual(Form(self.env["cusoft.whatsapp.template.builder"].with_user(self.wa_admin)).account_id, self.account)
        other = self.env["cusoft.whatsapp.template.builder"].with_user(self.other_user).default_get(["account_id"])
        self.assertFalse(other.get("account_id"), "another company's number is never proposed")

    def test_the_name_and_metas_limits_are_checked_as_the_admin_types(self):
        form = self.builder()
        form.name = "Spring Sale"
        self.assertIn("e.g. spring_sale", form.name_problem)
        form.name = "spring_sale"
        self.assertFalse(form.name_problem)
        form.body = "Hi {{1}} {{2}}"
        form.footer = "Reply {{1}}"
        self.assertIn("Put words between two variables", form.problems)
        self.assertIn("The message cannot start or end with a variable.", form.problems)
        self.assertIn("Give one example per variable of the message (2), one per line.", form.problems)
        self.assertIn("The footer cannot hold a variable.", form.problems)
        form.body = "Hi {{1}}, our spring sale starts on {{2}}."
        form.body_examples = "Dana\nMonday"
        form.footer = "Cusoft"
        self.assertFalse(form.problems)
        self.assertEqual(form.preview, "Hi Dana, our spring sale starts on Monday.\n\nCusoft")
        with self.assertRaisesRegex(UserError, "Attach an example file"):
            form.header_type = "image"
            form.save().action_submit()

    def test_a_template_with_a_media_header_is_submitted_then_follows_metas_review(self):
        form = self.builder()
        form.name = "spring_sale"
        form.category = "MARKETING"
        form.header_type = "image"
        form.header_file = base64.b64encode(PNG)
        form.body = "Hi {{1}}, our spring sale starts on {{2}}."
        form.body_examples = "Dana\nMonday"
        with form.button_ids.new() as button:
            button.button_type = "quick_reply"
            button.text = "Stop promotions"
        action = form.save().action_submit()
        template = self.Template.browse(action["res_id"])
        self.assertEqual((template.name, template.status, template.header_format), ("spring_sale", "PENDING", "image"))
        opened, uploaded = [r for r in self.graph.requests_to("POST") if "upload" in r.path]
        self.assertEqual(opened.path.split("/")[-2:], [APP_ID, "uploads"])
        self.assertTrue(uploaded.headers["authorization"].startswith("OAuth "))
        self.assertEqual(uploaded.body, PNG)
        [created] = [r.json for r in self.graph.requests_to("POST", f"{WABA_ID}/message_templates")]
        self.assertEqual(created["components"][0]["example"]["header_handle"], list(self.graph.graph.upload_handles))
        self.assertEqual(created["components"][1]["example"], {"body_text": [["Dana", "Monday"]]})
        # Meta's review arrives by webhook.
        delivery = {"object": "whatsapp_business_account", "entry": [{"id": WABA_ID, "time": 1793004000, "changes": [
            {"field": "message_template_status_update", "value": {
                "event": "APPROVED", "message_template_id": int(template.meta_id), "message_template_name": "spring_sale",
                "message_template_language": "en", "reason": None}}]}]}
        self.env["cusoft.whatsapp.account"].sudo()._apply_waba_updates(parse_delivery(delivery), self.account.company_id)
        self.assertEqual(template.status, "APPROVED")
        self.assertIn(template, self.conversation_templates())

    def conversation_templates(self):
        return self.make_conversation().with_user(self.wa_user)._chat_templates()

    def test_editing_an_approved_template_resubmits_it(self):
        template = self.Template.search([("name", "=", "order_ready_pickup")])
        action = template.with_user(self.wa_admin).action_edit_in_builder()
        builder = self.env["cusoft.whatsapp.template.builder"].with_user(self.wa_admin).browse(action["res_id"])
        self.assertEqual(builder.header_text, "Order {{order_ref}} is ready")
        self.assertEqual(builder.body_examples.splitlines(), ["Dana", "28 October 2026", "EUR 120.50"])
        self.assertEqual(builder.button_ids.mapped("button_type"), ["quick_reply", "url"])
        self.assertFalse(builder.problems)
        builder.footer = "Thank you"
        builder.action_submit()
        edit = self.graph.requests_to("POST", template.meta_id)[-1].json
        self.assertEqual(edit["components"][2], {"type": "FOOTER", "text": "Thank you"})
        self.assertEqual((template.status, template.footer_text), ("PENDING", "Thank you"))
        with self.assertRaisesRegex(UserError, "only approved, rejected or paused"):
            template.with_user(self.wa_admin).action_edit_in_builder()

    def test_deleting_a_template_deletes_it_at_meta(self):
        template = self.Template.search([("name", "=", "order_ready_pickup")])
        template.with_user(self.wa_admin).action_delete_at_meta()
        self.assertEqual((template.status, template.active), ("DELETED", False))
        self.assertNotIn("order_ready_pickup", [t["name"] for t in self.graph.graph.templates[WABA_ID]])
        deleted = self.graph.requests_to("DELETE", f"{WABA_ID}/message_templates")[0]
        self.assertEqual(deleted.query, {"name": "order_ready_pickup", "hsm_id": template.meta_id})
