from odoo import fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.cusoft_whatsapp.tests.common import WhatsAppKeyCase


@tagged("post_install", "-at_install")
class TestSandboxDemo(WhatsAppKeyCase, TransactionCase):
    """The demo data (loaded only in databases with demo data) shows every screen at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.use_test_key()
        cls.env["cusoft.whatsapp.secret"]._store(cls.env.company, "app_secret", "sandbox-demo-test")
        cls.env["cusoft.whatsapp.sandbox.demo"]._load_demo()

    def test_two_connected_numbers_and_twenty_conversations(self):
        accounts = self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")])
        self.assertEqual(len(accounts), 2)
        conversations = self.env["cusoft.whatsapp.conversation"].search([("account_id", "in", accounts.ids)])
        self.assertEqual(len(conversations), 20)
        self.assertEqual(set(conversations.account_id), set(accounts))
        now = fields.Datetime.now()
        inside = conversations.filtered(lambda c: c.window_expires_at and c.window_expires_at > now)
        self.assertTrue(5 <= len(inside) <= 15, "some inside the 24-hour window, some outside")
        self.assertTrue(conversations.filtered("user_id") and conversations.filtered(lambda c: not c.user_id))
        self.assertTrue(conversations.filtered(lambda c: not c.wa_id and c.bsuid), "a username-only customer")

    def test_messages_of_every_type_state_and_age(self):
        messages = self.env["cusoft.whatsapp.message"].search([])
        self.assertLessEqual(
            {"text", "image", "audio", "document", "location", "contacts", "reaction", "interactive"},
            set(messages.mapped("message_type")),
        )
        self.assertLessEqual({"received", "sent", "delivered", "read", "failed"}, set(messages.mapped("state")))
        failed = messages.filtered(lambda m: m.state == "failed")
        self.assertGreaterEqual(len(failed), 3)
        self.assertTrue(all(m.error_code and m.error_title for m in failed))
        media = messages.filtered(lambda m: m.message_type in ("image", "audio", "document"))
        self.assertTrue(media and all(m.attachment_id and m.media_state == "done" for m in media))
        location = messages.filtered(lambda m: m.message_type == "location")[:1]
        self.assertIn("Puerta del Sol", location.body, "inbound messages went through the real parser")

    def test_templates_in_each_status(self):
        statuses = set(self.env["cusoft.whatsapp.template"].search([]).mapped("status"))
        self.assertLessEqual({"APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL"}, statuses)
