import hashlib
import json
import random
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .fake_graph import Reply
from ..models import cusoft_whatsapp_webhook_queue as queue
from ..webhook import MAX_BODY_BYTES
from .common import APP_SECRET, PHONE_NUMBER_ID, TOKEN, WhatsAppCase
from .webhook_helpers import CUSTOMER, signed, status_delivery, text_delivery

# Meta's example payloads committed with the project (test/fixtures/meta/README.md), beside addon/.
FIXTURES = Path(__file__).resolve().parents[3] / "test" / "fixtures" / "meta"
ROUTE = "/whatsapp/webhook"


@tagged("post_install", "-at_install")
class TestWebhook(WhatsAppCase, HttpCase):
    """Real HTTP requests with real signatures against /whatsapp/webhook, then the processing cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()
        cls.account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        cls.Event = cls.env["cusoft.whatsapp.webhook.event"].sudo()
        cls.Message = cls.env["cusoft.whatsapp.message"].sudo()

    def post(self, body, secret=APP_SECRET, headers=None):
        raw, signed_headers = signed(body, secret)
        return self.post_raw(raw, {**signed_headers, **(headers or {})})

    def post_raw(self, raw, headers):
        # Not url_open: it turns an empty body into a GET.
        return self.opener.post(self.base_url() + ROUTE, data=raw, headers=headers, timeout=30)

    def fixture(self, name):
        return json.loads((FIXTURES / name).read_text())

    # ------------------------------------------------------------ the route

    def test_the_handshake_answers_the_challenge_only_for_a_known_verify_token(self):
        token = self.account.sudo().verify_token
        ok = self.url_open(f"{ROUTE}?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444")
        self.assertEqual((ok.status_code, ok.text), (200, "1158201444"))
        wrong = self.url_open(f"{ROUTE}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444")
        self.assertEqual(wrong.status_code, 403)
        self.assertNotIn("1158201444", wrong.text)

    def test_forged_and_unsigned_deliveries_get_403_and_are_never_stored(self):
        Rejection = self.env["cusoft.whatsapp.webhook.rejection"].sudo()
        Rejection._write_counts()  # what earlier tests of this process left in memory
        before = sum(Rejection.search([("reason", "=", "signature")]).mapped("count"))
        body = text_delivery("wamid.forged")
        self.assertEqual(self.post(body, secret="not-the-app-secret").status_code, 403)
        self.assertEqual(self.post_raw(json.dumps(body).encode(), {"Content-Type": "application/json"}).status_code, 403)
        self.assertEqual(self.post_raw(b"junk", {"X-Hub-Signature-256": "sha256=zz"}).status_code, 403)
        self.assertFalse(self.Event.search([]))
        Rejection._write_counts()
        self.env.invalidate_all()
        counted = Rejection.search([("reason", "=", "signature")])
        self.assertEqual(sum(counted.mapped("count")) - before, 3, "refusals are counted for diagnostics")

    def test_bodies_that_are_not_json_get_4xx_never_500(self):
        cases = {
            "truncated": (b'{"object": "whatsapp_business_account", "entry": [', 400),
            "empty": (b"", 400),
            "not UTF-8": ('{"object": "caf\xe9"}'.encode("latin-1"), 400),
            "absurdly nested": (b"[" * 100000 + b"]" * 100000, 400),
            "over 3 MB": (b'{"x": "' + b"a" * MAX_BODY_BYTES + b'"}', 413),
        }
        for label, (raw, status) in cases.items():
            with self.subTest(label):
                self.assertEqual(self.post(raw).status_code, status)
        self.assertFalse(self.Event.search([]))

    def test_signed_json_of_an_unexpected_shape_is_kept_in_error_and_answered_200(self):
        for body in ({"object": "whatsapp_business_account", "entry": "oops"}, [1, 2, 3], {"object": "page", "entry": []}):
            self.assertEqual(self.post(body).status_code, 200)
        self.process_webhooks()
        events = self.Event.search([])
        self.assertEqual(len(events), 3)
        self.assertEqual(set(events.mapped("state")), {"error"})
        self.assertTrue(all(events.mapped("error")))
        self.assertFalse(self.Message.search([]))

    # ------------------------------------------------------------ messages

    def test_every_inbound_fixture_is_stored_with_its_type(self):
        expected = {
            "webhook_inbound_text.json": "text",
            "webhook_inbound_image.json": "image",
            "webhook_inbound_document.json": "document",
            "webhook_inbound_audio_voice.json": "audio",
            "webhook_inbound_location.json": "location",
            "webhook_inbound_interactive_button_reply.json": "interactive",
            "webhook_inbound_interactive_list_reply.json": "interactive",
            "webhook_inbound_reaction.json": "reaction",
            "webhook_inbound_text_reply_context.json": "text",
            "webhook_inbound_unsupported.json": "unsupported",
            "webhook_inbound_text_bsuid_only.json": "text",
        }
        for name, message_type in expected.items():
            body = self.fixture(name)
            wamid = body["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
            with self.subTest(name):
                self.assertEqual(self.post((FIXTURES / name).read_bytes()).status_code, 200)
                self.process_webhooks()
                message = self.Message.search([("wamid", "=", wamid)])
                self.assertEqual(len(message), 1)
                self.assertEqual(message.message_type, message_type)
                self.assertEqual(message.direction, "inbound")
                self.assertTrue(message.body, "the agent sees something for every type")
        self.assertEqual(set(self.Event.search([]).mapped("state")), {"done"})
        unsupported = self.Message.search([("message_type", "=", "unsupported")])
        self.assertEqual(unsupported.error_code, 131051, "Meta's reason is kept")
        image = self.Message.search([("message_type", "=", "image")])
        self.assertEqual(image.media_state, "pending", "visible at once, the file follows")

    def test_a_text_opens_the_conversation_and_its_service_window(self):
        self.post(text_delivery("wamid.A1", "Do you ship to Lima?"))
        self.process_webhooks()
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().search([])
        self.assertEqual(len(conversation), 1)
        self.assertEqual(conversation.wa_id, CUSTOMER)
        self.assertEqual(conversation.partner_id.name, "Maria")
        # 24 hours after the message's own timestamp (1793000000), not after its processing.
        self.assertEqual(str(conversation.window_expires_at), "2026-10-27 07:33:20")
        self.assertEqual(conversation.unread_count, 1)
        self.assertEqual(conversation.message_ids.body, "Do you ship to Lima?")
        self.assertTrue(self.account.last_webhook_at)

    def test_an_existing_contact_is_matched_by_phone_whatever_its_format(self):
        partner = self.env["res.partner"].create({"name": "Maria Existing", "phone": "+1 (555) 000-9876"})
        self.post(text_delivery("wamid.P1"))
        self.process_webhooks()
        self.assertEqual(self.env["cusoft.whatsapp.conversation"].sudo().search([]).partner_id, partner)

    def test_username_only_customers_are_kept_and_recognised_later(self):
        bsuid = "US.8271663900412298154"
        self.post(text_delivery("wamid.U1", "hi", wa_id=None, bsuid=bsuid, username="maria.shop"))
        self.post(text_delivery("wamid.U2", "again", wa_id=None, bsuid=bsuid, username="maria.shop"))
        self.post(text_delivery("wamid.U3", "my number now", wa_id="15550005555", bsuid=bsuid))
        self.process_webhooks()
        conversations = self.env["cusoft.whatsapp.conversation"].sudo().search([])
        self.assertEqual(len(conversations), 1, "one person, one conversation")
        self.assertEqual(conversations.bsuid, bsuid)
        self.assertEqual(conversations.wa_id, "15550005555", "the phone, once shared, is learnt")
        self.assertEqual(len(conversations.message_ids), 3)
        self.assertEqual(self.env["res.partner"].search_count([("cusoft_whatsapp_bsuid", "=", bsuid)]), 1)

    def test_a_thousand_deliveries_with_retries_in_random_order_lose_and_duplicate_nothing(self):
        rng = random.Random(20261125)
        outbound = []
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": self.account.id, "wa_id": CUSTOMER})
        for index in range(100):
            outbound.append(self.Message.create({
                "conversation_id": conversation.id, "direction": "outbound", "body": f"reply {index}",
                "wamid": f"wamid.OUT{index}", "state": "queued",
            }))
        unique = [text_delivery(f"wamid.IN{index}", f"message {index}", wa_id=f"1555{index % 40:07d}") for index in range(400)]
        for index in range(100):
            for status, offset in (("sent", 1), ("delivered", 2), ("read", 3)):
                unique.append(status_delivery(f"wamid.OUT{index}", status, timestamp=1793000000 + offset))
        deliveries = unique + [rng.choice(unique) for _ in range(1000 - len(unique))]
        rng.shuffle(deliveries)
        self.assertEqual(len(deliveries), 1000)
        for body in deliveries:
            self.assertEqual(self.post(body).status_code, 200)
        self.process_webhooks()
        inbound = self.Message.search([("direction", "=", "inbound")])
        self.assertEqual(len(inbound), 400, "0 lost, 0 duplicated")
        self.assertEqual(len(set(inbound.mapped("wamid"))), 400)
        self.assertEqual(self.env["cusoft.whatsapp.conversation"].sudo().search_count([]), 41)
        self.assertEqual({m.state for m in outbound}, {"read"}, "statuses only move forward")
        self.assertTrue(all(m.sent_at and m.delivered_at and m.read_at for m in outbound))
        self.assertEqual(set(self.Event.search([]).mapped("state")), {"done"})

    def test_a_failed_status_keeps_metas_reason(self):
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": self.account.id, "wa_id": CUSTOMER})
        message = self.Message.create({"conversation_id": conversation.id, "direction": "outbound", "wamid": "wamid.F1", "body": "x"})
        body = status_delivery("wamid.F1", "failed", errors=[{
            "code": 131047, "title": "Re-engagement message", "message": "Re-engagement message",
            "error_data": {"details": "Message failed to send because more than 24 hours have passed"}}])
        self.post(body)
        self.post(status_delivery("wamid.F1", "sent", timestamp=1793000000))
        self.process_webhooks()
        self.assertEqual(message.state, "failed")
        self.assertEqual(message.error_code, 131047)
        self.assertIn("24 hours", message.error_details)

    def test_a_status_for_an_unknown_message_waits_for_it(self):
        self.post(status_delivery("wamid.LATE", "delivered"))
        self.process_webhooks()
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": self.account.id, "wa_id": CUSTOMER})
        message = self.Message.create({"conversation_id": conversation.id, "direction": "outbound", "wamid": "wamid.LATE", "body": "x"})
        self.assertEqual(message.state, "delivered")
        self.assertFalse(self.env["cusoft.whatsapp.message.status"].sudo().search([]))

    def test_unknown_numbers_are_retried_and_processed_once_connected(self):
        self.post(text_delivery("wamid.N1", phone_number_id="110000000000777"))
        self.process_webhooks()
        event = self.Event.search([])
        self.assertEqual(event.state, "retry", "a number being connected is a matter of time, not a person")
        self.assertIn("110000000000777", event.error)
        self.assertGreater(event.next_attempt_at, event.received_at)
        self.make_account(name="Late line", phone_number_id="110000000000777")
        event.next_attempt_at = "2000-01-01 00:00:00"  # its pause is over
        self.process_webhooks()
        self.assertEqual(event.state, "done")
        self.assertTrue(self.Message.search([("wamid", "=", "wamid.N1")]))

    def test_a_processing_failure_is_retried_by_itself_and_never_blocks_the_next(self):
        self.post(text_delivery("wamid.E1", "first"))
        self.post(text_delivery("wamid.E2", "second", wa_id="15550007777"))
        original = type(self.Message)._store_inbound
        calls = []

        def failing_once(model, account, message):
            calls.append(message.wamid)
            if message.wamid == "wamid.E1" and calls.count("wamid.E1") == 1:
                raise RuntimeError("database hiccup")
            return original(model, account, message)

        with patch.object(type(self.Message), "_store_inbound", failing_once), \
                patch.object(queue, "BACKOFF", (60,) + queue.BACKOFF[1:]), \
                mute_logger("odoo.addons.cusoft_whatsapp.models.cusoft_whatsapp_webhook_queue"):
            self.process_webhooks()
            first, second = self.Event.search([], order="id")
            self.assertEqual(first.state, "retry")
            self.assertIn("database hiccup", first.error)
            self.assertEqual(second.state, "done", "the next event is not blocked")
            first.next_attempt_at = "2000-01-01 00:00:00"
            self.process_webhooks()
        self.assertEqual(first.state, "done")
        self.assertEqual(first.attempts, 2)
        stored = self.Message.search([("wamid", "in", ["wamid.E1", "wamid.E2"])])
        self.assertEqual(sorted(stored.mapped("body")), ["first", "second"], "nothing the customer wrote is lost")

    def test_media_is_downloaded_later_and_retried_when_graph_is_slow(self):
        body = self.fixture("webhook_inbound_image.json")
        media = body["entry"][0]["changes"][0]["value"]["messages"][0]["image"]
        photo = b"\xff\xd8\xff\xe0 the customer's photo"
        self.graph.graph.add_media(media["id"], photo)
        media["sha256"] = hashlib.sha256(photo).hexdigest()
        self.post(body)
        self.process_webhooks()
        message = self.Message.search([("media_id", "=", media["id"])])
        self.assertEqual(message.media_state, "pending")
        self.graph.enqueue("GET", f"media-download/{media['id']}", Reply.html(503))
        self.Message._cron_download_media()
        self.assertEqual(message.media_state, "pending", "a failure is retried, not final")
        self.assertEqual(message.media_attempts, 1)
        self.assertTrue(message.media_next_try)
        message.media_next_try = False
        self.Message._cron_download_media()
        self.assertEqual(message.media_state, "done")
        self.assertEqual(message.attachment_id.raw, photo)
        self.assertNotIn(TOKEN, repr(self.env["cusoft.whatsapp.api.log"].search([]).read()))

    def test_a_throughput_upgrade_updates_the_numbers_messaging_limit(self):
        self.account.sudo().write({"display_phone_number": "+1 555-000-1234", "messaging_limit": "TIER_2K"})
        self.post((FIXTURES / "webhook_phone_number_quality_update.json").read_bytes())
        self.process_webhooks()
        self.assertEqual(self.account.messaging_limit, "TIER_UNLIMITED")
        self.assertIn("THROUGHPUT_UPGRADE", self.account.last_meta_event)

    def test_a_rejected_template_shows_metas_reason(self):
        template = self.env["cusoft.whatsapp.template"].sudo().create({
            "account_id": self.account.id, "meta_id": "1300000000000001", "name": "order_update", "language": "en_US",
            "status": "PENDING",
        })
        self.post((FIXTURES / "webhook_template_status_update.json").read_bytes())
        self.process_webhooks()
        self.assertEqual(template.status, "REJECTED")
        self.assertIn("Two variables", template.rejection_reason)
        self.assertEqual(set(self.Event.search([]).mapped("state")), {"done"})

    def test_open_chats_hear_of_a_new_message(self):
        # That each delivery runs the processing cron at once: TestIngestionQueue (wake-ups).
        self.account.sudo().notify_user_ids = self.wa_user
        self.post(text_delivery("wamid.B1", "Is it in stock?"))
        self.process_webhooks()
        message = self.Message.search([("wamid", "=", "wamid.B1")])
        self.env.cr.precommit.run()  # the bus writes its rows just before the commit
        sent = [
            (json.loads(n.channel), json.loads(n.message))
            for n in self.env["bus.bus"].sudo().search([("message", "ilike", "cusoft_whatsapp/message")])
        ]
        self.assertIn(
            (["res.company", self.account.company_id.id, "cusoft_whatsapp.inbox"], message.id, [self.wa_user.id]),
            [(channel[1:], note["payload"]["message_id"], note["payload"]["alert_user_ids"]) for channel, note in sent],
            "the company's inboxes get the new message live, and it rings for the number's notified users",
        )

    def test_a_new_customers_first_messages_racing_each_other_share_one_conversation(self):
        # Two workers process the customer's first two messages at once: both look, neither finds a
        # conversation, both insert. The loser's insert hits the unique index; it must then find the
        # winner's conversation instead of failing for good.
        Conversation = type(self.env["cusoft.whatsapp.conversation"])
        winner = self.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": self.account.id, "wa_id": CUSTOMER})
        original_find = Conversation._find
        looks = []

        def find_missing_the_winner_once(model, account, wa_id, bsuid):
            looks.append(wa_id)
            return model.browse() if len(looks) == 1 else original_find(model, account, wa_id, bsuid)

        self.post(text_delivery("wamid.R1", "first"))
        with patch.object(Conversation, "_find", find_missing_the_winner_once), mute_logger("odoo.sql_db"):
            self.process_webhooks()
        message = self.Message.search([("wamid", "=", "wamid.R1")])
        self.assertEqual(message.conversation_id, winner)
        self.assertEqual(self.Event.search([]).state, "done")
        self.assertEqual(self.env["cusoft.whatsapp.conversation"].sudo().search_count([]), 1)
