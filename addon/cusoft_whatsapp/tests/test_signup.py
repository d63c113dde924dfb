import copy
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .fake_graph import data as fake_data
from .fake_graph.data import SECOND_PHONE_NUMBER_ID, SYSTEM_USER_ID, SYSTEM_USER_NAME
from .fake_graph import Reply
from .common import PHONE_NUMBER_ID, WABA_ID, WhatsAppCase

BISU_TOKEN = "EAAG-business-token-from-signup-000111"
FINISH = {"event": "FINISH", "waba_id": WABA_ID, "phone_number_id": SECOND_PHONE_NUMBER_ID, "business_id": "140000000000001"}


@tagged("post_install", "-at_install")
class TestEmbeddedSignup(WhatsAppCase, HttpCase):
    """The whole server side of Embedded Signup, through the real routes, against the fake Graph."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.company.cusoft_whatsapp_config_id = "1234567890123456"

    def setUp(self):
        super().setUp()
        self.graph.reset()
        fake = self.graph.graph
        fake.codes = {"code-1": BISU_TOKEN, "code-2": BISU_TOKEN}
        fake.used_codes.clear()
        fake.token_data.clear()
        fake.pins.clear()
        fake.subscriptions.clear()
        fake.phone_numbers = copy.deepcopy(fake_data.PHONE_NUMBERS)
        self.authenticate("wa_admin", "wa_admin")
        no_wait = patch.object(type(self.env["cusoft.whatsapp.account"]), "_graph_sleep", staticmethod(lambda seconds: None))
        no_wait.start()
        self.addCleanup(no_wait.stop)

    def rpc(self, route, **params):
        return self.make_jsonrpc_request(route, params)

    def start(self, **params):
        return self.rpc("/cusoft_whatsapp/signup/start", **params)

    def run_steps(self, answer):
        """Calls the next step until the end, as the browser does; `pins` collects every PIN shown."""
        pins = [answer["pin"]] if answer["pin"] else []
        for _attempt in range(10):
            if answer["status"] != "running":
                return {**answer, "pins": pins}
            answer = self.rpc("/cusoft_whatsapp/signup/step", onboarding_id=answer["onboarding_id"])
            if answer["pin"]:
                pins.append(answer["pin"])
        self.fail("the onboarding never ended")

    def connect(self, session=FINISH, code="code-1", **start):
        state = self.start(**start)["state"]
        return self.run_steps(self.rpc("/cusoft_whatsapp/signup/complete", state=state, code=code, session=session))

    def statuses(self, answer):
        return {step["key"]: step["status"] for step in answer["steps"]}

    def test_start_gives_what_the_popup_needs(self):
        answer = self.start()
        self.assertEqual(answer["app_id"], "900000000000001")
        self.assertEqual(answer["config_id"], "1234567890123456")
        self.assertEqual(answer["graph_version"], "v25.0")
        self.assertGreaterEqual(len(answer["state"]), 32)
        self.assertIn("response_type=code", answer["fallback_url"])
        self.assertIn("config_id=1234567890123456", answer["fallback_url"])
        self.assertIn(answer["state"], answer["fallback_url"])

    def test_a_new_number_ends_connected_registered_and_subscribed(self):
        answer = self.connect()
        self.assertEqual(answer["status"], "done", answer)
        self.assertEqual(set(self.statuses(answer).values()), {"done"})
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        self.assertEqual(account.phone_number_id, SECOND_PHONE_NUMBER_ID)
        self.assertEqual(account.state, "connected")
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(account, "token"), BISU_TOKEN)
        self.assertEqual(len(answer["pins"]), 1, "the generated PIN is shown exactly once")
        self.assertRegex(answer["pins"][0], r"^\d{6}$")
        self.assertEqual(self.graph.graph.pins[SECOND_PHONE_NUMBER_ID], answer["pins"][0])
        self.assertIn(WABA_ID, self.graph.graph.subscriptions)
        again = self.rpc("/cusoft_whatsapp/signup/step", onboarding_id=answer["onboarding_id"])
        self.assertIsNone(again["pin"], "never shown a second time")
        self.assertNotIn(BISU_TOKEN, repr(answer))

    def test_the_audit_trail_says_who_connected_what_and_as_whom(self):
        answer = self.connect()
        onboarding = self.env["cusoft.whatsapp.onboarding"].browse(answer["onboarding_id"])
        self.assertEqual(onboarding.user_id, self.wa_admin)
        self.assertEqual(onboarding.account_id.id, answer["account_id"])
        self.assertEqual(onboarding.fb_user_id, SYSTEM_USER_ID)
        self.assertEqual(onboarding.fb_user_name, SYSTEM_USER_NAME)
        self.assertTrue(onboarding.completed_at)

    def test_an_already_registered_number_skips_registration(self):
        answer = self.connect(session={**FINISH, "phone_number_id": PHONE_NUMBER_ID})
        self.assertEqual(answer["status"], "done")
        self.assertEqual(self.statuses(answer)["register"], "skipped")
        self.assertEqual(answer["pins"], [])
        self.assertFalse(self.graph.requests_to("POST", f"{PHONE_NUMBER_ID}/register"))

    def test_a_lost_finish_message_is_recovered_from_the_token(self):
        answer = self.connect(session=None)
        self.assertEqual(answer["status"], "done", answer)
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        self.assertEqual(account.waba_id, WABA_ID)

    def test_an_expired_code_says_to_start_again(self):
        self.graph.enqueue("GET", "oauth/access_token", Reply.error(100, "This authorization code has expired.", subcode=36007))
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        self.assertEqual(self.statuses(answer)["exchange_code"], "failed")
        resumed = self.rpc("/cusoft_whatsapp/signup/step", onboarding_id=answer["onboarding_id"])
        self.assertEqual(resumed["status"], "failed")
        self.assertIn("Connect WhatsApp again", resumed["error"]["fix"])

    def test_a_missing_permission_is_refused(self):
        self.graph.graph.token_data[BISU_TOKEN] = {"scopes": ["whatsapp_business_management", "public_profile"]}
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        self.assertEqual(self.statuses(answer)["check_token"], "failed")
        self.assertIn("whatsapp_business_messaging", answer["error"]["title"])
        self.assertFalse(answer["account_id"])

    def test_a_waba_not_granted_is_refused(self):
        self.graph.graph.token_data[BISU_TOKEN] = {"granular_scopes": [
            {"scope": "whatsapp_business_management", "target_ids": ["100000000000999"]},
            {"scope": "whatsapp_business_messaging", "target_ids": ["100000000000999"]},
        ]}
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        self.assertIn(WABA_ID, answer["error"]["title"])

    def test_a_failed_registration_resumes_without_redoing_earlier_steps(self):
        # Retryable: the client tries three times within the step before the step fails.
        self.graph.enqueue("POST", f"{SECOND_PHONE_NUMBER_ID}/register",
                           *[Reply.error(133004, "Registration server temporarily unavailable", status=503)] * 3)
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        self.assertEqual(self.statuses(answer)["register"], "failed")
        self.assertTrue(answer["error"]["explanation"])
        exchanges = len(self.graph.requests_to("GET", "oauth/access_token"))
        resumed = self.run_steps({**answer, "status": "running"})
        self.assertEqual(resumed["status"], "done", resumed)
        self.assertEqual(len(self.graph.requests_to("GET", "oauth/access_token")), exchanges, "the code is not exchanged again")
        self.assertEqual(len(self.graph.requests_to("GET", "debug_token")), 2, "check_token once, then the final test")
        self.assertEqual(len(resumed["pins"]), 1)
        self.assertEqual(self.graph.graph.pins[SECOND_PHONE_NUMBER_ID], resumed["pins"][0])

    def test_a_failed_subscription_can_be_retried(self):
        self.graph.enqueue("POST", f"{WABA_ID}/subscribed_apps", Reply.error(131000, "Something went wrong", status=500),
                           Reply.error(131000, "Something went wrong", status=500), Reply.error(131000, "Something went wrong", status=500))
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        self.assertEqual(self.statuses(answer)["subscribe"], "failed")
        self.assertNotIn(WABA_ID, self.graph.graph.subscriptions)
        resumed = self.run_steps({**answer, "status": "running"})
        self.assertEqual(resumed["status"], "done")
        self.assertIn(WABA_ID, self.graph.graph.subscriptions)

    def test_reauthorizing_with_another_number_is_refused(self):
        account = self.make_account(phone_number_id=PHONE_NUMBER_ID)
        answer = self.connect(account_id=account.id, session=FINISH)  # FINISH names the second number
        self.assertEqual(answer["status"], "failed")
        self.assertEqual(self.statuses(answer)["read_numbers"], "failed")
        self.assertIn("another phone number", answer["error"]["title"])
        self.assertFalse(self.env["cusoft.whatsapp.account"].search([("phone_number_id", "=", SECOND_PHONE_NUMBER_ID)]))

    def test_reauthorizing_the_same_number_replaces_its_token(self):
        account = self.make_account(phone_number_id=PHONE_NUMBER_ID)
        answer = self.connect(account_id=account.id, session={**FINISH, "phone_number_id": PHONE_NUMBER_ID})
        self.assertEqual(answer["status"], "done", answer)
        self.assertEqual(answer["account_id"], account.id)
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(account, "token"), BISU_TOKEN)

    def test_a_state_is_used_once_and_only_by_its_session(self):
        state = self.start()["state"]
        with self.assertRaises(JsonRpcException):
            self.rpc("/cusoft_whatsapp/signup/complete", state="forged-state", code="code-1", session=FINISH)
        self.rpc("/cusoft_whatsapp/signup/complete", state=state, code="code-1", session=FINISH)
        with self.assertRaises(JsonRpcException):
            self.rpc("/cusoft_whatsapp/signup/complete", state=state, code="code-2", session=FINISH)
        other_state = self.start()["state"]
        new_test_user(self.env, "wa_admin2", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_admin")
        self.authenticate("wa_admin2", "wa_admin2")
        with self.assertRaises(JsonRpcException):
            self.rpc("/cusoft_whatsapp/signup/complete", state=other_state, code="code-2", session=FINISH)
        self.assertEqual(len(self.graph.requests_to("GET", "oauth/access_token")), 1, "refused states never reach Meta")

    def test_non_admins_are_refused(self):
        self.authenticate("wa_user", "wa_user")
        with self.assertRaises(JsonRpcException):
            self.start()
        self.authenticate("wa_admin", "wa_admin")
        state = self.start()["state"]
        self.authenticate("wa_user", "wa_user")
        with self.assertRaises(JsonRpcException):
            self.rpc("/cusoft_whatsapp/signup/complete", state=state, code="code-1", session=FINISH)
        self.assertFalse(self.graph.requests)

    def test_a_cancelled_popup_is_recorded(self):
        state = self.start()["state"]
        self.rpc("/cusoft_whatsapp/signup/abandon", state=state,
                 session={"event": "CANCEL", "error_message": "Something went wrong", "session_id": "f34b51dab5e0498"})
        onboarding = self.env["cusoft.whatsapp.onboarding"].search([], limit=1)
        self.assertEqual(onboarding.status, "abandoned")
        self.assertEqual(onboarding.meta_session_id, "f34b51dab5e0498")

    def test_disconnect_unsubscribes_forgets_the_token_and_keeps_the_number(self):
        answer = self.connect()
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        self.rpc("/cusoft_whatsapp/account/action", account_id=account.id, action="disconnect")
        self.assertEqual(account.state, "disconnected")
        self.assertNotIn(WABA_ID, self.graph.graph.subscriptions)
        self.assertFalse(account.token_set)
        self.assertTrue(account.exists())

    def test_connecting_and_reconnecting_are_in_the_audit_log(self):
        answer = self.connect()
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        Audit = self.env["cusoft.whatsapp.audit"].sudo()
        connected = Audit.search([("action", "=", "connect")])
        self.assertEqual((connected.user_id, connected.client_ip), (self.wa_admin, "127.0.0.1"))
        self.assertEqual((connected.res_model, connected.res_id), (account._name, account.id))
        self.assertIn(SECOND_PHONE_NUMBER_ID, connected.description)
        again = self.connect(account_id=account.id, code="code-2")
        self.assertEqual(again["status"], "done", again)
        self.assertEqual(len(Audit.search([("action", "=", "reauthorize"), ("res_id", "=", account.id)])), 1)
        self.assertNotIn(BISU_TOKEN, repr(Audit.search([]).read()))
