import json
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .fake_graph import Reply
from ..serializers import chat as payloads
from .chat_helpers import CUSTOMER, MEDIA_PATH, PNG, ChatCase

QUIET = ("odoo.addons.cusoft_whatsapp.graph.client", "odoo.addons.cusoft_whatsapp.models.cusoft_whatsapp_message_send")


@tagged("post_install", "-at_install")
class TestSend(ChatCase, TransactionCase):
    """The send path against the fake Graph server: queued at once, sent by the cron, retried or failed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.conversation = self.make_conversation()
        self.as_user = self.conversation.with_user(self.wa_user)

    def sent_message(self, message_id):
        return self.Message.browse(message_id)

    def test_a_text_is_queued_at_once_then_sent_and_moves_with_the_status_webhooks(self):
        message = self.sent_message(self.as_user.send_text("Yes, it is ready", client_id="tab1-0001"))
        self.assertEqual(message.state, "queued")
        self.assertEqual(self.posts(), [], "nothing reaches Meta inside the user's request")
        self.assertEqual(self.conversation.last_message_id, message, "the inbox preview shows the answer at once")
        self.run_sends()
        self.assertEqual(message.state, "sent")
        self.assertTrue(message.wamid.startswith("wamid."))
        self.assertEqual(message.author_id, self.wa_user)
        [payload] = self.posts()
        self.assertEqual(payload["to"], f"+{CUSTOMER}")
        self.assertEqual(payload["text"]["body"], "Yes, it is ready")
        # Meta's statuses then move it forward (models/cusoft_whatsapp_message.py).
        message._apply_status("delivered", None, [])
        message._apply_status("read", None, [])
        self.assertEqual(message.state, "read")

    def test_a_status_that_overtook_the_send_is_applied_when_the_wamid_arrives(self):
        message = self.sent_message(self.as_user.send_text("Quick", client_id="tab1-0002"))
        self.env["cusoft.whatsapp.message.status"].sudo().create({
            "account_id": self.account.id, "wamid": "wamid.FAKE000000000001", "status": "delivered",
        })
        self.graph.graph._serial = iter(range(1, 100))
        self.run_sends()
        self.assertEqual(message.wamid, "wamid.FAKE000000000001")
        self.assertEqual(message.state, "delivered")

    def test_throttling_is_retried_later_with_growing_delays_then_sent(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages", Reply.error(130429), Reply.error(130429))
        message = self.sent_message(self.as_user.send_text("Hello again", client_id="tab1-0003"))
        with mute_logger(*QUIET):
            self.run_sends()
        self.assertEqual((message.state, message.send_attempts), ("queued", 1))
        first_delay = message.send_next_try - fields.Datetime.now()
        self.assertGreater(first_delay, timedelta(seconds=2))
        self.assertIsNotNone(payloads.sent(self.env, message)["message"]["retry_at"])
        self.run_sends()
        self.assertEqual(len(self.posts()), 1, "not retried before its time")
        self.time_passes()
        with mute_logger(*QUIET):
            self.run_sends()
        self.assertEqual(message.send_attempts, 2)
        self.assertGreater(message.send_next_try - fields.Datetime.now(), first_delay, "the delay grows")
        self.time_passes()
        self.run_sends()
        self.assertEqual(message.state, "sent")
        self.assertEqual(len(self.posts()), 3)

    def test_repeated_outages_end_in_failed_after_a_few_attempts(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages", *[Reply.error(131000, status=500)] * 3)
        message = self.sent_message(self.as_user.send_text("Anyone?", client_id="tab1-0019"))
        with mute_logger(*QUIET):
            for _attempt in range(4):
                self.run_sends()
                self.time_passes()
        self.assertEqual((message.state, message.error_kind), ("failed", "gave_up"))
        self.assertEqual(len(self.posts()), 3, "Meta's table says: retry 131000 twice, then tell the user")
        self.assertIn("stopped retrying", payloads.sent(self.env, message)["message"]["error"]["fix"])

    def test_a_run_stays_under_the_numbers_messages_per_second(self):
        self.env["ir.config_parameter"].sudo().set_param("cusoft_whatsapp.send_rate_per_second", "2")
        for index in range(3):
            customer = self.make_conversation(wa_id=f"1555000200{index}", name=f"Customer {index}")
            customer.with_user(self.wa_user).send_text("Sale starts today", client_id=f"burst-000{index}")
        pauses = []
        Message = type(self.env["cusoft.whatsapp.message"])
        frozen = staticmethod(lambda: 1000.0)  # all three sends within the same second
        with patch.object(Message, "_send_sleep", staticmethod(pauses.append)), \
                patch.object(Message, "_send_clock", frozen):
            self.run_sends()
        self.assertEqual(len(self.posts()), 3)
        self.assertEqual(pauses, [1.0], "the third send of that second waits for the next one")
        with patch.object(Message, "_send_sleep", staticmethod(pauses.append)), \
                patch.object(Message, "_send_clock", frozen):
            self.as_user.send_text("Unrelated", client_id="burst-0004")
            self.run_sends()
        self.assertEqual(len(pauses), 1, "a new run starts a new second")

    def test_a_short_throttling_pause_is_waited_out_within_the_same_run(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages", Reply.error(131056))
        message = self.sent_message(self.as_user.send_text("Soon", client_id="tab1-0022"))
        with mute_logger(*QUIET):
            self.env["cusoft.whatsapp.message"]._cron_send(budget=30)  # Meta's first pair-rate pause: 1 s
        self.assertEqual(message.state, "sent", "not left waiting for the cron's next poll")
        self.assertEqual(len(self.posts()), 2)

    def test_a_later_message_waits_for_the_one_before_it(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages", Reply.error(131056))
        first = self.sent_message(self.as_user.send_text("First", client_id="tab1-0004"))
        second = self.sent_message(self.as_user.send_text("Second", client_id="tab1-0005"))
        with mute_logger(*QUIET):
            self.run_sends()
        self.assertEqual((first.state, second.state), ("queued", "queued"))
        self.assertEqual(len(self.posts()), 1, "the second is not sent ahead of the first")
        self.time_passes()
        self.run_sends()
        self.assertEqual([p["text"]["body"] for p in self.posts()], ["First", "First", "Second"])
        self.assertEqual((first.state, second.state), ("sent", "sent"))

    def test_a_refusal_fails_with_metas_reason_in_plain_words_and_retry_sends_it(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages",
                           Reply.error(131026, "(#131026) Message undeliverable"))
        message = self.sent_message(self.as_user.send_text("Are you there?", client_id="tab1-0006"))
        with mute_logger(*QUIET):
            self.run_sends()
        self.assertEqual((message.state, message.error_code), ("failed", 131026))
        error = payloads.sent(self.env, message)["message"]["error"]
        self.assertFalse(error["uncertain"])
        self.assertIn("WhatsApp", error["explanation"])
        self.assertNotIn("131026", error["explanation"], "plain words, not a code")
        self.run_sends()
        self.assertEqual(len(self.posts()), 1, "a refusal is not retried on its own")
        message.with_user(self.wa_user).action_retry()
        self.assertEqual(message.state, "queued")
        self.run_sends()
        self.assertEqual(message.state, "sent")
        self.assertFalse(payloads.sent(self.env, message)["message"]["error"])

    def test_free_text_outside_the_window_is_refused_before_meta_is_called(self):
        self.conversation.window_expires_at = fields.Datetime.now() - timedelta(minutes=1)
        before = self.Message.search_count([])
        with self.assertRaisesRegex(UserError, "template"):
            self.as_user.send_text("Hello?", client_id="tab1-0007")
        with self.assertRaisesRegex(UserError, "template"):
            self.as_user.send_reaction(self.conversation.last_message_id, "👍", client_id="tab1-0008")
        self.assertEqual(self.Message.search_count([]), before)
        self.run_sends()
        self.assertEqual(self.posts(), [])

    def test_the_same_send_twice_is_one_message_and_one_call(self):
        first = self.as_user.send_text("Only once", client_id="double-click-1")
        second = self.as_user.send_text("Only once", client_id="double-click-1")
        self.assertEqual(first, second)
        self.run_sends()
        third = self.as_user.send_text("Only once", client_id="double-click-1")
        self.assertEqual(third, first, "a request retried after the send still gets the same message")
        self.run_sends()
        self.assertEqual(len(self.posts()), 1)
        other = self.make_conversation(wa_id="15550001111", name="Ana")
        with self.assertRaises(UserError):
            other.with_user(self.wa_user).send_text("Only once", client_id="double-click-1")

    def test_a_timeout_after_the_request_left_is_never_repeated_on_its_own(self):
        self.graph.enqueue("POST", f"{self.account.phone_number_id}/messages",
                           Reply.json({"messages": [{"id": "wamid.LATE"}]}, delay=2.5))
        message = self.sent_message(self.as_user.send_text("Did it arrive?", client_id="tab1-0009"))
        Message = type(self.env["cusoft.whatsapp.message"])
        with patch.object(Message, "_graph_send_timeout", (2, 0.5)), mute_logger(*QUIET):
            self.run_sends()
            self.assertEqual((message.state, message.error_kind), ("failed", "uncertain"))
            self.time_passes()
            self.run_sends()
        self.assertEqual(len(self.posts()), 1)
        error = payloads.sent(self.env, message)["message"]["error"]
        self.assertTrue(error["uncertain"])
        self.assertIn("may or may not", error["explanation"])
        message.with_user(self.wa_user).action_retry()
        self.run_sends()
        self.assertEqual(message.state, "sent")
        self.assertEqual(len(self.posts()), 2, "sent again only because the user asked")

    def test_an_interrupted_send_is_reported_uncertain_not_repeated(self):
        message = self.sent_message(self.as_user.send_text("Crash", client_id="tab1-0010"))
        message.sending_since = fields.Datetime.now() - timedelta(hours=1)
        self.run_sends()
        self.assertEqual((message.state, message.error_kind), ("failed", "uncertain"))
        self.assertEqual(self.posts(), [])

    def test_a_picture_is_uploaded_to_meta_then_sent_by_its_media_id(self):
        attachment = self.env["ir.attachment"].create({
            "name": "order.png", "raw": PNG, "res_model": self.conversation._name, "res_id": self.conversation.id,
        })
        message = self.sent_message(self.as_user.send_media(attachment, caption="Your order", client_id="tab1-0011"))
        self.assertEqual((message.message_type, message.state), ("image", "queued"))
        self.run_sends()
        self.assertEqual(message.state, "sent")
        [upload] = self.graph.requests_to("POST", MEDIA_PATH)
        [payload] = self.posts()
        self.assertEqual(payload["image"], {"id": message.media_id, "caption": "Your order"})
        self.assertEqual(self.graph.graph.media[message.media_id][0], PNG)
        media = payloads.sent(self.env, message)["message"]["media"]
        self.assertEqual(media["url"], f"/cusoft_whatsapp/chat/media/{message.id}")
        self.assertTrue(upload)

    def test_files_whatsapp_refuses_are_refused_before_sending(self):
        exe = self.env["ir.attachment"].create({"name": "tool.exe", "raw": b"MZ\x90\x00" + b"\x00" * 64})
        with self.assertRaisesRegex(UserError, "does not accept"):
            self.as_user.send_media(exe, client_id="tab1-0012")
        big = self.env["ir.attachment"].create({"name": "big.png", "raw": PNG + b"\x00" * (5 * 1024 * 1024)})
        with self.assertRaisesRegex(UserError, "too large"):
            self.as_user.send_media(big, client_id="tab1-0013")

    def test_reactions_are_sent_shown_on_their_target_and_removed_with_an_empty_emoji(self):
        target = self.conversation.last_message_id
        self.as_user.send_reaction(target, "👍", client_id="tab1-0014")
        self.run_sends()
        self.assertEqual(self.posts()[-1]["reaction"], {"message_id": target.wamid, "emoji": "👍"})
        self.assertEqual(target._chat_reactions(), {target.id: [{"emoji": "👍", "direction": "outbound"}]})
        self.assertEqual(self.conversation.last_message_id, target, "a reaction is not the inbox preview")
        self.as_user.send_reaction(target, "", client_id="tab1-0015")
        self.run_sends()
        self.assertEqual(self.posts()[-1]["reaction"], {"message_id": target.wamid, "emoji": ""})
        self.assertEqual(target._chat_reactions(), {})
        ours = self.sent_message(self.as_user.send_text("Ours", client_id="tab1-0020"))
        self.run_sends()
        with self.assertRaisesRegex(UserError, "customer's message"):
            self.as_user.send_reaction(ours, "👍", client_id="tab1-0021")

    def test_a_quoted_reply_carries_the_quoted_wamid(self):
        target = self.conversation.last_message_id
        self.as_user.send_text("About that:", reply_to=target, client_id="tab1-0016")
        self.run_sends()
        self.assertEqual(self.posts()[-1]["context"], {"message_id": target.wamid})

    def test_unread_counts_are_per_user_and_opening_sends_one_read_receipt(self):
        conversation = self.conversation
        self.receive(conversation, "Second")
        self.assertEqual(conversation.with_user(self.wa_user)._unread_counts(), {conversation.id: 2})
        conversation.with_user(self.wa_user).mark_read()
        self.assertEqual(conversation.with_user(self.wa_user)._unread_counts(), {conversation.id: 0})
        self.assertEqual(conversation.with_user(self.colleague)._unread_counts(), {conversation.id: 2},
                         "a colleague still has them unread")
        self.run_sends()
        [receipt] = self.posts()
        self.assertEqual(receipt, {"messaging_product": "whatsapp", "status": "read",
                                   "message_id": conversation.last_message_id.wamid})
        conversation.with_user(self.colleague).mark_read()
        self.run_sends()
        self.assertEqual(len(self.posts()), 1, "Meta already knows: no second receipt")
        self.receive(conversation, "Third")
        self.assertEqual(conversation.with_user(self.wa_user)._unread_counts(), {conversation.id: 1})

    def test_the_typing_indicator_goes_at_most_every_20_seconds(self):
        as_user = self.as_user
        self.assertTrue(as_user.send_typing())
        self.assertFalse(as_user.send_typing(), "throttled")
        self.run_sends()
        [typing] = self.posts()
        self.assertEqual(typing["typing_indicator"], {"type": "text"})
        self.conversation.typing_sent_at = fields.Datetime.now() - timedelta(seconds=21)
        self.assertTrue(as_user.send_typing())

    def test_assignment_claim_pass_on_and_release(self):
        as_user = self.as_user
        as_user.action_claim()
        self.assertEqual(self.conversation.user_id, self.wa_user)
        with self.assertRaisesRegex(UserError, "already handles"):
            self.conversation.with_user(self.colleague).action_claim()
        with self.assertRaisesRegex(UserError, "not a WhatsApp user"):
            as_user.action_assign(self.other_user)
        with self.assertRaisesRegex(UserError, "not a WhatsApp user"):
            as_user.action_assign(self.internal)
        as_user.action_assign(self.colleague)
        self.assertEqual(self.conversation.user_id, self.colleague)
        with self.assertRaisesRegex(UserError, "Only"):
            as_user.action_release()
        self.conversation.with_user(self.colleague).action_release()
        self.assertFalse(self.conversation.user_id)

    def test_other_companies_and_non_whatsapp_users_cannot_send(self):
        for user in (self.other_user, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.conversation.with_user(user).send_text("Hi", client_id="intruder-0001")
        self.assertFalse(self.Message.search([("client_id", "=", "intruder-0001")]))

    def test_a_number_without_token_fails_the_message_clearly(self):
        self.env["cusoft.whatsapp.secret"]._store(self.account, "token", None)
        message = self.sent_message(self.as_user.send_text("Hello", client_id="tab1-0017"))
        self.run_sends()
        self.assertEqual((message.state, message.error_kind), ("failed", "no_token"))
        self.assertIn("not connected", payloads.sent(self.env, message)["message"]["error"]["explanation"])

    def bus(self, kind):
        """The notifications of `kind` sent since the test started: bus rows the chat wrote itself
        (chat_bus.send_to_bus) and those _sendone keeps until the commit."""
        rows = self.env["bus.bus"].sudo().search([("id", ">", self._bus_marker)], order="id")
        values = [{"channel": row.channel, "message": row.message} for row in rows]
        notes = []
        for value in values + self.env.cr.precommit.data.get("bus.bus.values", []):
            note = json.loads(value["message"])
            if note["type"] == kind:
                notes.append((json.loads(value["channel"])[1:], note["payload"]))
        return notes

    def test_bus_notifications_carry_ids_to_the_companys_chat_channel_and_name_whom_they_ring(self):
        self.account.notify_user_ids = self.colleague
        self.env.cr.precommit.data.get("bus.bus.values", []).clear()
        self._bus_marker = self.env["bus.bus"].sudo().search([], order="id desc", limit=1).id
        message_id = self.as_user.send_text("Live", client_id="tab1-0018")
        self.run_sends()
        company_channel = ["res.company", self.account.company_id.id, "cusoft_whatsapp.inbox"]
        self.assertEqual(self.bus("cusoft_whatsapp/message"), [
            (company_channel, {"conversation_id": self.conversation.id, "message_id": message_id, "state": "queued",
                               "direction": "outbound", "alert_user_ids": [self.colleague.id]}),
            (company_channel, {"conversation_id": self.conversation.id, "message_id": message_id, "state": "sent",
                               "direction": "outbound", "alert_user_ids": [self.colleague.id]}),
        ], "one row per change, ids only, whatever the number of users; the number's notified users are rung")
        self.as_user.mark_read()
        self.assertEqual(self.bus("cusoft_whatsapp/read"), [(["res.partner", self.wa_user.partner_id.id], {
            "conversation_id": self.conversation.id, "last_read_message_id": message_id, "unread_count": 0,
        })], "only the reader's own tabs hear about their counter")
        self.as_user.action_claim()
        claimed = self.bus("cusoft_whatsapp/conversation")
        self.assertEqual([channel for channel, _payload in claimed], [company_channel], "every inbox showing the row moves it")
        self.assertEqual(claimed[0][1], {"conversation_id": self.conversation.id, "user_id": self.wa_user.id})

    def test_only_the_companys_whatsapp_users_listen_to_its_chat_channel(self):
        def channels(user):
            return self.env["ir.websocket"].with_user(user)._cusoft_whatsapp_inbox_channels()
        mine = (self.account.company_id, "cusoft_whatsapp.inbox")
        self.assertIn(mine, channels(self.wa_user))
        self.assertIn(mine, channels(self.colleague))
        self.assertNotIn(mine, channels(self.other_user), "another company's WhatsApp users do not")
        self.assertNotIn(mine, channels(self.internal), "users without WhatsApp rights do not")

