import os
import shutil
import stat
import tempfile
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import config

from ..crypto import KEY_ENV, KEY_FILE_NAME, KEY_OPTION
from .common import APP_SECRET, TEST_KEY, TOKEN, WhatsAppCase

NEW_KEY = "the-new-key-after-rotation-0123456789"
PIN = "482913"


@tagged("post_install", "-at_install")
class TestEncryptionKey(WhatsAppCase, TransactionCase):
    """Where the key comes from: odoo.conf or the environment when set, else a generated file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()

    def setUp(self):
        super().setUp()
        self.data_dir = tempfile.mkdtemp(prefix="cusoft-key-")
        self.addCleanup(shutil.rmtree, self.data_dir, True)
        self.key_file = os.path.join(self.data_dir, KEY_FILE_NAME)
        self.account = self.make_account()

    def no_explicit_key(self):
        self.use_key(None, None)

    def use_key(self, option, environment):
        options = patch.dict(config.options, {KEY_OPTION: option or False, "data_dir": self.data_dir})
        environ = patch.dict(os.environ, {KEY_ENV: environment} if environment else {})
        options.start()
        environ.start()
        if not environment:
            os.environ.pop(KEY_ENV, None)
        self.addCleanup(options.stop)
        self.addCleanup(environ.stop)

    def save_token(self, token="EAAG-saved-under-this-key-000111"):
        self.account.with_user(self.wa_admin).token = token
        return token

    def test_without_a_key_one_is_generated_in_the_data_directory_and_used(self):
        self.no_explicit_key()
        token = self.save_token()
        self.assertTrue(os.path.isfile(self.key_file))
        self.assertEqual(stat.S_IMODE(os.stat(self.key_file).st_mode), 0o600, "only Odoo's user may read it")
        with open(self.key_file) as handle:
            key = handle.read().strip()
        self.assertGreaterEqual(len(key), 32)
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"), token)
        # The same file serves every later read; nothing of it is in the database.
        self.env.cr.execute("SELECT ciphertext FROM cusoft_whatsapp_secret")
        stored = " ".join(row[0] for row in self.env.cr.fetchall())
        self.assertNotIn(key, stored)
        self.assertNotIn(token, stored)
        self.env.cr.execute("SELECT value FROM ir_config_parameter")
        self.assertNotIn(key, " ".join(row[0] or "" for row in self.env.cr.fetchall()))

    def test_a_generated_key_survives_a_restart(self):
        self.no_explicit_key()
        token = self.save_token()
        with open(self.key_file) as handle:
            before = handle.read()
        self.env.registry.clear_cache()
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"), token)
        with open(self.key_file) as handle:
            self.assertEqual(handle.read(), before, "an existing key file is never regenerated")

    def test_an_explicit_key_wins_over_the_file(self):
        self.use_key(TEST_KEY, "an-environment-key-that-is-long-enough")
        token = self.save_token()
        self.assertFalse(os.path.exists(self.key_file), "no file when odoo.conf has a key")
        with patch.dict(config.options, {KEY_OPTION: False}), self.assertRaises(UserError):
            self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token")  # the environment key differs
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"), token)

    def test_the_environment_key_wins_over_the_file(self):
        self.use_key(None, "an-environment-key-that-is-long-enough")
        self.save_token()
        self.assertFalse(os.path.exists(self.key_file))

    def test_placeholder_and_short_keys_are_refused_with_what_to_do(self):
        self.use_key("change-me-to-a-long-random-value", None)
        with self.assertRaises(UserError) as caught:
            self.save_token()
        message = str(caught.exception)
        self.assertIn("example value", message)
        self.assertIn(KEY_OPTION, message)
        self.assertIn("openssl rand -base64 32", message)
        with patch.dict(config.options, {KEY_OPTION: False}), patch.dict(os.environ, {KEY_ENV: "short-key"}):
            with self.assertRaises(UserError) as caught:
                self.save_token()
        self.assertIn("shorter than 16 characters", str(caught.exception))
        self.assertIn(KEY_ENV, str(caught.exception))
        self.assertFalse(os.path.exists(self.key_file), "a refused explicit key is not replaced by a file")

    def test_settings_show_where_the_key_is_and_to_back_it_up(self):
        self.no_explicit_key()
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create({})
        self.assertEqual(settings.cusoft_whatsapp_key_kind, "file")
        self.assertEqual(settings.cusoft_whatsapp_key_location, self.key_file)
        self.assertFalse(settings.cusoft_whatsapp_key_problem)
        arch = self.env["res.config.settings"].with_user(self.wa_admin).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("Back this file up together with", arch)
        self.assertIn("cusoft_whatsapp_key_location", arch)
        with patch.dict(config.options, {KEY_OPTION: "changeme"}):
            refused = self.env["res.config.settings"].with_user(self.wa_admin).create({})
            self.assertIn("example value", refused.cusoft_whatsapp_key_problem)
        with patch.dict(config.options, {KEY_OPTION: TEST_KEY}):
            explicit = self.env["res.config.settings"].with_user(self.wa_admin).create({})
            self.assertEqual(explicit.cusoft_whatsapp_key_kind, "config")
            self.assertNotIn(TEST_KEY, explicit.cusoft_whatsapp_key_location, "the key itself is never shown")


@tagged("post_install", "-at_install")
class TestKeyRotation(WhatsAppCase, TransactionCase):
    """`cusoft.whatsapp.secret._rotate_key(old, new)`, which scripts/rotate-key.sh runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.account = cls.make_account()
        cls.env["cusoft.whatsapp.secret"]._store(cls.account, "pin", PIN)

    def reveal_all(self):
        Secret = self.env["cusoft.whatsapp.secret"]
        return (Secret._reveal(self.account, "token"), Secret._reveal(self.account, "pin"),
                Secret._reveal(self.company, "app_secret"))

    def ciphertexts(self):
        return sorted(self.env["cusoft.whatsapp.secret"].sudo().search([]).mapped("ciphertext"))

    def test_rotation_reencrypts_every_secret_and_reports_how_many(self):
        total = self.env["cusoft.whatsapp.secret"].sudo().search_count([])
        self.assertGreaterEqual(total, 3)
        changed = self.env["cusoft.whatsapp.secret"]._rotate_key(TEST_KEY, NEW_KEY)
        self.assertEqual(changed, total)
        with patch.dict(config.options, {KEY_OPTION: NEW_KEY}):
            self.assertEqual(self.reveal_all(), (TOKEN, PIN, APP_SECRET))
        with self.assertRaises(UserError):
            self.reveal_all()  # the old key no longer opens them

    def test_rotation_defaults_to_the_key_in_use(self):
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._rotate_key(None, NEW_KEY),
                         self.env["cusoft.whatsapp.secret"].sudo().search_count([]))
        with patch.dict(config.options, {KEY_OPTION: NEW_KEY}):
            self.assertEqual(self.reveal_all(), (TOKEN, PIN, APP_SECRET))

    def test_a_wrong_old_key_changes_nothing(self):
        before = self.ciphertexts()
        with self.assertRaises(UserError) as caught:
            self.env["cusoft.whatsapp.secret"]._rotate_key("not-the-key-that-encrypted-them", NEW_KEY)
        self.assertIn("nothing was changed", str(caught.exception))
        self.assertEqual(self.ciphertexts(), before)
        self.assertEqual(self.reveal_all(), (TOKEN, PIN, APP_SECRET))

    def test_a_placeholder_or_short_new_key_is_refused(self):
        before = self.ciphertexts()
        for bad in ("change-me-to-a-long-random-value", "tooshort"):
            with self.assertRaises(UserError):
                self.env["cusoft.whatsapp.secret"]._rotate_key(TEST_KEY, bad)
        self.assertEqual(self.ciphertexts(), before)

    def test_only_administrators_rotate(self):
        for user in (self.wa_user, self.internal):
            with self.assertRaises(AccessError):
                self.env["cusoft.whatsapp.secret"].with_user(user)._rotate_key(TEST_KEY, NEW_KEY)

    def test_the_generated_key_file_takes_the_new_key(self):
        data_dir = tempfile.mkdtemp(prefix="cusoft-key-")
        self.addCleanup(shutil.rmtree, data_dir, True)
        with patch.dict(config.options, {"data_dir": data_dir}):
            Secret = self.env["cusoft.whatsapp.secret"]
            Secret._rotate_key(TEST_KEY, NEW_KEY)
            Secret._replace_key_file(NEW_KEY)
            path = os.path.join(data_dir, KEY_FILE_NAME)
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
            with patch.dict(config.options, {KEY_OPTION: False}), patch.dict(os.environ, {}, clear=False):
                os.environ.pop(KEY_ENV, None)
                self.assertEqual(self.reveal_all(), (TOKEN, PIN, APP_SECRET))
