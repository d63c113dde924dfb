from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import APP_SECRET, WhatsAppCase
from .test_key import NEW_KEY


@tagged("post_install", "-at_install")
class TestAuditLog(WhatsAppCase, HttpCase):
    """Who did what, when and from where; nobody but the superuser rewrites it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.Audit = cls.env["cusoft.whatsapp.audit"]

    def entries(self, action):
        return self.Audit.sudo().search([("action", "=", action)])

    def test_disconnecting_a_number_through_the_browser_records_user_and_ip(self):
        account = self.make_account()
        self.authenticate("wa_admin", "wa_admin")
        self.make_jsonrpc_request("/web/dataset/call_kw/cusoft.whatsapp.account/action_disconnect", {
            "model": "cusoft.whatsapp.account", "method": "action_disconnect", "args": [account.ids], "kwargs": {},
        })
        entry = self.entries("disconnect")
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.user_id, self.wa_admin)
        self.assertEqual(entry.client_ip, "127.0.0.1")
        self.assertEqual((entry.res_model, entry.res_id), (account._name, account.id))
        self.assertEqual(entry.company_id, account.company_id)
        self.assertTrue(entry.create_date)
        removed = self.entries("secret").filtered(lambda e: "removed" in e.description)
        self.assertEqual(len(removed), 1, "the forgotten token is a secret change too")

    def test_changing_the_app_secret_or_a_retention_in_settings_is_recorded_without_the_secret(self):
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create({
            "cusoft_whatsapp_app_secret": "a-brand-new-secret-42",
            "cusoft_whatsapp_webhook_days": 14,
        })
        settings.execute()
        secret = self.entries("secret").filtered(lambda e: e.res_model == "res.company" and e.user_id == self.wa_admin)
        self.assertEqual(len(secret), 1)
        self.assertIn("App secret", secret.description)
        retention = self.entries("retention")
        self.assertEqual(retention.user_id, self.wa_admin)
        self.assertIn("30 → 14", retention.description)
        everything = repr(self.Audit.sudo().search([]).read())
        self.assertNotIn("a-brand-new-secret-42", everything)
        self.assertNotIn(APP_SECRET, everything)
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create({})
        settings.execute()
        self.assertEqual(len(self.entries("retention")), 1, "saving unchanged settings records nothing")

    def test_the_log_is_append_only_for_everyone_but_the_superuser(self):
        entry = self.Audit.with_user(self.wa_admin)._log("export", "Contact #1 exported")
        as_admin = entry.with_user(self.wa_admin)
        self.assertEqual(as_admin.description, "Contact #1 exported", "administrators read it")
        with self.assertRaises(AccessError):
            as_admin.write({"description": "nothing happened"})
        with self.assertRaises(AccessError):
            as_admin.sudo().write({"description": "nothing happened"})
        with self.assertRaises(AccessError):
            as_admin.sudo().unlink()
        with self.assertRaises(AccessError):
            self.Audit.with_user(self.wa_admin).create({"action": "export", "description": "forged"})
        with self.assertRaises(AccessError):
            as_admin.unlink()
        entry.with_user(SUPERUSER_ID).write({"description": "corrected by the superuser"})
        self.assertEqual(entry.description, "corrected by the superuser")

    def test_each_company_sees_its_own_entries(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        theirs = self.Audit.with_company(other)._log("erase", "Contact #2 erased", company=other)
        mine = self.Audit._log("erase", "Contact #3 erased")
        visible = self.Audit.with_user(self.wa_admin).search([("action", "=", "erase")])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)

    def test_rotating_the_encryption_key_is_recorded(self):
        self.make_account()
        self.env["cusoft.whatsapp.secret"].with_user(self.wa_admin)._rotate_key(None, NEW_KEY)
        entry = self.entries("secret").filtered(lambda e: "rotated" in e.description)
        self.assertEqual(len(entry), 1)
        self.assertEqual((entry.user_id, entry.company_id), (self.wa_admin, self.company))
        self.assertIn("2 secret(s)", entry.description, "the company's app secret and the number's token")
        self.assertNotIn(NEW_KEY, entry.description)
