import copy
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from . import contract
from .common import TOKEN, WhatsAppCase
from .contract_chat import ChatContract
from .contract_setup import SetupContract
from .fake_graph import Reply
from .fake_graph import data as fake_data

BISU_TOKEN = "EAAG-business-token-from-signup-000111"
FINISH = {"event": "FINISH", "waba_id": fake_data.WABA_ID, "phone_number_id": fake_data.SECOND_PHONE_NUMBER_ID,
          "business_id": fake_data.BUSINESS_ID}


@tagged("post_install", "-at_install")
class TestContract(ChatContract, SetupContract, WhatsAppCase, HttpCase):
    """Every JSON route's real answers, produced against the fake Graph server, must equal the
    fixtures committed in test/contract/, which the browser tier parses with the routes' zod
    schemas. A payload changed on the server rewrites its fixture and fails here; the browser tier
    then fails until the schema agrees."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.company.name = "Example Trading"
        cls.company.cusoft_whatsapp_config_id = "1234567890123456"
        cls.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://odoo.example.com")

    def setUp(self):
        super().setUp()
        no_wait = patch.object(type(self.env["cusoft.whatsapp.account"]), "_graph_sleep", staticmethod(lambda s: None))
        no_wait.start()
        self.addCleanup(no_wait.stop)
        fake = self.graph.graph
        fake.codes = {"code-1": BISU_TOKEN, "code-2": BISU_TOKEN}
        fake.phone_numbers = copy.deepcopy(fake_data.PHONE_NUMBERS)
        # A token with an expiry, so that the card's countdown field carries a date.
        fake.token_data[TOKEN] = {"expires_at": fake_data.ISSUED_AT + 60 * 86400}

    def rpc(self, login, route, **params):
        # One session per user switch: Embedded Signup binds its one-time state to the session.
        if getattr(self, "_logged_in", None) != login:
            self.authenticate(login, login)
            self._logged_in = login
        return self.make_jsonrpc_request(route, params)

    def produce(self):
        """{route: {situation: answer}} for every JSON route, as the components receive them."""
        setup = self.produce_setup_before_numbers()
        account = self.make_account()
        card, overview, action, start, complete, step, abandon = (
            "/cusoft_whatsapp/account/card", "/cusoft_whatsapp/overview", "/cusoft_whatsapp/account/action",
            "/cusoft_whatsapp/signup/start", "/cusoft_whatsapp/signup/complete", "/cusoft_whatsapp/signup/step",
            "/cusoft_whatsapp/signup/abandon",
        )
        answers = {route: {} for route in (card, overview, action, start, complete, step, abandon)}
        answers[card]["draft"] = self.rpc("wa_admin", card, account_id=account.id)
        answers[action]["test_connection"] = self.rpc("wa_admin", action, account_id=account.id, action="test_connection")
        answers[action]["sync_templates"] = self.rpc("wa_admin", action, account_id=account.id, action="sync_templates")
        answers[card]["connected_admin"] = self.rpc("wa_admin", card, account_id=account.id)
        answers[card]["connected_user"] = self.rpc("wa_user", card, account_id=account.id)
        answers[overview]["admin"] = self.rpc("wa_admin", overview)
        answers[overview]["user"] = self.rpc("wa_user", overview)
        self.graph.enqueue("GET", fake_data.PHONE_NUMBER_ID, Reply.error(190, "Error validating access token: Session has expired.",
                                                                      status=401, subcode=463))
        answers[action]["error"] = self.rpc("wa_admin", action, account_id=account.id, action="test_connection")
        answers[card]["error"] = self.rpc("wa_admin", card, account_id=account.id)
        answers[action]["disconnect"] = self.rpc("wa_admin", action, account_id=account.id, action="disconnect")

        answers[start]["new"] = self.rpc("wa_admin", start)
        answers[start]["reconnect"] = self.rpc("wa_admin", start, account_id=account.id)
        first = self.rpc("wa_admin", complete, state=answers[start]["new"]["state"], code="code-1", session=FINISH)
        answers[complete]["running"] = first
        latest = first
        for _attempt in range(10):
            if latest["status"] != "running":
                break
            latest = self.rpc("wa_admin", step, onboarding_id=latest["onboarding_id"])
            if latest["pin"]:
                answers[step]["with_pin"] = latest
        answers[step]["done"] = latest
        self.graph.enqueue("GET", "oauth/access_token", Reply.error(100, "This authorization code has expired.", subcode=36007))
        retry = self.rpc("wa_admin", start)
        failed = self.rpc("wa_admin", complete, state=retry["state"], code="code-2", session=FINISH)
        answers[complete]["failed"] = failed
        answers[step]["failed"] = self.rpc("wa_admin", step, onboarding_id=failed["onboarding_id"])
        cancelled = self.rpc("wa_admin", start)
        answers[abandon]["cancelled"] = self.rpc(
            "wa_admin", abandon, state=cancelled["state"], session={"event": "CANCEL", "current_step": "PHONE_NUMBER_SETUP"})
        answers.update(self.produce_chat(account))
        answers["/cusoft_whatsapp/setup/checklist"] = self.produce_setup_with_number(account, setup)
        return answers

    def test_every_json_route_answers_as_its_committed_fixture(self):
        answers = self.produce()
        self.assertEqual(sorted(answers), contract.answered_routes(),
                         "every JSON route of the addon needs its answers in TestContract.produce()")
        self.assertEqual(answers["/cusoft_whatsapp/account/action"]["error"]["card"]["state"], "error")
        self.assertEqual(answers["/cusoft_whatsapp/signup/step"]["done"]["status"], "done")
        self.assertEqual(answers["/cusoft_whatsapp/signup/step"]["failed"]["status"], "failed")
        self.assertIn("with_pin", answers["/cusoft_whatsapp/signup/step"])
        checklist = answers["/cusoft_whatsapp/setup/checklist"]
        self.assertEqual({situation: answer["status"] for situation, answer in checklist.items()}, {
            "first_steps": "in_progress", "no_number": "in_progress", "connected": "in_progress",
            "complete": "complete", "regressed": "regressed"})
        if not contract.CONTRACT_DIR.parent.is_dir():
            return  # installed without the repository: the answers were produced, nothing to compare to
        contract.CONTRACT_DIR.mkdir(exist_ok=True)
        changed = []
        for route, situations in sorted(answers.items()):
            path = contract.fixture_path(route)
            text = contract.render(route, situations)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed.append(str(path.relative_to(contract.CONTRACT_DIR.parents[1])))
        self.assertFalse(changed, (
            "The answers of these routes differ from the committed contract fixtures, which were rewritten: "
            f"{', '.join(changed)}. Review `git diff test/contract`, make the zod schemas in "
            "static_src/api/schemas/ agree (npm run test:browser parses every fixture), and commit both."
        ))
