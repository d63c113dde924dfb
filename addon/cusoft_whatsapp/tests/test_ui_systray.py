import threading
import time
from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.bus.tests.common import WebsocketCase

from .chat_helpers import ChatCase
from .live_helpers import listening_sockets, process_webhooks_in_own_cursor, user_channel
from .webhook_helpers import signed, text_delivery


@tagged("post_install", "-at_install")
class TestSystrayUi(ChatCase, WebsocketCase):
    """The systray's counter in Chromium, live: up on an inbound webhook, down once read.

    Odoo's test server neither runs the webhook crons nor dispatches bus notifications by itself:
    a helper thread plays both once the tour's tab listens on the bus, under the test cursor's lock
    (`registry.cursor()`), like the HTTP requests do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def setUp(self):
        super().setUp()
        self.account.notify_user_ids = self.wa_user
        mine = self.make_conversation(name="Maria")
        mine.user_id = self.wa_user
        self.channel = user_channel(self.env.cr.dbname, self.wa_user)
        self.injected = threading.Event()
        # The tour opens the dropdown once it has seen the first counter, which counts again: the
        # customer writes after that second count, never before the tour saw "1".
        self.counted = threading.Event()
        Conversation = self.registry["cusoft.whatsapp.conversation"]
        attention_count = Conversation._attention_count
        calls = []

        def counting(conversations):
            calls.append(1)
            if len(calls) >= 2:
                self.counted.set()
            return attention_count(conversations)
        self.startPatcher(patch.object(Conversation, "_attention_count", counting))

    def _listening_sockets(self, deadline):
        while time.monotonic() < deadline:
            sockets = listening_sockets(self.channel)
            if sockets:
                return sockets
            time.sleep(0.1)
        return []

    def _customer_writes(self):
        if not self.counted.wait(timeout=60):
            return
        sockets = self._listening_sockets(time.monotonic() + 60)
        if not sockets:
            return
        raw, headers = signed(text_delivery(
            "wamid.SYSTRAY1", body="Do you deliver on Sundays?", wa_id="15550007777", name="Newcomer",
        ))
        self.opener.post(self.base_url() + "/whatsapp/webhook", data=raw, headers=headers, timeout=30)
        process_webhooks_in_own_cursor(self.registry)
        for socket in sockets:
            socket.trigger_notification_dispatching()
        self.injected.set()

    def test_the_counter_goes_up_on_a_customer_message_and_down_once_read(self):
        customer = threading.Thread(target=self._customer_writes, daemon=True)
        customer.start()
        self.start_tour("/odoo/discuss", "cusoft_whatsapp_systray_tour", login="wa_user")
        customer.join(timeout=30)
        self.assertTrue(self.injected.is_set(), "the tab listened on the bus and the webhook was applied")
        newcomer = self.env["cusoft.whatsapp.conversation"].search([("profile_name", "=", "Newcomer")])
        self.assertEqual(newcomer._unread_counts(self.wa_user), {newcomer.id: 0}, "opened from the systray, it was read")
