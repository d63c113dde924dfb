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

    def test_connect_then_simulate_a_customer(self):
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_sandbox_tour", login="sbx_admin")
        account = self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")])
        self.assertEqual(len(account), 1)
        for thread in list(BACKGROUND):
            thread.join(timeout=60)
        self.process_webhooks()
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().search([("account_id", "=", account.id)])
        self.assertEqual(conversation.message_ids.mapped("body"), ["Hello from the sandbox tour"])
