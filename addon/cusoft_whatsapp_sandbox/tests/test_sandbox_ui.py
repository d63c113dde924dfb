from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from ..models.cusoft_whatsapp_sandbox_webhook import BACKGROUND
from .common import SandboxCase


@tagged("post_install", "-at_install")
class TestSandboxUi(SandboxCase, HttpCase):
    """In the browser: the banner, Connect WhatsApp without Facebook, and the Simulate a customer panel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sandbox()

    def test_connect_simulate_a_customer_answer_and_read(self):
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_sandbox_tour", login="sbx_admin")
        account = self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")])
        self.assertEqual(len(account), 1)
        for thread in list(BACKGROUND):
            thread.join(timeout=60)
        self.process_webhooks()
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().search([("account_id", "=", account.id)])
        self.assertEqual(conversation.message_ids.mapped("body"), ["Hello from the sandbox tour"])
        # The answer, as the inbox sends it (its UI is not in this branch yet), then the customer's phone.
        conversation.with_user(self.wa_admin).send_text("Hello Lucía, how can we help?")
        self.env["cusoft.whatsapp.message"]._cron_send(budget=5, wait_retries=False)
        self.env["cusoft.whatsapp.sandbox.status"]._cron_post(now=fields.Datetime.now() + timedelta(minutes=1))
        self.process_webhooks()
        answer = conversation.message_ids.filtered(lambda m: m.direction == "outbound")
        self.assertEqual(answer.state, "read")
