import time
from unittest.mock import patch

import requests

from odoo import SUPERUSER_ID, api
from odoo.tests import HttpCase, tagged

from odoo.addons.bus.websocket import WebsocketConnectionHandler

from .chat_helpers import ChatCase
from .live_helpers import LiveTourCase, listening_sockets, process_webhooks_in_own_cursor, user_channel, wake_websockets
from .webhook_helpers import signed, status_delivery, text_delivery


@tagged("post_install", "-at_install")
class TestInboxUi(ChatCase, LiveTourCase, HttpCase):
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
        channel = user_channel(self.registry.db_name, self.wa_user)
        self.tour_beside(lambda stop: self._play_meta(conversation.id, channel, stop),
                         "/odoo/whatsapp", "cusoft_whatsapp_inbox_tour", login="wa_user")
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
        channel = user_channel(self.registry.db_name, self.colleague)
        self.tour_beside(lambda stop: self._new_customer_writes(channel, stop),
                         "/odoo/whatsapp", "cusoft_whatsapp_inbox_live_tour", login="wa_colleague")

    def _new_customer_writes(self, channel, stop):
        """Once the colleague's inbox listens on the bus, a new customer writes through the real webhook route."""
        url = self.base_url() + "/whatsapp/webhook"
        while not listening_sockets(channel) and not stop.wait(0.2):
            pass
        stop.wait(1)  # the inbox's first page is loaded by then
        raw, headers = signed(text_delivery("wamid.LIVE1", "Do you ship to Porto?", wa_id="351910000001", name="Rui",
                                            timestamp=int(time.time()) + 1))
        requests.post(url, data=raw, headers=headers, timeout=30)
        process_webhooks_in_own_cursor(self.registry)
        while not stop.wait(0.5):
            wake_websockets(channel)

    def test_the_url_keeps_the_open_conversation(self):
        maria = self.make_conversation()
        self.make_conversation(wa_id="15550001111", name="Ana", body="Where is invoice 77?")
        self.start_tour(f"/odoo/whatsapp?conversation_id={maria.id}", "cusoft_whatsapp_inbox_url_tour", login="wa_user")

    def _play_meta(self, conversation_id, channel, stop):
        """Meta's side while the tour runs, in its own thread as a real cron worker would be: sends what
        Odoo queued, then reports the answer delivered, then read, through the signed webhook route."""
        url = self.base_url() + "/whatsapp/webhook"
        while not stop.wait(0.5):
            wake_websockets(channel)
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
            process_webhooks_in_own_cursor(self.registry)
