import copy

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import APP_SECRET, PHONE_NUMBER_ID, WABA_ID, WhatsAppCase
from .fake_graph import data as fake_data
from .webhook_helpers import signed, text_delivery

ROUTE = "/cusoft_whatsapp/setup/checklist"


@tagged("post_install", "-at_install")
class TestSetupChecklist(WhatsAppCase, HttpCase):
    """Each step of the setup checklist computed from real records: not done, then done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.company.cusoft_whatsapp_config_id = "1234567890123456"

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.graph.graph.subscriptions.clear()
        self.graph.graph.phone_numbers = copy.deepcopy(fake_data.PHONE_NUMBERS)
        self.params = self.env["ir.config_parameter"].sudo()
        self.params.set_param("web.base.url", "https://odoo.example.com")
        self.params.set_param("web.base.url.freeze", "True")
        self.Setup = self.env["cusoft.whatsapp.setup"].with_user(self.wa_admin)

    def checklist(self, company=None):
        return self.Setup._checklist(company)

    def step(self, key, company=None):
        return next(step for step in self.checklist(company)["steps"] if step["key"] == key)

    def values(self, key):
        return {value["label"]: value["value"] for value in self.step(key)["values"]}

    def connected_account(self):
        account = self.make_account()
        account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        return account

    def delivered_message(self, account, state="delivered"):
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": account.id, "wa_id": "15550009876"})
        return self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": conversation.id, "direction": "outbound", "body": "Welcome", "wamid": "wamid.SETUP1", "state": state,
        })

    def everything_done(self):
        account = self.connected_account()
        account.sudo().write({"webhook_verified_at": fields.Datetime.now(), "last_webhook_at": fields.Datetime.now()})
        self.delivered_message(account)
        return account

    # ------------------------------------------------------------ each step, false then true

    def test_the_meta_app_needs_its_id_and_its_secret(self):
        company = self.env["res.company"].create({"name": "Setup Trading"})
        self.assertFalse(self.step("app", company)["done"])
        company.cusoft_whatsapp_app_id = "900000000000002"
        step = self.step("app", company)
        self.assertFalse(step["done"], "an App ID without its secret cannot check Meta's signatures")
        self.assertIn("App secret", step["detail"])
        self.env["cusoft.whatsapp.secret"]._store(company, "app_secret", "another-secret-0123456789")
        self.assertTrue(self.step("app", company)["done"])

    def test_embedded_signup_needs_a_configuration_and_says_what_to_allow_in_meta(self):
        self.company.cusoft_whatsapp_config_id = False
        self.assertFalse(self.step("signup_config")["done"])
        self.assertEqual(self.values("signup_config"), {
            "Allowed domain": "odoo.example.com",
            "Valid OAuth redirect URI": "https://odoo.example.com/cusoft_whatsapp/signup/redirect",
        })
        self.company.cusoft_whatsapp_config_id = "1234567890123456"
        self.assertTrue(self.step("signup_config")["done"])

    def test_the_public_address_must_be_https_and_not_local(self):
        for url in ("http://localhost:8069", "https://localhost", "http://odoo.example.com", "https://192.168.1.10"):
            self.params.set_param("web.base.url", url)
            step = self.step("public_url")
            self.assertFalse(step["done"], url)
            self.assertIn(url, step["detail"])
        self.params.set_param("web.base.url", "https://odoo.example.com")
        self.assertTrue(self.step("public_url")["done"])

    def test_behind_a_proxy_the_address_is_frozen(self):
        self.params.set_param("web.base.url.freeze", False)
        step = self.step("public_url")
        self.assertTrue(step["done"])
        self.assertIn("web.base.url.freeze", step["detail"])
        self.assertIn("web.base.url.freeze", [value["value"] for value in step["values"]])
        self.params.set_param("web.base.url.freeze", "True")
        self.assertFalse(self.step("public_url")["values"], "nothing left to set")

    def test_a_number_counts_once_connected(self):
        self.assertFalse(self.step("number")["done"])
        account = self.make_account()
        self.assertFalse(self.step("number")["done"], "a draft number is not connected")
        account.sudo().state = "connected"
        self.assertTrue(self.step("number")["done"])
        account.sudo().state = "disconnected"
        step = self.step("number")
        self.assertFalse(step["done"])
        self.assertIn("Sales line", step["detail"], "names the number that stopped")

    def test_the_subscription_of_the_app_is_what_the_diagnostics_found(self):
        account = self.connected_account()
        step = self.step("subscribed")
        self.assertFalse(step["done"], "nothing tells yet that Meta sends this account's events")
        self.assertIn(f"/{WABA_ID}/subscribed_apps", step["values"][0]["value"])
        account._doctor()  # the fake Graph server lists no subscribed app
        self.assertFalse(self.step("subscribed")["done"])
        self.graph.graph.subscriptions[WABA_ID] = None
        account._doctor()
        self.assertTrue(self.step("subscribed")["done"])

    def test_the_subscribe_step_of_embedded_signup_shows_the_subscription(self):
        account = self.connected_account()
        onboarding, _state = self.env["cusoft.whatsapp.onboarding"].with_user(self.wa_admin)._start("session-1")
        self.assertFalse(self.step("subscribed")["done"])
        onboarding.sudo().account_id = account
        onboarding.sudo().step_ids.filtered(lambda s: s.key == "subscribe").status = "done"
        self.assertTrue(self.step("subscribed")["done"])

    def test_the_webhook_is_verified_by_metas_handshake(self):
        account = self.connected_account()
        step = self.step("webhook_verified")
        self.assertFalse(step["done"])
        token = account.sudo().verify_token
        self.assertEqual(self.values("webhook_verified"), {
            "Callback URL": "https://odoo.example.com/whatsapp/webhook", "Verify token": token})
        with mute_logger("odoo.addons.cusoft_whatsapp.controllers.webhook"):
            refused = self.url_open("/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42")
        self.assertEqual(refused.status_code, 403)
        self.assertFalse(self.step("webhook_verified")["done"], "a wrong token verifies nothing")
        answered = self.url_open(f"/whatsapp/webhook?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444")
        self.assertEqual((answered.status_code, answered.text), (200, "1158201444"))
        self.env.invalidate_all()
        self.assertTrue(account.webhook_verified_at)
        self.assertTrue(self.step("webhook_verified")["done"])

    def test_a_first_event_arrives_through_the_webhook(self):
        account = self.connected_account()
        step = self.step("first_event")
        self.assertFalse(step["done"])
        self.assertTrue(self.values("first_event")["Webhook fields"].startswith("messages, "))
        self.assertEqual(self.values("first_event")["Your number"], "+1 555-000-1234")
        raw, headers = signed(text_delivery("wamid.SETUP.IN1", phone_number_id=PHONE_NUMBER_ID), APP_SECRET)
        response = self.opener.post(self.base_url() + "/whatsapp/webhook", data=raw, headers=headers, timeout=30)
        self.assertEqual(response.status_code, 200)
        self.process_webhooks()
        self.assertTrue(account.last_webhook_at)
        self.assertTrue(self.step("first_event")["done"])
        self.assertTrue(self.step("webhook_verified")["done"], "a signed delivery proves the URL was verified")

    def test_a_first_message_counts_once_meta_reports_it_delivered(self):
        account = self.connected_account()
        self.assertFalse(self.step("first_message")["done"])
        message = self.delivered_message(account, state="sent")
        self.assertFalse(self.step("first_message")["done"], "sent is not delivered yet")
        message.state = "delivered"
        self.assertTrue(self.step("first_message")["done"])

    # ------------------------------------------------------------ the whole list

    def test_it_is_complete_when_all_is_done_then_warns_when_a_step_breaks(self):
        self.company.cusoft_whatsapp_setup_done_at = False
        self.assertEqual(self.checklist()["status"], "in_progress")
        self.everything_done()
        self.assertEqual(self.checklist()["status"], "complete")
        self.assertTrue(self.company.cusoft_whatsapp_setup_done_at)
        self.params.set_param("web.base.url", "http://10.0.0.5:8069")
        checklist = self.checklist()
        self.assertEqual(checklist["status"], "regressed")
        self.assertEqual([step["key"] for step in checklist["steps"] if not step["done"]], ["public_url"])
        self.params.set_param("web.base.url", "https://odoo.example.com")
        self.assertEqual(self.checklist()["status"], "complete")

    def test_each_company_has_its_own_checklist(self):
        self.everything_done()
        other = self.env["res.company"].create({"name": "Other Trading"})
        checklist = self.checklist(other)
        self.assertEqual(checklist["status"], "in_progress")
        self.assertEqual([step["key"] for step in checklist["steps"] if step["done"]], ["public_url"],
                         "another company's app and number count for nothing")

    def test_only_whatsapp_administrators_get_the_checklist(self):
        self.authenticate("wa_user", "wa_user")
        with mute_logger("odoo.http"):
            refused = self.url_open(ROUTE, data='{"jsonrpc": "2.0", "method": "call", "params": {}}',
                                    headers={"Content-Type": "application/json"})
        self.assertIn("WhatsApp access rights", refused.json()["error"]["data"]["message"])
        self.authenticate("wa_admin", "wa_admin")
        answer = self.make_jsonrpc_request(ROUTE)
        self.assertEqual([step["key"] for step in answer["steps"]][:2], ["app", "signup_config"])

    # ------------------------------------------------------------ in the web client

    def test_settings_open_on_the_checklist_at_the_step_to_do(self):
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_setup_checklist_settings_tour", login="wa_admin")

    def test_the_empty_overview_shows_administrators_the_checklist(self):
        self.start_tour("/odoo/action-cusoft_whatsapp.cusoft_whatsapp_home_action",
                        "cusoft_whatsapp_setup_checklist_home_tour", login="wa_admin")
