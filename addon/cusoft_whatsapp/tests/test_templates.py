import copy
import json
from pathlib import Path
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..graph.error_table import explain
from ..serializers import chat as payloads
from ..webhook import parse_delivery
from .chat_helpers import CUSTOMER, ChatCase
from .common import WABA_ID
from .fake_graph import Reply
from .fake_graph import data as fake_data

FIXTURES = Path(__file__).resolve().parents[3] / "test" / "fixtures" / "meta"
QUIET = ("odoo.addons.cusoft_whatsapp.graph.client", "odoo.addons.cusoft_whatsapp.models.cusoft_whatsapp_message_send")
ORDER_READY = {"header.order_ref": "SO7", "body.customer_name": "Maria", "body.pickup_date": "Monday",
               "body.amount_due": "EUR 10.00", "button.1.1": "SO7"}


def many_templates(count):
    """`count` approved utility templates, named t000…, each with one positional variable."""
    return [{
        "id": str(1400000000000000 + i), "name": f"t{i:03d}", "language": "en_US", "status": "APPROVED",
        "category": "UTILITY", "parameter_format": "POSITIONAL",
        "components": [{"type": "BODY", "text": f"Reminder {i} for {{{{1}}}}", "example": {"body_text": [["Dana"]]}}],
    } for i in range(count)]


