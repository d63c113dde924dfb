import copy
import time
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import PHONE_NUMBER_ID, TOKEN, WABA_ID, WhatsAppCase
from .fake_graph import data as fake_data


@tagged("post_install", "-at_install")
class TestDoctor(WhatsAppCase, TransactionCase):
    """The diagnostics of a number against the fake Graph server, and the daily warning to administrators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()

    def setUp(self):
        super().setUp()
        self.graph.reset()
        fake = self.graph.graph
        fake.token_data.clear()
        fake.subscriptions.clear()
        fake.phone_numbers = copy.deepcopy(fake_data.PHONE_NUMBERS)
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://erp.example.com")
        self.account = self.make_account()
        self.account.sudo().write({"state": "connected"})
        self.conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": self.account.id, "wa_id": "15550009876"})

    def healthy(self):
        self.graph.graph.subscriptions[WABA_ID] = None
        self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": self.conversation.id, "direction": "inbound", "body": "hi", "state": "received", "wamid": "wamid.D1",
        })
        self.account.sudo().last_webhook_at = fields.Datetime.now()

    def by_key(self, findings):
        return {f["key"]: f for f in findings}

    def test_a_healthy_number_passes_every_check(self):
        self.healthy()
        self.account.with_user(self.wa_admin).action_doctor()
        findings = self.by_key(self.account._doctor())
        self.assertEqual(set(findings), {"callback", "token", "subscribed_app", "messages_field", "signatures", "last_webhook", "quality"})
        self.assertEqual({f["level"] for f in findings.values()}, {"ok"}, findings)
        self.assertEqual(self.account.doctor_level, "ok")
        self.assertIn("Callback URL", self.account.with_user(self.wa_admin).doctor_report)
        self.assertTrue(self.graph.requests_to("GET", f"{WABA_ID}/subscribed_apps"), "the subscription is read from Meta")

    def test_each_problem_is_found_with_a_plain_fix(self):
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", "http://localhost:8069")
        self.graph.graph.token_data[TOKEN] = {"expires_at": int(time.time()) + 3 * 86400}
        self.graph.graph.phone_numbers[PHONE_NUMBER_ID]["quality_rating"] = "RED"
        self.env["cusoft.whatsapp.webhook.rejection"].sudo().create({"hour": fields.Datetime.now(), "reason": "signature", "count": 5})
        self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": self.conversation.id, "direction": "outbound", "body": "offer", "state": "sent", "wamid": "wamid.D2",
        })
        self.account.sudo().last_webhook_at = fields.Datetime.now() - timedelta(days=2)
        findings = self.by_key(self.account._doctor())
        expected = {
            "callback": "error", "subscribed_app": "error", "token": "warning", "signatures": "warning",
            "last_webhook": "error", "quality": "error", "messages_field": "warning",
        }
        self.assertEqual({key: f["level"] for key, f in findings.items()}, expected)
        for finding in findings.values():
            self.assertTrue(finding["fix"], f"{finding['key']} says how to fix it")
        self.assertIn("5 webhook request(s)", findings["signatures"]["detail"])
        self.assertIn("web.base.url", findings["callback"]["fix"])
        self.assertEqual(self.account.doctor_level, "error")

    def test_another_callback_in_metas_subscription_is_reported(self):
        self.healthy()
        self.graph.graph.subscriptions[WABA_ID] = "https://old-erp.example.com/whatsapp/webhook"
        finding = self.by_key(self.account._doctor())["subscribed_app"]
        self.assertEqual(finding["level"], "warning")
        self.assertIn("old-erp.example.com", finding["detail"])

    def notifications(self, user):
        return self.env["mail.message"].sudo().search([
            ("model", "=", self.account._name), ("res_id", "=", self.account.id), ("partner_ids", "in", user.partner_id.ids),
        ])

    def test_the_daily_check_tells_administrators_what_degraded(self):
        self.healthy()
        self.account._doctor()
        self.assertEqual(self.account.quality_rating, "GREEN")
        self.env["cusoft.whatsapp.account"]._cron_doctor()
        self.assertFalse(self.notifications(self.wa_admin), "nothing degraded: nobody is bothered")
        self.graph.graph.phone_numbers[PHONE_NUMBER_ID]["quality_rating"] = "YELLOW"
        self.graph.graph.token_data[TOKEN] = {"expires_at": int(time.time()) + 2 * 86400}
        self.env["cusoft.whatsapp.account"]._cron_doctor()
        message = self.notifications(self.wa_admin)
        self.assertEqual(len(message), 1)
        self.assertIn("Quality dropped from GREEN to YELLOW", message.body)
        self.assertIn("expires on", message.body)
        self.assertFalse(self.notifications(self.wa_user), "only administrators")

    def test_silence_after_sending_is_reported_to_administrators(self):
        self.healthy()
        self.account.sudo().last_webhook_at = fields.Datetime.now() - timedelta(hours=30)
        self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": self.conversation.id, "direction": "outbound", "body": "offer", "state": "sent", "wamid": "wamid.D3",
        })
        self.env["cusoft.whatsapp.account"]._cron_doctor()
        self.assertIn("no webhook has arrived since", self.notifications(self.wa_admin).body)

    def test_only_administrators_run_it(self):
        with self.assertRaises(AccessError):
            self.account.with_user(self.wa_user).action_doctor()
