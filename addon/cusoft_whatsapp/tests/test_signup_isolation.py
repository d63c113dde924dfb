import copy
import json
from unittest.mock import patch
from urllib.parse import urlencode

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .fake_graph import data as fake_data
from .fake_graph.data import SECOND_PHONE_NUMBER_ID
from .fake_graph import Reply
from .common import WABA_ID, WhatsAppCase

BISU_TOKEN = "EAAG-business-token-from-signup-000222"
FINISH = {"event": "FINISH", "waba_id": WABA_ID, "phone_number_id": SECOND_PHONE_NUMBER_ID, "business_id": "140000000000001"}
REGISTER = f"{SECOND_PHONE_NUMBER_ID}/register"
ONBOARDING = "cusoft.whatsapp.onboarding"


@tagged("post_install", "-at_install")
class TestSignupIsolation(WhatsAppCase, HttpCase):
    """An onboarding belongs to the admin who started it, for a limited time; its token does not
    outlive it; the redirect flow keeps every step Meta already carried out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.company.cusoft_whatsapp_config_id = "1234567890123456"
        cls.other_admin = new_test_user(
            cls.env, "wa_admin_other", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_admin"
        )

    def setUp(self):
        super().setUp()
        self.graph.reset()
        fake = self.graph.graph
        fake.codes = {"code-1": BISU_TOKEN}
        fake.used_codes.clear()
        fake.token_data.clear()
        fake.pins.clear()
        fake.subscriptions.clear()
        fake.phone_numbers = copy.deepcopy(fake_data.PHONE_NUMBERS)
        fake.waba_phone_numbers = copy.deepcopy(fake_data.WABA_PHONE_NUMBERS)
        self.authenticate("wa_admin", "wa_admin")
        no_wait = patch.object(type(self.env["cusoft.whatsapp.account"]), "_graph_sleep", staticmethod(lambda seconds: None))
        no_wait.start()
        self.addCleanup(no_wait.stop)

    def rpc(self, route, **params):
        return self.make_jsonrpc_request(route, params)

    def step(self, onboarding_id):
        return self.rpc("/cusoft_whatsapp/signup/step", onboarding_id=onboarding_id)

    def refused_step(self, onboarding_id):
        """(error name, message the admin reads) of a step call that must fail."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 0, "params": {"onboarding_id": onboarding_id}})
        answer = self.url_open("/cusoft_whatsapp/signup/step", data=body, headers={"Content-Type": "application/json"}).json()
        self.assertIn("error", answer, "the step must be refused")
        return answer["error"]["data"]["name"], answer["error"]["data"]["message"]

    def run_steps(self, answer):
        for _attempt in range(10):
            if answer["status"] != "running":
                return answer
            answer = self.step(answer["onboarding_id"])
        self.fail("the onboarding never ended")

    def connect(self):
        state = self.rpc("/cusoft_whatsapp/signup/start")["state"]
        return self.run_steps(self.rpc("/cusoft_whatsapp/signup/complete", state=state, code="code-1", session=FINISH))

    def failed_registration(self):
        self.graph.enqueue("POST", REGISTER, *[Reply.error(133004, "Registration server temporarily unavailable", status=503)] * 3)
        answer = self.connect()
        self.assertEqual(answer["status"], "failed")
        return answer

    def tokens_kept(self, onboarding_id):
        return self.env["cusoft.whatsapp.secret"]._ids_with(self.env[ONBOARDING].browse(onboarding_id), "token")

    def test_another_admin_cannot_resume_someone_elses_connection(self):
        answer = self.failed_registration()
        self.authenticate("wa_admin_other", "wa_admin_other")
        name, message = self.refused_step(answer["onboarding_id"])
        self.assertEqual(name, "odoo.exceptions.AccessError")
        self.assertIn("who started this WhatsApp connection", message)
        self.assertEqual(len(self.graph.requests_to("POST", REGISTER)), 3, "nothing was retried for them")
        self.authenticate("wa_admin", "wa_admin")
        self.assertEqual(self.run_steps({**answer, "status": "running"})["status"], "done", "its own admin resumes it")

    def test_an_expired_connection_cannot_be_resumed(self):
        answer = self.failed_registration()
        onboarding = self.env[ONBOARDING].browse(answer["onboarding_id"])
        onboarding.expires_at = fields.Datetime.subtract(fields.Datetime.now(), minutes=1)
        name, message = self.refused_step(onboarding.id)
        self.assertEqual(name, "odoo.exceptions.UserError")
        self.assertIn("expired", message)
        self.assertEqual(len(self.graph.requests_to("POST", REGISTER)), 3)

    def test_the_token_is_not_kept_once_on_the_number(self):
        answer = self.failed_registration()
        self.assertFalse(self.tokens_kept(answer["onboarding_id"]), "the number holds it; the onboarding no longer does")
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        self.assertEqual(self.env["cusoft.whatsapp.secret"]._reveal(account, "token"), BISU_TOKEN)
        self.assertEqual(self.run_steps({**answer, "status": "running"})["status"], "done", "later steps use the number's token")

    def test_a_token_left_by_a_failed_or_abandoned_connection_is_deleted(self):
        self.graph.graph.token_data[BISU_TOKEN] = {"scopes": ["whatsapp_business_management"]}
        failed = self.connect()
        self.assertEqual(failed["status"], "failed")
        self.assertTrue(self.tokens_kept(failed["onboarding_id"]), "kept while the connection can be resumed")
        onboarding = self.env[ONBOARDING].browse(failed["onboarding_id"])
        onboarding.expires_at = fields.Datetime.subtract(fields.Datetime.now(), minutes=1)
        self.env[ONBOARDING]._gc_expired_tokens()
        self.assertFalse(self.tokens_kept(onboarding.id))
        abandoned, _state = self.env[ONBOARDING].with_user(self.wa_admin)._start("session")
        self.env["cusoft.whatsapp.secret"]._store(abandoned, "token", BISU_TOKEN)
        abandoned._abandon({"event": "CANCEL"})
        self.assertFalse(self.tokens_kept(abandoned.id))

    def test_a_late_failure_in_the_redirect_flow_keeps_the_steps_meta_carried_out(self):
        # The redirect dialog gives no FINISH message: Meta lists the new number first.
        self.graph.graph.waba_phone_numbers = {WABA_ID: [SECOND_PHONE_NUMBER_ID]}
        state = self.rpc("/cusoft_whatsapp/signup/start")["state"]
        Onboarding = type(self.env[ONBOARDING])
        with patch.object(Onboarding, "_step_test_connection", side_effect=RuntimeError("worker killed")), \
                mute_logger("odoo.addons.cusoft_whatsapp.controllers.signup"):
            response = self.url_open(
                "/cusoft_whatsapp/signup/redirect?" + urlencode({"state": state, "code": "code-1"}), allow_redirects=False,
            )
        onboarding = self.env[ONBOARDING].search([], limit=1)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn(f"cusoft_whatsapp_onboarding_action/{onboarding.id}", response.headers["Location"])
        statuses = {step.key: step.status for step in onboarding.step_ids}
        self.assertEqual(statuses["register"], "done")
        self.assertEqual(statuses["subscribe"], "done")
        self.assertEqual(statuses["test_connection"], "failed")
        self.assertEqual(onboarding.status, "failed")
        pin = self.env["cusoft.whatsapp.secret"]._reveal(onboarding.account_id, "pin")
        self.assertTrue(pin, "the PIN Meta registered is still in Odoo")
        self.assertEqual(pin, self.graph.graph.pins[SECOND_PHONE_NUMBER_ID])
