import threading

import requests

from odoo import SUPERUSER_ID, api
from odoo.tests import HttpCase, tagged

from .chat_helpers import ChatCase
from .webhook_helpers import signed, status_delivery


@tagged("post_install", "-at_install")
class TestInboxUi(ChatCase, HttpCase):
    """The inbox in Chromium, against the fake Graph server: answer, react, and see the ticks move."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        # The bus tells the number's notified users about its messages.
        cls.account.sudo().notify_user_ids = cls.wa_user

    def test_answer_react_and_see_the_ticks_move(self):
        conversation = self.make_conversation()
        stop = threading.Event()
        meta = threading.Thread(target=self._play_meta, args=(conversation.id, stop), daemon=True)
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

    def _play_meta(self, conversation_id, stop):
        """Meta's side while the tour runs, in its own thread as a real cron worker would be: sends what
        Odoo queued, then reports the answer delivered, then read, through the signed webhook route."""
        url = self.base_url() + "/whatsapp/webhook"
        while not stop.wait(0.5):
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
