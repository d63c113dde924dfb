from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import APP_SECRET, TOKEN, WhatsAppCase


@tagged("post_install", "-at_install")
class TestAccountRoutes(WhatsAppCase, HttpCase):
    """The JSON routes the components call: who sees what, and what they never see."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()

    def call(self, login, route, **params):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(route, params)

    def test_overview_lists_the_numbers_for_whatsapp_users(self):
        answer = self.call("wa_user", "/cusoft_whatsapp/overview")
        self.assertFalse(answer["can_manage"])
        self.assertEqual([a["id"] for a in answer["accounts"]], [self.account.id])
        self.assertEqual(answer["accounts"][0]["state"], "draft")

    def test_users_without_whatsapp_rights_are_refused(self):
        with self.assertRaises(JsonRpcException):
            self.call("internal_user", "/cusoft_whatsapp/overview")
        with self.assertRaises(JsonRpcException):
            self.call("internal_user", "/cusoft_whatsapp/account/card", account_id=self.account.id)

    def test_the_card_shows_the_verify_token_to_administrators_only(self):
        admin_card = self.call("wa_admin", "/cusoft_whatsapp/account/card", account_id=self.account.id)
        self.assertEqual(admin_card["verify_token"], self.account.sudo().verify_token)
        self.assertTrue(admin_card["can_manage"])
        self.assertTrue(admin_card["token_set"])
        user_card = self.call("wa_user", "/cusoft_whatsapp/account/card", account_id=self.account.id)
        self.assertIsNone(user_card["verify_token"])
        self.assertFalse(user_card["can_manage"])
        for card in (admin_card, user_card):
            self.assertNotIn(TOKEN, repr(card))
            self.assertNotIn(APP_SECRET, repr(card))

    def test_an_administrator_tests_the_connection_from_the_card(self):
        answer = self.call("wa_admin", "/cusoft_whatsapp/account/action", account_id=self.account.id, action="test_connection")
        self.assertEqual(answer["card"]["state"], "connected")
        self.assertEqual(answer["card"]["quality_rating"], "GREEN")
        self.assertIn("The connection works", answer["message"])
        log = self.env["cusoft.whatsapp.api.log"].search([("account_id", "=", self.account.id)], limit=1)
        self.assertEqual(log.client_ip, "127.0.0.1", "browser-triggered calls record the client IP")
        self.assertTrue(log.user_agent)

    def test_a_failed_test_comes_back_explained_not_as_a_crash(self):
        self.env["cusoft.whatsapp.secret"]._store(self.account, "token", "some-revoked-token")
        answer = self.call("wa_admin", "/cusoft_whatsapp/account/action", account_id=self.account.id, action="test_connection")
        card = answer["card"]
        self.assertEqual(card["state"], "error")
        self.assertEqual(card["last_error"]["category"], "reauthorize")
        self.assertTrue(card["last_error"]["explanation"])
        self.assertIn("Meta reported a problem", answer["message"])

    def test_whatsapp_users_cannot_run_account_actions(self):
        with self.assertRaises(JsonRpcException):
            self.call("wa_user", "/cusoft_whatsapp/account/action", account_id=self.account.id, action="disconnect")
        self.assertEqual(self.account.state, "draft")

    def test_unknown_actions_are_refused(self):
        with self.assertRaises(JsonRpcException):
            self.call("wa_admin", "/cusoft_whatsapp/account/action", account_id=self.account.id, action="unlink")
        self.assertTrue(self.account.exists())
