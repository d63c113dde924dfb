import threading
import time
from unittest.mock import patch

import requests

from odoo import SUPERUSER_ID, api
from odoo.tests import HttpCase, tagged

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable
from odoo.addons.bus.websocket import WebsocketConnectionHandler

from .chat_helpers import ChatCase
from .webhook_helpers import signed, status_delivery, text_delivery


@tagged("post_install", "-at_install")
class TestInboxUi(ChatCase, HttpCase):
    """The inbox in Chromium, against the fake Graph server: answer, react, and see the ticks move."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        # The bus tells the number's notified users about its messages.
        cls.account.sudo().notify_user_ids = cls.wa_user
        # Odoo turns the websocket off in tests; the ticks must move live, so it is on here (as in
        # bus's own WebsocketCase), and _play_meta wakes it since no NOTIFY leaves a test transaction.
        cls.startClassPatcher(patch.object(WebsocketConnectionHandler, "websocket_allowed", return_value=True))

    def test_answer_react_and_see_the_ticks_move(self):
        conversation = self.make_conversation()
        stop = threading.Event()
        channel = hashable(channel_with_db(self.registry.db_name, self.wa_user.partner_id))
        meta = threading.Thread(target=self._play_meta, args=(conversation.id, channel, stop), daemon=True)
        meta.start()
        try:
            self.start_tour("/odoo/whatsapp", "cusoft_whatsapp_inbox_tour", login="wa_user")
        finally:
            stop.set()
            meta.join(timeout=10)
        self.env.invalidate_all()
        answer = self.Message.search([("conversation_id", "=", conversation.id), ("body", "=", "On my way, 10 minutes")])
        self.assertEqual(answer.state, "read")
        self.assertEqual(answer.author_id, self.wa_user)
        bodies = [post.get("text", {}).get("body") or post.get("reaction", {}).get("emoji") for post in self.posts()]
        self.assertIn("On my way, 10 minutes", bodies, "the answer reached the fake Graph server")
        self.assertIn("👍", bodies, "so did the reaction")

    def test_a_new_customer_appears_live_in_every_whatsapp_users_inbox(self):
        # wa_colleague is not among the number's notified users: their inbox updates all the same.
        self.make_conversation()
        stop = threading.Event()
        channel = hashable(channel_with_db(self.registry.db_name, self.colleague.partner_id))
        customer = threading.Thread(target=self._new_customer_writes, args=(channel, stop), daemon=True)
        customer.start()
        try:
            self.start_tour("/odoo/whatsapp", "cusoft_whatsapp_inbox_live_tour", login="wa_colleague")
        finally:
            stop.set()
            customer.join(timeout=10)

    def _new_customer_writes(self, channel, stop):
        """Once the colleague's inbox listens on the bus, a new customer writes through the real webhook route."""
        url = self.base_url() + "/whatsapp/webhook"
        while not dispatch._channels_to_ws.get(channel) and not stop.wait(0.2):
            pass
        stop.wait(1)  # the inbox's first page is loaded by then
        raw, headers = signed(text_delivery("wamid.LIVE1", "Do you ship to Porto?", wa_id="351910000001", name="Rui",
                                            timestamp=int(time.time()) + 1))
        requests.post(url, data=raw, headers=headers, timeout=30)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            while env["cusoft.whatsapp.webhook.event"].sudo()._cron_process(seconds=0):
                pass
        while not stop.wait(0.5):
            self._wake_websockets(channel)

    def test_the_url_keeps_the_open_conversation(self):
        maria = self.make_conversation()
        self.make_conversation(wa_id="15550001111", name="Ana", body="Where is invoice 77?")
        self.start_tour(f"/odoo/whatsapp?conversation_id={maria.id}", "cusoft_whatsapp_inbox_url_tour", login="wa_user")

    def _play_meta(self, conversation_id, channel, stop):
        """Meta's side while the tour runs, in its own thread as a real cron worker would be: sends what
        Odoo queued, then reports the answer delivered, then read, through the signed webhook route."""
        url = self.base_url() + "/whatsapp/webhook"
        while not stop.wait(0.5):
            self._wake_websockets(channel)
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["cusoft.whatsapp.message"]._cron_send(budget=5, wait_retries=False)
                answer = env["cusoft.whatsapp.message"].search([
                    ("conversation_id", "=", conversation_id), ("direction", "=", "outbound"), ("message_type", "=", "text"),
                ], limit=1)
                state, wamid = answer.state, answer.wamid
            following = {"sent": "delivered", "delivered": "read"}.get(state)
            if not following or not wamid:
                continue
            # Outside any cursor: the route needs the test cursor this thread would otherwise hold.
            raw, headers = signed(status_delivery(wamid, following))
            requests.post(url, data=raw, headers=headers, timeout=30)
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                while env["cusoft.whatsapp.webhook.event"].sudo()._cron_process(seconds=0):
                    pass

    @staticmethod
    def _wake_websockets(channel):
        """What Postgres' NOTIFY does outside tests: the user's open websockets read the new bus rows."""
        for websocket in list(dispatch._channels_to_ws.get(channel, ())):
            websocket.trigger_notification_dispatching()
