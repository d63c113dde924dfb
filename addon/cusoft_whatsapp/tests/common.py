from unittest.mock import patch

from odoo.tests import new_test_user
from odoo.tools import config

from ..crypto import KEY_OPTION
from .fake_graph import FakeGraphServer

TOKEN = "EAAG-test-token-never-shown-0123456789"
APP_SECRET = "app-secret-never-shown-9876543210"
APP_ID = "900000000000001"
WABA_ID = "100000000000001"
PHONE_NUMBER_ID = "110000000000001"
# The tests bring their own encryption key, so that `odoo-bin -i cusoft_whatsapp --test-enable`
# passes on any server, whether or not it has cusoft_whatsapp_key or CUSOFT_WHATSAPP_KEY.
TEST_KEY = "odoo-tier-test-key-0123456789abcdef"


class WhatsAppKeyCase:
    """Mix into a test case that stores secrets; call use_test_key() in setUpClass."""

    @classmethod
    def use_test_key(cls, key=TEST_KEY):
        cls.startClassPatcher(patch.dict(config.options, {KEY_OPTION: key}))


class WebhookProcessingCase:
    """Mix into a test case that applies stored webhook deliveries (the sandbox's tests too)."""

    def process_webhooks(self):
        """What the processing crons do, until nothing is due, never waiting out a retry's pause (tests
        move the clock instead); the test's own cache then reads what was stored. Returns how many."""
        Event = self.env["cusoft.whatsapp.webhook.event"].sudo()
        done = 0
        while applied := Event._cron_process(seconds=0):
            done += applied
        self.env.invalidate_all()
        return done


class WhatsAppCase(WhatsAppKeyCase, WebhookProcessingCase):
    """Users of every kind and a Meta app, shared by the Odoo-tier tests (mix into a test case)."""

    @classmethod
    def setup_whatsapp(cls):
        cls.use_test_key()
        cls.wa_admin = new_test_user(
            cls.env, "wa_admin", groups="base.group_user,base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin"
        )
        cls.wa_user = new_test_user(
            cls.env, "wa_user", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_user"
        )
        cls.internal = new_test_user(cls.env, "internal_user", groups="base.group_user")
        cls.portal = new_test_user(cls.env, "portal_user", groups="base.group_portal")
        cls.company = cls.env.company
        cls.company.cusoft_whatsapp_app_id = APP_ID
        cls.env["cusoft.whatsapp.secret"]._store(cls.company, "app_secret", APP_SECRET)

    @classmethod
    def make_account(cls, **vals):
        return cls.env["cusoft.whatsapp.account"].with_user(cls.wa_admin).create({
            "name": "Sales line",
            "waba_id": WABA_ID,
            "phone_number_id": PHONE_NUMBER_ID,
            "token": TOKEN,
            **vals,
        })

    @classmethod
    def start_fake_graph(cls):
        """The project's fake Graph server on loopback; Meta itself is never called in tests."""
        cls.graph = FakeGraphServer(tokens=[TOKEN])
        cls.graph.start()
        cls.addClassCleanup(cls.graph.stop)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("cusoft_whatsapp.graph_url", cls.graph.base_url)
        params.set_param("cusoft_whatsapp.graph_version", "v25.0")
        params.set_param("cusoft_whatsapp.media_hosts", "127.0.0.1")  # the fake's media downloads
