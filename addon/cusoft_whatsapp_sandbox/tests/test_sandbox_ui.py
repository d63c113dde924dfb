from datetime import timedelta
from unittest.mock import patch

import requests

from odoo import SUPERUSER_ID, api, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.cusoft_whatsapp.tests.live_helpers import (
    LiveTourCase, process_webhooks_in_own_cursor, user_channel, wake_websockets,
)
from odoo.addons.bus.websocket import WebsocketConnectionHandler

from .. import simulated_webhooks
from ..models.cusoft_whatsapp_sandbox_webhook import BACKGROUND
from .common import SandboxCase


@tagged("post_install", "-at_install")
class TestSandboxUi(SandboxCase, LiveTourCase, HttpCase):
    """In the browser: the banner, Connect WhatsApp without Facebook, the Simulate a customer panel,
    then the answer from the inbox and its ticks arriving live."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sandbox()
        # Odoo turns the websocket off in tests; the ticks must move live (as in bus's WebsocketCase).
        cls.startClassPatcher(patch.object(WebsocketConnectionHandler, "websocket_allowed", return_value=True))

    def test_connect_simulate_a_customer_answer_and_read(self):
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_sandbox_tour", login="sbx_admin")
        account = self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")])
        self.assertEqual(len(account), 1)
        for thread in list(BACKGROUND):
            thread.join(timeout=60)
        self.process_webhooks()
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().search([("account_id", "=", account.id)])
        self.assertEqual(conversation.message_ids.mapped("body"), ["Hello from the sandbox tour"])

        channel = user_channel(self.registry.db_name, self.wa_admin)
        self.tour_beside(lambda stop: self._play_cron_workers(channel, stop),
                         "/odoo/whatsapp", "cusoft_whatsapp_sandbox_inbox_tour", login="sbx_admin", join_timeout=30)
        self.env.invalidate_all()
        answer = conversation.message_ids.filtered(lambda m: m.direction == "outbound")
        self.assertEqual((answer.body, answer.state), ("Hello Lucía, how can we help?", "read"))

    def _play_cron_workers(self, channel, stop):
        """What Odoo's cron workers do while the tour runs (tests have none): send what the inbox
        queued, post the sandbox's simulated statuses to the real webhook, process the deliveries;
        then what Postgres' NOTIFY does outside tests, wake the user's websockets."""
        url = self.base_url() + "/whatsapp/webhook"
        while not stop.wait(0.5):
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["cusoft.whatsapp.message"]._cron_send(budget=5, wait_retries=False)
                # The statuses come "a moment later": no waiting here. Posted below, outside this
                # cursor, which the webhook route needs (a test server has a single one).
                jobs = env["cusoft.whatsapp.sandbox.status"].search([("due_at", "<=", fields.Datetime.now() + timedelta(minutes=5))])
                posts = [simulated_webhooks.signed(job._payload(), job.account_id.company_id._cusoft_whatsapp_app_secret())
                         for job in jobs]
                jobs.unlink()
            for raw, headers in posts:
                requests.post(url, data=raw, headers=headers, timeout=30)
            process_webhooks_in_own_cursor(self.registry)
            wake_websockets(channel)
