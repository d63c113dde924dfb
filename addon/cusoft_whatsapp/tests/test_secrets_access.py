from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import APP_SECRET, TOKEN, WhatsAppCase

SETTINGS_SECRET = "settings-secret-typed-in-the-form-555"


@tagged("post_install", "-at_install")
class TestSecretsNeverLeak(WhatsAppCase, TransactionCase):
    """The token and the app secret cannot be read back by anyone through any RPC path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.account = cls.make_account()

    def assert_no_secret(self, outcome, path):
        for secret in (TOKEN, APP_SECRET, SETTINGS_SECRET):
            self.assertNotIn(secret, repr(outcome), f"{path} leaked a secret")

    def attempt(self, path, call):
        """Runs `call`; refusing is fine, answering is fine if no secret is in the answer."""
        try:
            outcome = call()
        except (AccessError, UserError, ValueError, KeyError) as refused:
            outcome = str(refused)
        self.assert_no_secret(outcome, path)
        return outcome

    def test_secrets_are_encrypted_at_rest(self):
        self.env.flush_all()
        self.env.cr.execute("SELECT ciphertext FROM cusoft_whatsapp_secret")
        rows = [row[0] for row in self.env.cr.fetchall()]
        self.assertEqual(len(rows), 2, "one token, one app secret")
        self.assert_no_secret(rows, "the secret table")
        self.env.cr.execute("SELECT row_to_json(a)::text FROM cusoft_whatsapp_account a")
        self.assert_no_secret(self.env.cr.fetchall(), "the account table")
        self.env.cr.execute("SELECT value FROM ir_config_parameter")
        self.assert_no_secret(self.env.cr.fetchall(), "ir.config_parameter")
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"), TOKEN)

    def test_no_user_reads_the_token_through_any_rpc_path(self):
        for user in (self.wa_admin, self.wa_user, self.internal, self.portal):
            Account = self.env["cusoft.whatsapp.account"].with_user(user)
            records = Account.browse(self.account.id)
            with self.subTest(user=user.login):
                self.attempt("read", lambda: records.read(["token", "verify_token"]))
                self.attempt("search_read", lambda: Account.search_read([], ["token"]))
                self.attempt("web_read", lambda: records.web_read({"token": {}, "token_set": {}}))
                self.attempt("web_search_read", lambda: Account.web_search_read([], {"token": {}}))
                self.attempt("read_group", lambda: Account.read_group([], ["state"], ["state"]))
                self.attempt("export_data", lambda: records.export_data(["token"]))
                self.attempt("secret model", lambda: self.env["cusoft.whatsapp.secret"].with_user(user).search_read([]))
                self.attempt("ir.config_parameter", lambda: self.env["ir.config_parameter"].with_user(user).search_read([]))

    def test_the_token_is_write_only_even_for_administrators(self):
        self.assertFalse(self.account.with_user(self.wa_admin).read(["token"])[0]["token"])
        self.assertTrue(self.account.with_user(self.wa_admin).token_set, "admins see that a token is saved")
        fields = self.env["cusoft.whatsapp.account"].with_user(self.wa_admin).fields_get(["token"])
        self.assertFalse(fields["token"].get("exportable", True), "the token is not offered for export")

    def test_non_admins_cannot_read_the_field_at_all(self):
        with self.assertRaises(AccessError):
            self.account.with_user(self.wa_user).read(["token"])
        with self.assertRaises(AccessError):
            self.account.with_user(self.wa_user).read(["verify_token"])
        with self.assertRaises(AccessError):
            self.account.with_user(self.internal).read(["name"])

    def test_non_admins_cannot_write_a_token(self):
        with self.assertRaises(AccessError):
            self.account.with_user(self.wa_user).write({"token": "attacker-token"})
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"), TOKEN)

    def test_settings_never_return_the_app_secret(self):
        for user in (self.wa_admin, self.wa_user, self.internal):
            Settings = self.env["res.config.settings"].with_user(user)
            with self.subTest(user=user.login):
                self.attempt("default_get", lambda: Settings.default_get(list(Settings.fields_get())))
                self.attempt("get_values", lambda: Settings.get_values())
                self.attempt(
                    "create+read",
                    lambda: Settings.create({}).read(["cusoft_whatsapp_app_secret", "cusoft_whatsapp_app_secret_set"]),
                )
                self.attempt("web_read", lambda: Settings.create({}).web_read({"cusoft_whatsapp_app_secret": {}}))

    def test_admin_saves_a_new_app_secret_through_settings(self):
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create(
            {"cusoft_whatsapp_app_secret": SETTINGS_SECRET}
        )
        settings.execute()
        self.assertEqual(self.company._cusoft_whatsapp_app_secret(), SETTINGS_SECRET)
        fresh = self.env["res.config.settings"].with_user(self.wa_admin).create({})
        self.assertTrue(fresh.cusoft_whatsapp_app_secret_set)
        self.assertFalse(fresh.cusoft_whatsapp_app_secret)
        self.env.flush_all()
        self.env.cr.execute("SELECT row_to_json(s)::text FROM res_config_settings s")
        self.assert_no_secret(self.env.cr.fetchall(), "the settings table")

    def test_internal_user_cannot_set_the_app_secret(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.internal).create(
                {"cusoft_whatsapp_app_secret": SETTINGS_SECRET}
            )
        self.assertEqual(self.company._cusoft_whatsapp_app_secret(), APP_SECRET)