@tagged("post_install", "-at_install")
class TestTemplates(ChatCase, TransactionCase):
    """Templates against the fake Graph server: the sync, status webhooks, and sending one in a
    conversation, outside the 24-hour window too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.Template = cls.env["cusoft.whatsapp.template"].sudo().with_context(active_test=False)

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.graph.graph.templates = copy.deepcopy(fake_data.TEMPLATES)
        self.account.with_user(self.wa_admin).action_sync_templates()
        self.order_ready = self.template("order_ready_pickup")
        # The customer last wrote two days ago: only a template may be sent.
        self.conversation = self.make_conversation(window_hours=-24)
        self.as_user = self.conversation.with_user(self.wa_user)

    def template(self, name):
        return self.Template.search([("account_id", "=", self.account.id), ("name", "=", name)])

    # ------------------------------------------------------------ sync

    def test_a_sync_pulls_every_page_updates_changes_and_archives_what_meta_deleted(self):
        self.graph.graph.templates = {WABA_ID: many_templates(65)}
        self.graph.reset()
        with patch.object(type(self.Template), "_sync_page_size", 20):
            self.account.with_user(self.wa_admin).action_sync_templates()
        pages = self.graph.requests_to("GET", f"{WABA_ID}/message_templates")
        self.assertEqual(len(pages), 4, "65 templates come in pages of 20")
        active = self.Template.search([("account_id", "=", self.account.id), ("active", "=", True)])
        self.assertEqual(len(active), 65)
        self.assertEqual(self.account.template_count_synced, 65)
        self.assertFalse(self.order_ready.active, "the templates of the first sync Meta no longer lists are archived")
        first = self.template("t000")
        self.assertEqual(first.body_text, "Reminder 0 for {{1}}")
        self.assertEqual((first.variable_count, first.status, first.category), (1, "APPROVED", "UTILITY"))

        # At Meta: one template deleted, one paused and edited, one new.
        meta = self.graph.graph.templates[WABA_ID]
        deleted = meta.pop(10)
        meta[0]["status"] = "PAUSED"
        meta[0]["components"][0]["text"] = "Last reminder for {{1}}"
        meta.append(many_templates(70)[-1])
        untouched_write = self.template("t001").write_date
        with patch.object(type(self.Template), "_sync_page_size", 20):
            self.account.with_user(self.wa_admin).action_sync_templates()
        self.assertFalse(self.template(deleted["name"]).active)
        self.assertEqual(self.template("t000").status, "PAUSED")
        self.assertEqual(self.template("t000").body_text, "Last reminder for {{1}}")
        self.assertTrue(self.template("t069").active)
        self.assertEqual(self.template("t001").write_date, untouched_write, "an unchanged template is not rewritten")
        self.assertEqual(len(self.Template.search([("account_id", "=", self.account.id), ("active", "=", True)])), 65)

        # Meta lists the deleted one again (undeleted within its grace period): it comes back.
        meta.append(deleted)
        self.account.with_user(self.wa_admin).action_sync_templates()
        self.assertTrue(self.template(deleted["name"]).active)

    def test_the_components_are_parsed_on_sync(self):
        spec = self.order_ready._spec()
        self.assertEqual(self.order_ready.parameter_format, "named")
        self.assertEqual(self.order_ready.header_format, "text")
        self.assertEqual(spec["buttons"][1]["type"], "url")
        self.assertEqual(self.template("spring_promo").header_format, "image")
        self.assertIn("Hello Dana, your order can be collected from 28 October 2026.", self.order_ready.preview)

    def test_a_failed_sync_is_shown_on_the_number_and_keeps_the_templates(self):
        self.graph.enqueue("GET", f"{WABA_ID}/message_templates", Reply.error(190, "Session has expired.", status=401, subcode=463))
        with mute_logger(*QUIET):
            self.account.with_user(self.wa_admin).action_sync_templates()
        self.assertEqual((self.account.state, self.account.last_error_code), ("error", 190))
        self.assertTrue(self.order_ready.active)

    def test_the_daily_cron_syncs_every_connected_number(self):
        self.graph.graph.templates = {WABA_ID: many_templates(3)}
        self.env["cusoft.whatsapp.template"]._cron_sync()
        self.assertEqual(self.account.template_count_synced, 3)
        self.assertFalse(self.order_ready.active)

    # ------------------------------------------------------------ status webhooks

    def apply_webhook(self, value):
        delivery = {"object": "whatsapp_business_account", "entry": [{"id": WABA_ID, "time": 1793004000, "changes": [
            {"field": "message_template_status_update", "value": value}]}]}
        parsed = parse_delivery(delivery)
        return self.env["cusoft.whatsapp.account"].sudo()._apply_waba_updates(parsed, self.account.company_id)

    def test_status_webhooks_update_the_template_at_once(self):
        rejected = self.template("delivery_slot_reminder")
        fixture = json.loads((FIXTURES / "webhook_template_status_update.json").read_text())
        parsed = parse_delivery(fixture)
        self.env["cusoft.whatsapp.account"].sudo()._apply_waba_updates(parsed, self.account.company_id)
        self.assertEqual(rejected.status, "REJECTED")
        self.assertIn("Two variables are placed next to each other", rejected.rejection_reason)
        meta_id = int(self.order_ready.meta_id)
        self.apply_webhook({"event": "PAUSED", "message_template_id": meta_id, "message_template_name": "order_ready_pickup",
                            "message_template_language": "en_US", "reason": None,
                            "other_info": {"title": "FIRST_PAUSE", "description": "Paused for 3 hours"}})
        self.assertEqual((self.order_ready.status, self.order_ready.last_event), ("PAUSED", "PAUSED / FIRST_PAUSE"))
        with self.assertRaisesRegex(UserError, "paused"):
            self.as_user.send_template(self.order_ready, ORDER_READY)
        self.apply_webhook({"event": "REINSTATED", "message_template_id": meta_id})
        self.assertEqual(self.order_ready.status, "APPROVED")
        self.apply_webhook({"event": "DELETED", "message_template_id": meta_id})
        self.assertFalse(self.order_ready.active, "deleted at Meta: archived, as the sync does")

    # ------------------------------------------------------------ sending

    def test_a_template_is_sent_outside_the_window_and_the_thread_shows_what_was_sent(self):
        with self.assertRaisesRegex(UserError, "approved template"):
            self.as_user.send_text("Hello?")
        message = self.Message.browse(self.as_user.send_template(self.order_ready, ORDER_READY, client_id="tpl-0001"))
        self.assertEqual((message.state, message.message_type, message.template_id), ("queued", "template", self.order_ready))
        self.assertEqual(message.body, "Order SO7 is ready\n\nHello Maria, your order can be collected from Monday. "
                                       "Amount due: EUR 10.00.\n\nReply STOP to opt out\n\n[Change date] · [Track order]")
        self.assertEqual(self.as_user.send_template(self.order_ready, ORDER_READY, client_id="tpl-0001"), message.id,
                         "a repeated send id answers the first message")
        self.run_sends()
        self.assertEqual(message.state, "sent")
        [payload] = self.posts()
        self.assertEqual((payload["type"], payload["to"]), ("template", f"+{CUSTOMER}"))
        template = payload["template"]
        self.assertEqual((template["name"], template["language"]), ("order_ready_pickup", {"code": "en_US"}))
        header, body, button = template["components"]
        self.assertEqual(header["parameters"], [{"type": "text", "text": "SO7", "parameter_name": "order_ref"}])
        self.assertEqual([p["text"] for p in body["parameters"]], ["Maria", "Monday", "EUR 10.00"])
        self.assertEqual(button, {"type": "button", "sub_type": "url", "index": "1", "parameters": [{"type": "text", "text": "SO7"}]})

    def test_every_variable_must_be_filled_and_each_problem_is_named(self):
        values = {**ORDER_READY, "body.pickup_date": "", "button.1.1": " "}
        with self.assertRaises(UserError) as refused:
            self.as_user.send_template(self.order_ready, values)
        self.assertIn("Fill in {{pickup_date}} in the message.", str(refused.exception))
        self.assertIn("Fill in the link of the button “Track order”.", str(refused.exception))
        with self.assertRaisesRegex(UserError, "line breaks"):
            self.as_user.send_template(self.order_ready, {**ORDER_READY, "body.customer_name": "Maria\nLopez"})
        with self.assertRaisesRegex(UserError, "at most 60 characters"):
            self.as_user.send_template(self.order_ready, {**ORDER_READY, "header.order_ref": "X" * 60})
        self.assertFalse(self.Message.search([("message_type", "=", "template")]), "nothing queued")

    def test_only_an_approved_template_of_this_number_can_be_sent(self):
        with self.assertRaisesRegex(UserError, "only approved templates"):
            self.as_user.send_template(self.template("delivery_slot_reminder"), {"body.1": "a", "body.2": "b"})
        with self.assertRaisesRegex(UserError, "paused"):
            self.as_user.send_template(self.template("spring_promo"), {"body.1": "a", "body.2": "b"})
        other = self.Template.create({"account_id": self.make_account(phone_number_id="110000000000002").id,
                                      "meta_id": "9", "name": "x", "language": "en", "status": "APPROVED",
                                      "components": json.dumps([{"type": "BODY", "text": "Hi"}])})
        with self.assertRaisesRegex(UserError, "another WhatsApp number"):
            self.as_user.send_template(other, {})

    def test_a_media_header_needs_a_file_of_its_kind(self):
        promo = self.template("spring_promo")
        promo.status = "APPROVED"
        values = {"body.1": "Dana", "body.2": "SPRING15"}
        with self.assertRaisesRegex(UserError, "attach a picture"):
            self.as_user.send_template(promo, values)
        pdf = self.env["ir.attachment"].create({"name": "a.pdf", "raw": b"%PDF-1.4 test", "mimetype": "application/pdf",
                                                "res_model": self.conversation._name, "res_id": self.conversation.id})
        with self.assertRaisesRegex(UserError, "takes a picture"):
            self.as_user.send_template(promo, values, attachment=pdf)

    def test_a_marketing_template_is_refused_to_a_customer_who_opted_out(self):
        promo = self.template("spring_promo")
        promo.write({"status": "APPROVED", "header_format": "none", "parsed_components": json.dumps({
            "parameter_format": "positional", "header": None, "footer": None, "buttons": [],
            "body": {"text": "Sale!", "variables": []}})})
        # A number Odoo's phone library accepts, as its blacklist requires.
        opted_out = self.make_conversation(wa_id="16502530000", window_hours=-24).with_user(self.wa_user)
        self.env["phone.blacklist"].sudo()._add(["+16502530000"])
        with self.assertRaisesRegex(UserError, "asked not to receive marketing messages"):
            opted_out.send_template(promo, {})
        opted_out.send_template(self.order_ready, ORDER_READY)  # utility templates still go
        self.as_user.send_template(promo, {})  # and marketing to those who did not opt out

    def test_metas_template_errors_are_shown_in_plain_words(self):
        for code in (131026, 131047, 132000, 132001, 132005, 132007, 132012, 132015, 132016):
            with self.subTest(code=code):
                self.order_ready.status = "APPROVED"
                self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages", Reply.error(code, f"(#{code}) Meta says no"))
                message = self.Message.browse(self.as_user.send_template(self.order_ready, ORDER_READY))
                with mute_logger(*QUIET):
                    self.run_sends()
                self.assertEqual(message.state, "failed")
                error = payloads.sent(self.env, message)["message"]["error"]
                self.assertEqual((error["code"], error["kind"]), (code, "meta"))
                self.assertEqual((error["explanation"], error["fix"]), explain(code, "en"))
                self.assertNotIn("Meta says no", error["explanation"])
        self.assertEqual(self.order_ready.status, "DISABLED", "Meta's 132016 marks the template disabled")
        with self.assertRaisesRegex(UserError, "only approved templates"):
            message.with_user(self.wa_user).action_retry()

    def test_the_template_picker_lists_approved_templates_of_the_conversations_number(self):
        templates = self.conversation.with_user(self.wa_user)._chat_templates()
        self.assertEqual(templates.mapped("name"), ["order_ready_pickup"])
        with self.assertRaises(AccessError):
            self.conversation.with_user(self.other_user)._chat_templates()
