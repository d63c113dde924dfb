from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .fake_graph import Reply
from .common import APP_ID, APP_SECRET, PHONE_NUMBER_ID, TOKEN, WABA_ID, WhatsAppCase


@tagged("post_install", "-at_install")
class TestAccountConnection(WhatsAppCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.graph.graph.token_data.clear()
        self.account = self.make_account()

    def logs(self):
        return self.env["cusoft.whatsapp.api.log"].search([("account_id", "=", self.account.id)], order="id")

    def test_a_healthy_connection_stores_the_numbers_health(self):
        self.assertEqual(self.account.state, "draft")
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "connected")
        self.assertEqual(self.account.display_phone_number, "+1 555-000-1234")
        self.assertEqual(self.account.verified_name, "Example Trading SRL")
        self.assertEqual(self.account.quality_rating, "GREEN")
        self.assertEqual(self.account.messaging_limit, "TIER_2K")
        self.assertEqual(self.account.name_status, "APPROVED")
        self.assertFalse(self.account.token_expires_at, "expires_at 0 means the token never expires")
        self.assertIn("whatsapp_business_messaging", self.account.token_scopes)
        self.assertFalse(self.account.last_error_message)
        self.assertTrue(self.account.last_checked_at)

    def test_every_graph_call_is_logged_without_any_secret(self):
        self.account.with_user(self.wa_admin).action_test_connection()
        logs = self.logs()
        self.assertEqual(len(logs), 2, "one row for the number's fields, one for debug_token")
        self.assertEqual(logs.mapped("method"), ["GET", "GET"])
        self.assertTrue(logs[0].endpoint.startswith(f"/v25.0/{PHONE_NUMBER_ID}"), logs[0].endpoint)
        self.assertIn("debug_token", logs[1].endpoint)
        self.assertEqual(logs.mapped("http_status"), [200, 200])
        self.assertEqual(logs.user_id, self.wa_admin)
        dump = repr(logs.read())
        for secret in (TOKEN, APP_SECRET):
            self.assertNotIn(secret, dump)
        # Meta receives the token in the Authorization header, never in a URL (debug_token, whose
        # very subject is the token, takes it as input_token and authenticates with the app).
        number_call, debug_call = self.graph.requests
        self.assertEqual(number_call.headers.get("authorization"), f"Bearer {TOKEN}")
        self.assertNotIn(TOKEN, number_call.target)
        self.assertEqual(debug_call.headers.get("authorization"), f"Bearer {APP_ID}|{APP_SECRET}")

    def test_an_expired_token_asks_for_reconnection_in_plain_words(self):
        self.graph.enqueue("GET", PHONE_NUMBER_ID, Reply.error(
            190, "Error validating access token: Session has expired", status=401, subcode=463))
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "error")
        self.assertEqual(self.account.last_error_code, 190)
        self.assertEqual(self.account.last_error_category, "reauthorize")
        self.assertTrue(self.account.last_error_message)
        self.assertTrue(self.account.last_error_fix)
        self.assertEqual(self.logs()[0].error_code, 190, "the failed call is in the API log")

    def test_a_token_without_access_to_the_waba_is_reported(self):
        self.graph.graph.token_data[TOKEN] = {"granular_scopes": [
            {"scope": "whatsapp_business_management", "target_ids": ["100000000000999"]},
        ]}
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "error")
        self.assertIn(WABA_ID, self.account.last_error_title)
        self.assertEqual(self.account.last_error_category, "reauthorize")

    def test_a_token_missing_a_permission_is_reported(self):
        self.graph.graph.token_data[TOKEN] = {"scopes": ["whatsapp_business_management"]}
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "error")
        self.assertIn("whatsapp_business_messaging", self.account.last_error_title)

    def test_an_expiring_token_stores_its_expiry(self):
        self.graph.graph.token_data[TOKEN] = {"expires_at": 1800000000}
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "connected")
        self.assertEqual(str(self.account.token_expires_at), "2027-01-15 08:00:00")

    def test_without_the_meta_app_the_token_cannot_be_checked(self):
        self.env["cusoft.whatsapp.secret"]._store(self.company, "app_secret", None)
        self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "error")
        self.assertIn("Settings", self.account.last_error_fix)

    def test_meta_down_is_explained_as_temporary(self):
        self.graph.enqueue("GET", PHONE_NUMBER_ID, *[Reply.error(2, "Service temporarily unavailable", status=503)] * 10)
        with patch.object(type(self.account), "_graph_sleep", staticmethod(lambda seconds: None)):
            self.account.with_user(self.wa_admin).action_test_connection()
        self.assertEqual(self.account.state, "error")
        self.assertEqual(self.account.last_error_category, "retryable")

    def test_spanish_users_read_meta_errors_in_spanish(self):
        self.env["res.lang"]._activate_lang("es_ES")
        self.graph.enqueue("GET", PHONE_NUMBER_ID, Reply.error(190, "expired", status=401, subcode=463))
        self.account.with_user(self.wa_admin).with_context(lang="es_ES").action_test_connection()
        self.assertIn("caducó", self.account.last_error_message)
        self.assertIn("token", self.account.last_error_fix)

    def test_templates_are_synced_from_meta(self):
        self.account.with_user(self.wa_admin).action_test_connection()
        self.account.with_user(self.wa_admin).action_sync_templates()
        templates = self.account.template_ids
        self.assertTrue(templates)
        self.assertEqual(self.account.template_count_synced, len(templates))
        self.assertTrue(all(t.name and t.language and t.status for t in templates))
        self.account.with_user(self.wa_admin).action_sync_templates()
        self.assertEqual(len(self.account.template_ids), len(templates), "a second sync creates no duplicate")

    def test_disconnect_forgets_the_token_and_keeps_the_record(self):
        self.account.with_user(self.wa_admin).action_disconnect()
        self.assertEqual(self.account.state, "disconnected")
        self.assertFalse(self.account.token_set)
        self.assertIsNone(self.env["cusoft.whatsapp.secret"]._reveal(self.account, "token"))
        self.assertTrue(self.account.exists())

    def test_only_administrators_run_the_actions(self):
        for action in ("action_test_connection", "action_sync_templates", "action_disconnect"):
            with self.assertRaises(AccessError):
                getattr(self.account.with_user(self.wa_user), action)()
        self.assertFalse(self.graph.requests, "nothing reached Meta")


@tagged("post_install", "-at_install")
class TestAccountModel(WhatsAppCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()

    def test_each_account_gets_its_own_random_verify_token(self):
        first = self.make_account()
        second = self.make_account(phone_number_id="110000000000002")
        self.assertGreaterEqual(len(first.sudo().verify_token), 24)
        self.assertNotEqual(first.sudo().verify_token, second.sudo().verify_token)

    def test_a_phone_number_is_connected_once(self):
        self.make_account()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.make_account()
            self.env.flush_all()

    def test_companies_never_see_each_others_numbers(self):
        other = self.env["res.company"].create({"name": "Other company"})
        theirs = self.env["cusoft.whatsapp.account"].sudo().create({
            "name": "Theirs", "waba_id": WABA_ID, "phone_number_id": "110000000000003", "company_id": other.id,
        })
        mine = self.make_account()
        visible = self.env["cusoft.whatsapp.account"].with_user(self.wa_user).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)

    def test_webhook_url_follows_the_base_url(self):
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://erp.example.com")
        self.assertEqual(self.make_account().webhook_url, "https://erp.example.com/whatsapp/webhook")
