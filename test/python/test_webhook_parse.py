import copy
import json
import sys
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

from webhook import (  # noqa: E402
    INTERNAL_ERROR,
    AccountUpdate,
    ChangeError,
    InboundMessage,
    ParsedDelivery,
    PhoneNumberUpdate,
    ShapeError,
    StatusUpdate,
    TemplateUpdate,
    UnknownChange,
    decode_body,
    parse_delivery,
)
from webhook import parse as webhook_parse  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meta"
WABA, WABA2 = "100000000000001", "100000000000002"
NUMBER, NUMBER2 = "110000000000001", "110000000000002"
DANA = "15550009876"
DANA_BSUID = "US.8271663900412298154"


def utc(seconds):
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def load(name):
    return decode_body((FIXTURES / name).read_bytes())


def parsed(name):
    result = parse_delivery(load(name))
    return result


def envelope(*values, field="messages", waba=WABA):
    """A delivery with one entry and one `field` change per value."""
    return {"object": "whatsapp_business_account",
            "entry": [{"id": waba, "changes": [{"field": field, "value": value} for value in values]}]}


def messages_value(messages=None, statuses=None, contacts=None, number=NUMBER):
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "15550001234", "phone_number_id": number}}
    if contacts is not None:
        value["contacts"] = contacts
    if messages is not None:
        value["messages"] = messages
    if statuses is not None:
        value["statuses"] = statuses
    return value


def message(wamid="wamid.X1", kind="text", sender=DANA, timestamp="1793000000", **payload):
    item = {"from": sender, "id": wamid, "timestamp": timestamp, "type": kind}
    if kind == "text" and "text" not in payload:
        item["text"] = {"body": "hello"}
    item.update(payload)
    return {key: value for key, value in item.items() if value is not None}


def one_message(test, item, contacts=None):
    result = parse_delivery(envelope(messages_value([item], contacts=contacts)))
    test.assertEqual(len(result.messages), 1, result.problems)
    return result.messages[0], result


# Every webhook fixture and the test that checks what a user would see in it.
FIXTURE_TESTS = {
    "webhook_batched_multi_entry.json": "test_batched_multi_entry_routes_to_two_wabas_and_numbers",
    "webhook_inbound_audio_voice.json": "test_voice_note",
    "webhook_inbound_document.json": "test_document",
    "webhook_inbound_image.json": "test_image",
    "webhook_inbound_interactive_button_reply.json": "test_interactive_button_reply",
    "webhook_inbound_interactive_list_reply.json": "test_interactive_list_reply",
    "webhook_inbound_location.json": "test_location",
    "webhook_inbound_reaction.json": "test_reaction_and_its_removal",
    "webhook_inbound_text.json": "test_text_with_bsuid",
    "webhook_inbound_text_bsuid_only.json": "test_username_user_without_phone",
    "webhook_inbound_text_reply_context.json": "test_reply_context",
    "webhook_inbound_unsupported.json": "test_unsupported_keeps_metas_error",
    "webhook_phone_number_quality_update.json": "test_phone_number_quality_update",
    "webhook_status_delivered.json": "test_status_delivered_with_contacts_block",
    "webhook_status_failed_131047.json": "test_status_failed_131047",
    "webhook_status_read.json": "test_status_read",
    "webhook_status_sent.json": "test_status_sent_with_pricing",
    "webhook_template_status_update.json": "test_template_rejected",
}


class FixtureTest(unittest.TestCase):
    def test_fixture_folder_is_beside_the_repo(self):
        self.assertTrue(FIXTURES.is_dir(), f"Meta fixtures expected at {FIXTURES}")

    def test_every_webhook_fixture_is_known_to_this_test(self):
        found = {path.name for path in FIXTURES.glob("webhook_*.json")}
        self.assertTrue(found)
        self.assertEqual(found, set(FIXTURE_TESTS), "a new webhook fixture needs its own assertions here")
        for name in FIXTURE_TESTS.values():
            self.assertTrue(callable(getattr(self, name, None)), name)

    def test_every_fixture_parses_cleanly(self):
        for name in FIXTURE_TESTS:
            with self.subTest(name):
                result = parsed(name)
                self.assertIsInstance(result, ParsedDelivery)
                self.assertEqual(result.problems, [])
                self.assertGreaterEqual(result.events, 1)
                self.assertEqual(result.waba_ids[0], WABA)
                for item in result.messages + result.statuses:
                    self.assertEqual(item.timestamp.tzinfo, timezone.utc)
                    self.assertTrue(item.wamid.startswith("wamid."))

    def test_text_with_bsuid(self):
        result = parsed("webhook_inbound_text.json")
        self.assertEqual((len(result.messages), len(result.statuses)), (1, 0))
        msg = result.messages[0]
        self.assertIsInstance(msg, InboundMessage)
        self.assertEqual(msg.body, "Hi! Is my order #SO0042 ready for pickup? \U0001F4E6")
        self.assertEqual(msg.message_type, "text")
        self.assertEqual((msg.wa_id, msg.bsuid, msg.profile_name, msg.username), (DANA, DANA_BSUID, "Dana Example", None))
        self.assertEqual((msg.phone_number_id, msg.waba_id, msg.display_phone_number), (NUMBER, WABA, "15550001234"))
        self.assertEqual(msg.wamid, "wamid.HBgLMTU1NTAwMDk4NzYVAgASGBQzQUZBS0UwMDAwMDAwMDAwMDAwMQA=")
        self.assertEqual(msg.timestamp, utc(1793000000))
        self.assertEqual(msg.window_expires_at, utc(1793000000) + timedelta(hours=24))
        self.assertIsNone(msg.media)
        self.assertIsNone(msg.reply_to_wamid)
        self.assertEqual(msg.sender_key, DANA)
        self.assertEqual(msg.raw["from_user_id"], DANA_BSUID)
        self.assertEqual(result.phone_number_ids, (NUMBER,))

    def test_username_user_without_phone(self):
        msg = parsed("webhook_inbound_text_bsuid_only.json").messages[0]
        self.assertIsNone(msg.wa_id)
        self.assertEqual(msg.bsuid, "BR.5519203381746650021")
        self.assertEqual(msg.sender_key, "BR.5519203381746650021")
        self.assertEqual((msg.profile_name, msg.username), ("Rio", "rio.example"))
        self.assertEqual(msg.body, "Olá, vi o anúncio de vocês. Ainda tem em estoque?")

    def test_image(self):
        msg = parsed("webhook_inbound_image.json").messages[0]
        self.assertEqual(msg.message_type, "image")
        self.assertEqual(msg.body, "The box arrived damaged")
        self.assertEqual(msg.media.id, "1200000000000001")
        self.assertEqual(msg.media.sha256, "Zm9vYmFyYmF6cXV4ZmFrZXNoYTI1NmZpeHR1cmUwMDE=")
        self.assertEqual(msg.media.mime_type, "image/jpeg")
        self.assertTrue(msg.media.url.startswith("https://lookaside.fbsbx.com/"))
        self.assertIsNone(msg.media.voice)

    def test_document(self):
        msg = parsed("webhook_inbound_document.json").messages[0]
        self.assertEqual(msg.body, "Signed purchase order")
        self.assertEqual((msg.media.id, msg.media.filename, msg.media.mime_type),
                         ("1200000000000002", "PO-2026-118.pdf", "application/pdf"))
        self.assertEqual(msg.media.sha256, "ZmFrZXNoYTI1NmZvcmRvY3VtZW50Zml4dHVyZTAwMDI=")

    def test_voice_note(self):
        msg = parsed("webhook_inbound_audio_voice.json").messages[0]
        self.assertEqual(msg.message_type, "audio")
        self.assertIs(msg.media.voice, True)
        self.assertEqual(msg.media.mime_type, "audio/ogg; codecs=opus")
        self.assertEqual(msg.media.id, "1200000000000003")
        self.assertIsNone(msg.body, "audio has no caption")

    def test_location(self):
        msg = parsed("webhook_inbound_location.json").messages[0]
        self.assertEqual((msg.location.latitude, msg.location.longitude), (50.850346, 4.351721))
        self.assertEqual(msg.location.name, "Example Warehouse Dock 3")
        self.assertEqual(msg.location.address, "1 Example Street, 1000 Brussels")
        self.assertIn("Example Warehouse Dock 3", msg.body)
        self.assertIn("1 Example Street, 1000 Brussels", msg.body)
        self.assertIn("50.850346", msg.body)

    def test_interactive_button_reply(self):
        msg = parsed("webhook_inbound_interactive_button_reply.json").messages[0]
        self.assertEqual((msg.reply.kind, msg.reply.id, msg.reply.title),
                         ("button_reply", "confirm_delivery:SO0042", "Confirm"))
        self.assertEqual(msg.body, "Confirm")
        self.assertEqual(msg.reply_to_wamid, "wamid.HBgLMTU1NTAwMDk4NzYVAgARGBJPVVRCT1VORDAwMDAwMDAwMDEA")
        self.assertEqual(msg.context_from, "15550001234")

    def test_interactive_list_reply(self):
        msg = parsed("webhook_inbound_interactive_list_reply.json").messages[0]
        self.assertEqual((msg.reply.kind, msg.reply.id, msg.reply.title, msg.reply.description),
                         ("list_reply", "slot_2026-10-28_1400", "Wed 28 Oct, 14:00", "Technician visit, 2h window"))
        self.assertEqual(msg.body, "Wed 28 Oct, 14:00")
        self.assertEqual(msg.reply_to_wamid, "wamid.HBgLMTU1NTAwMDk4NzYVAgARGBJPVVRCT1VORDAwMDAwMDAwMDIA")

    def test_reaction_and_its_removal(self):
        payload = load("webhook_inbound_reaction.json")
        msg = parse_delivery(payload).messages[0]
        target = "wamid.HBgLMTU1NTAwMDk4NzYVAgARGBJPVVRCT1VORDAwMDAwMDAwMDMA"
        self.assertEqual((msg.reaction.emoji, msg.reaction.message_id), ("\U0001F44D", target))
        self.assertFalse(msg.reaction.removed)
        self.assertEqual(msg.body, "\U0001F44D")
        self.assertIsNone(msg.reply_to_wamid, "a reaction is not a quote")
        del payload["entry"][0]["changes"][0]["value"]["messages"][0]["reaction"]["emoji"]
        removed = parse_delivery(payload)
        self.assertEqual(removed.problems, [])
        self.assertIsNone(removed.messages[0].reaction.emoji)
        self.assertTrue(removed.messages[0].reaction.removed)
        self.assertEqual(removed.messages[0].reaction.message_id, target)
        self.assertEqual(removed.messages[0].body, "Reaction removed")

    def test_reply_context(self):
        msg = parsed("webhook_inbound_text_reply_context.json").messages[0]
        self.assertEqual(msg.body, "Yes, Thursday morning works for me.")
        self.assertEqual(msg.reply_to_wamid, "wamid.HBgLMTU1NTAwMDk4NzYVAgARGBJPVVRCT1VORDAwMDAwMDAwMDMA")
        self.assertEqual(msg.context_from, "15550001234")
        self.assertFalse(msg.forwarded)

    def test_unsupported_keeps_metas_error(self):
        msg = parsed("webhook_inbound_unsupported.json").messages[0]
        self.assertEqual(msg.message_type, "unsupported")
        self.assertEqual(msg.unsupported_type, "poll_creation")
        self.assertEqual(msg.errors[0].code, 131051)
        self.assertEqual(msg.errors[0].title, "Message type unknown")
        self.assertEqual(msg.errors[0].details, "Message type is currently not supported.")
        self.assertIn("poll_creation", msg.body)
        self.assertIn("not supported", msg.body)
        self.assertEqual(msg.wa_id, DANA)

    def test_status_sent_with_pricing(self):
        result = parsed("webhook_status_sent.json")
        self.assertEqual(result.messages, [])
        status = result.statuses[0]
        self.assertIsInstance(status, StatusUpdate)
        self.assertEqual((status.status, status.recipient_id, status.recipient_bsuid), ("sent", DANA, DANA_BSUID))
        self.assertEqual(status.biz_opaque_callback_data, "odoo:mail.message:4711")
        self.assertEqual(status.pricing, {"billable": True, "pricing_model": "PMP", "type": "regular",
                                          "category": "utility"})
        self.assertIsNone(status.conversation)
        self.assertEqual(status.timestamp, utc(1793001000))
        self.assertEqual((status.phone_number_id, status.waba_id), (NUMBER, WABA))

    def test_status_delivered_with_contacts_block(self):
        status = parsed("webhook_status_delivered.json").statuses[0]
        self.assertEqual((status.status, status.recipient_bsuid), ("delivered", DANA_BSUID))
        self.assertIsNone(status.pricing)
        self.assertEqual(status.wamid, "wamid.HBgLMTU1NTAwMDk4NzYVAgARGBJPVVRCT1VORDAwMDAwMDAwMTAA")

    def test_status_read(self):
        status = parsed("webhook_status_read.json").statuses[0]
        self.assertEqual((status.status, status.recipient_id, status.recipient_bsuid), ("read", DANA, None))
        self.assertIsNone(status.pricing)
        self.assertEqual(status.errors, ())
        self.assertEqual(status.timestamp, utc(1793001190))

    def test_status_failed_131047(self):
        status = parsed("webhook_status_failed_131047.json").statuses[0]
        self.assertEqual(status.status, "failed")
        self.assertEqual(status.error_codes, (131047,))
        error = status.errors[0]
        self.assertEqual(error.title, "Re-engagement message")
        self.assertIn("24 hours", error.details)
        self.assertEqual(error.href, "/documentation/business-messaging/whatsapp/support/error-codes")
        self.assertIn("(#131047) Re-engagement message", error.text())
        self.assertIsNone(status.recipient_bsuid, "failed statuses carry no BSUID")

    def test_batched_multi_entry_routes_to_two_wabas_and_numbers(self):
        result = parsed("webhook_batched_multi_entry.json")
        self.assertEqual(result.waba_ids, (WABA, WABA2))
        self.assertEqual(result.phone_number_ids, (NUMBER, NUMBER2))
        self.assertEqual(len(result.delivery.entries), 2)
        self.assertEqual([len(entry.changes) for entry in result.delivery.entries], [2, 1])
        self.assertEqual([(s.status, s.recipient_id, s.phone_number_id, s.waba_id) for s in result.statuses], [
            ("delivered", DANA, NUMBER, WABA),
            ("sent", "15550005555", NUMBER, WABA),
            ("failed", "15550007777", NUMBER2, WABA2),
        ])
        self.assertEqual(result.statuses[1].pricing["type"], "free_customer_service")
        self.assertEqual(result.statuses[2].error_codes, (131026,))
        msg, = result.messages
        self.assertEqual((msg.body, msg.wa_id, msg.profile_name, msg.phone_number_id, msg.waba_id),
                         ("Thanks, got it.", "15550005555", "Sam Example", NUMBER, WABA))
        self.assertEqual(result.events, 4)

    def test_template_rejected(self):
        result = parsed("webhook_template_status_update.json")
        update, = result.templates
        self.assertIsInstance(update, TemplateUpdate)
        self.assertEqual(update.kind, "status")
        self.assertEqual((update.event, update.reason, update.template_id, update.template_name, update.language),
                         ("REJECTED", "INVALID_FORMAT", "1300000000000001", "delivery_slot_reminder", "en_US"))
        self.assertEqual(update.rejection_reason,
                         "Two variables are placed next to each other without separating text.")
        self.assertIn("resubmit", update.rejection_recommendation)
        self.assertEqual(update.category, "UTILITY")
        self.assertEqual((update.waba_id, update.time), (WABA, utc(1793004000)))
        self.assertEqual(result.phone_number_ids, ())

    def test_phone_number_quality_update(self):
        update, = parsed("webhook_phone_number_quality_update.json").phone_numbers
        self.assertIsInstance(update, PhoneNumberUpdate)
        self.assertEqual(update.kind, "quality")
        self.assertEqual((update.event, update.messaging_limit, update.display_phone_number, update.waba_id),
                         ("THROUGHPUT_UPGRADE", "TIER_UNLIMITED", "15550001234", WABA))
        self.assertEqual(update.time, utc(1793005000))


class MessageTypesTest(unittest.TestCase):
    """Types of CONTRACT §8.4 that no fixture carries, built from the documented shapes."""

    def test_video_with_caption_and_sticker(self):
        msg, _ = one_message(self, message(kind="video", video={"id": "1200000000000010", "mime_type": "video/mp4",
                                                                   "sha256": "abc=", "caption": "Unboxing"}))
        self.assertEqual((msg.body, msg.media.id, msg.media.mime_type), ("Unboxing", "1200000000000010", "video/mp4"))
        msg, _ = one_message(self, message(kind="sticker", sticker={"id": "1200000000000011", "mime_type": "image/webp",
                                                                     "sha256": "def=", "animated": False}))
        self.assertEqual((msg.message_type, msg.media.id, msg.media.animated, msg.body),
                         ("sticker", "1200000000000011", False, None))

    def test_audio_without_voice_flag_is_not_false(self):
        msg, _ = one_message(self, message(kind="audio", audio={"id": "1200000000000012", "mime_type": "audio/mpeg"}))
        self.assertIsNone(msg.media.voice)

    def test_bare_location_pin(self):
        msg, _ = one_message(self, message(kind="location", location={"latitude": -33.8688, "longitude": 151.2093}))
        self.assertIsNone(msg.location.name)
        self.assertEqual(msg.body, "Location (-33.8688, 151.2093)")

    def test_shared_contacts(self):
        cards = [{"name": {"formatted_name": "Jane Roe", "first_name": "Jane"},
                  "phones": [{"phone": "+1 555 000 1111", "wa_id": "15550001111", "type": "CELL"}],
                  "emails": [{"email": "jane@example.com", "type": "WORK"}], "org": {"company": "Roe Ltd"}},
                 {"name": {"first_name": "Bo"}, "phones": []}]
        msg, result = one_message(self, message(kind="contacts", contacts=cards))
        self.assertEqual(result.problems, [])
        first, second = msg.contacts
        self.assertEqual((first.name, first.phones[0].wa_id, first.emails, first.organization),
                         ("Jane Roe", "15550001111", ("jane@example.com",), "Roe Ltd"))
        self.assertEqual(second.name, "Bo")
        self.assertIn("Jane Roe", msg.body)
        self.assertIn("+1 555 000 1111", msg.body)

    def test_template_quick_reply_button(self):
        msg, _ = one_message(self, message(kind="button", button={"payload": "STOP_PROMOS", "text": "Stop promotions"},
                                           context={"from": "15550001234", "id": "wamid.TEMPLATE1"}))
        self.assertEqual((msg.reply.kind, msg.reply.id, msg.reply.title), ("button", "STOP_PROMOS", "Stop promotions"))
        self.assertEqual((msg.body, msg.reply_to_wamid), ("Stop promotions", "wamid.TEMPLATE1"))

    def test_flow_reply(self):
        msg, _ = one_message(self, message(kind="interactive", interactive={
            "type": "nfm_reply", "nfm_reply": {"name": "flow", "body": "Sent", "response_json": '{"a": 1}'}}))
        self.assertEqual((msg.reply.kind, msg.reply.response_json, msg.body), ("nfm_reply", '{"a": 1}', "Sent"))

    def test_referral_and_forwarded_context(self):
        referral = {"source_url": "https://fb.me/x", "source_id": "ad1", "source_type": "ad", "headline": "Sale",
                    "body": "50% off", "media_type": "image", "image_url": "https://x", "ctwa_clid": "clid",
                    "welcome_message": {"text": "Hi"}}
        msg, result = one_message(self, message(referral=referral, context={"forwarded": True},
                                                text={"body": "Is this still on?"}))
        self.assertEqual(result.problems, [])
        self.assertEqual(msg.referral["ctwa_clid"], "clid")
        self.assertTrue(msg.forwarded)
        self.assertFalse(msg.frequently_forwarded)
        self.assertIsNone(msg.reply_to_wamid)

    def test_order(self):
        order = {"catalog_id": "cat1", "text": "Deliver Friday", "product_items": [
            {"product_retailer_id": "SKU-1", "quantity": 2, "item_price": 12.5, "currency": "EUR"},
            {"product_retailer_id": "SKU-2", "quantity": "1", "item_price": 3, "currency": "EUR"}]}
        msg, result = one_message(self, message(kind="order", order=order))
        self.assertEqual(result.problems, [])
        self.assertEqual(msg.order.catalog_id, "cat1")
        self.assertEqual([(item.product_retailer_id, item.quantity) for item in msg.order.items],
                         [("SKU-1", 2.0), ("SKU-2", 1.0)])
        self.assertIn("2 x SKU-1 at 12.5 EUR", msg.body)
        self.assertIn("Deliver Friday", msg.body)

    def test_system_number_change_does_not_open_the_window(self):
        msg, _ = one_message(self, message(kind="system", system={
            "body": "Dana changed from 15550009876 to 15550001111", "wa_id": "15550001111",
            "type": "user_changed_number"}))
        self.assertEqual((msg.system.type, msg.system.new_wa_id), ("user_changed_number", "15550001111"))
        self.assertIn("changed", msg.body)
        self.assertFalse(msg.opens_window)
        self.assertIsNone(msg.window_expires_at)

    def test_request_welcome_legacy_unknown_and_future_types_are_kept(self):
        msg, _ = one_message(self, message(kind="request_welcome"))
        self.assertTrue(msg.body)
        msg, _ = one_message(self, message(kind="unknown", errors=[{"code": 131051, "title": "Message type unknown"}]))
        self.assertEqual((msg.message_type, msg.errors[0].code), ("unknown", 131051))
        self.assertIn("Message type unknown", msg.body)
        msg, result = one_message(self, message(kind="hologram", hologram={"id": "h1"}))
        self.assertEqual(result.problems, [])
        self.assertEqual((msg.message_type, msg.unsupported_type), ("hologram", "hologram"))
        self.assertIn("hologram", msg.body)
        msg, _ = one_message(self, message(kind="unsupported", errors=[{"code": 131060, "title": "Message unavailable"}],
                                           unsupported={"type": "edit"}))
        self.assertEqual((msg.unsupported_type, msg.errors[0].code), ("edit", 131060))

    def test_two_senders_in_one_value_get_their_own_profiles(self):
        contacts = [{"profile": {"name": "Dana"}, "wa_id": DANA},
                    {"profile": {"name": "Rio", "username": "rio.example"}, "user_id": "BR.1"}]
        items = [message("wamid.A", sender=None, from_user_id="BR.1"), message("wamid.B")]
        result = parse_delivery(envelope(messages_value(items, contacts=contacts)))
        self.assertEqual([(m.wa_id, m.bsuid, m.profile_name, m.username) for m in result.messages],
                         [(None, "BR.1", "Rio", "rio.example"), (DANA, None, "Dana", None)])

    def test_username_users_are_told_apart_by_bsuid(self):
        contacts = [{"profile": {"name": "Rio"}, "user_id": "BR.1"}, {"profile": {"name": "Ana"}, "user_id": "BR.2"}]
        result = parse_delivery(envelope(messages_value([message("wamid.A", sender=None, from_user_id="BR.2")],
                                                        contacts=contacts)))
        self.assertEqual(result.messages[0].profile_name, "Ana")

    def test_single_contact_is_not_paired_with_another_sender(self):
        msg, _ = one_message(self, message(sender="15550002222"), contacts=[{"profile": {"name": "Dana"}, "wa_id": DANA}])
        self.assertEqual((msg.wa_id, msg.profile_name), ("15550002222", None))

    def test_from_wins_over_a_contact_matched_by_bsuid(self):
        msg, _ = one_message(self, message(sender="15550003333", from_user_id="BR.1"),
                             contacts=[{"profile": {"name": "Rio"}, "user_id": "BR.1"}])
        self.assertEqual((msg.wa_id, msg.bsuid, msg.profile_name), ("15550003333", "BR.1", "Rio"))

    def test_status_bsuid_from_the_contacts_block(self):
        value = messages_value(statuses=[{"id": "wamid.S", "status": "delivered", "timestamp": "1793000000",
                                          "recipient_id": DANA}],
                               contacts=[{"wa_id": "15550002222", "user_id": "US.2"},
                                         {"wa_id": DANA, "user_id": DANA_BSUID}])
        status, = parse_delivery(envelope(value)).statuses
        self.assertEqual(status.recipient_bsuid, DANA_BSUID)

    def test_statuses_played_and_unknown_values_are_kept(self):
        statuses = [{"id": "wamid.S1", "status": "played", "timestamp": "1793000001", "recipient_id": DANA},
                    {"id": "wamid.S2", "status": "deleted", "timestamp": "1793000002", "recipient_id": DANA,
                     "recipient_type": "group", "conversation": {"id": "c1", "origin": {"type": "service"}}}]
        result = parse_delivery(envelope(messages_value(statuses=statuses)))
        self.assertEqual(result.problems, [])
        self.assertEqual([s.status for s in result.statuses], ["played", "deleted"])
        self.assertEqual(result.statuses[1].conversation["origin"]["type"], "service")
        self.assertEqual(result.statuses[1].recipient_type, "group")

    def test_system_level_errors_of_a_messages_change(self):
        value = messages_value()
        value["errors"] = [{"code": 131008, "title": "Required parameter is missing", "message": "x",
                            "error_data": "plain string details"}]
        result = parse_delivery(envelope(value))
        error, = result.errors
        self.assertIsInstance(error, ChangeError)
        self.assertEqual((error.phone_number_id, error.waba_id, error.error.code, error.error.details),
                         (NUMBER, WABA, 131008, "plain string details"))


class WabaFieldsTest(unittest.TestCase):
    def test_template_category_and_quality_updates(self):
        category = {"message_template_id": 1300000000000002, "message_template_name": "order_update",
                    "message_template_language": "es", "previous_category": "UTILITY", "new_category": "MARKETING",
                    "category_update_timestamp": 1793100000}
        quality = {"message_template_id": "1300000000000003", "message_template_name": "promo",
                   "message_template_language": "en_US", "previous_quality_score": "GREEN",
                   "new_quality_score": "YELLOW"}
        delivery = {"object": "whatsapp_business_account", "entry": [{"id": WABA, "time": 1793004000, "changes": [
            {"field": "template_category_update", "value": category},
            {"field": "message_template_quality_update", "value": quality}]}]}
        result = parse_delivery(delivery)
        self.assertEqual(result.problems, [])
        first, second = result.templates
        self.assertEqual((first.kind, first.template_id, first.previous_category, first.new_category),
                         ("category", "1300000000000002", "UTILITY", "MARKETING"))
        self.assertEqual(first.category_update_at, utc(1793100000))
        self.assertEqual((second.kind, second.template_id, second.previous_quality, second.new_quality),
                         ("quality", "1300000000000003", "GREEN", "YELLOW"))

    def test_paused_template(self):
        value = {"event": "PAUSED", "message_template_id": 1, "message_template_name": "t",
                 "message_template_language": "en", "reason": "NONE",
                 "other_info": {"title": "FIRST_PAUSE", "description": "Paused for 3 hours"}}
        update, = parse_delivery(envelope(value, field="message_template_status_update")).templates
        self.assertEqual((update.event, update.reason, update.other_title), ("PAUSED", None, "FIRST_PAUSE"))

    def test_phone_number_name_update(self):
        value = {"display_phone_number": "15550001234", "decision": "REJECTED",
                 "requested_verified_name": "Cusoft Shop", "rejection_reason": "NAME_FORMAT_UNACCEPTABLE"}
        update, = parse_delivery(envelope(value, field="phone_number_name_update")).phone_numbers
        self.assertEqual((update.kind, update.decision, update.requested_verified_name, update.rejection_reason),
                         ("name", "REJECTED", "Cusoft Shop", "NAME_FORMAT_UNACCEPTABLE"))

    def test_account_update_and_review(self):
        value = {"event": "ACCOUNT_VIOLATION", "violation_info": {"violation_type": "SCAM"},
                 "waba_info": {"waba_id": WABA, "owner_business_id": "140000000000001"}}
        update, = parse_delivery(envelope(value, field="account_update")).accounts
        self.assertIsInstance(update, AccountUpdate)
        self.assertEqual((update.event, update.violation_info["violation_type"], update.waba_id),
                         ("ACCOUNT_VIOLATION", "SCAM", WABA))
        review, = parse_delivery(envelope({"decision": "APPROVED"}, field="account_review_update")).accounts
        self.assertEqual((review.field, review.event), ("account_review_update", "APPROVED"))

    def test_unknown_field_is_kept_not_an_error(self):
        result = parse_delivery(envelope({"messaging_product": "whatsapp", "history": []}, field="history"))
        self.assertEqual(result.problems, [])
        unknown, = result.unknown
        self.assertIsInstance(unknown, UnknownChange)
        self.assertEqual((unknown.field, unknown.waba_id, unknown.value["history"]), ("history", WABA, []))


class ShapeTest(unittest.TestCase):
    def test_unusable_top_levels_raise_shape_error(self):
        for payload in (None, [], "x", 42, {}, {"object": "page", "entry": []}, {"object": 5, "entry": []},
                        {"object": "whatsapp_business_account"},
                        {"object": "whatsapp_business_account", "entry": {"id": WABA}},
                        {"object": "whatsapp_business_account", "entry": "[]"}):
            with self.subTest(payload=payload):
                with self.assertRaises(ShapeError):
                    parse_delivery(payload)

    def test_empty_entry_list_is_fine(self):
        result = parse_delivery({"object": "whatsapp_business_account", "entry": []})
        self.assertEqual((result.events, result.problems), (0, []))

    def test_messages_as_a_string_is_a_problem_and_statuses_still_parse(self):
        value = messages_value(statuses=[{"id": "wamid.S", "status": "read", "timestamp": "1793000000",
                                          "recipient_id": DANA}])
        value["messages"] = "oops"
        result = parse_delivery(envelope(value))
        self.assertEqual(result.messages, [])
        self.assertEqual([s.wamid for s in result.statuses], ["wamid.S"])
        self.assertEqual(result.problems, ["entry[0].changes[0].value.messages: expected a list, got string"])

    def test_message_without_id_is_dropped_and_the_others_kept(self):
        items = [message("wamid.A"), message(None), message("wamid.C"), message(12345)]
        result = parse_delivery(envelope(messages_value(items)))
        self.assertEqual([m.wamid for m in result.messages], ["wamid.A", "wamid.C"])
        self.assertTrue(any(p.startswith("entry[0].changes[0].value.messages[1].id: missing") for p in result.problems),
                        result.problems)
        self.assertTrue(any(p.startswith("entry[0].changes[0].value.messages[3].id: expected a string")
                            for p in result.problems), result.problems)

    def test_bad_timestamp_is_a_problem_and_the_message_is_kept(self):
        items = [message("wamid.A", timestamp="abc"), message("wamid.B"), message("wamid.C", timestamp=True),
                 message("wamid.D", timestamp="99999999999999999999")]
        result = parse_delivery(envelope(messages_value(items)))
        self.assertEqual([(m.wamid, m.timestamp) for m in result.messages],
                         [("wamid.A", None), ("wamid.B", utc(1793000000)), ("wamid.C", None), ("wamid.D", None)])
        self.assertIsNone(result.messages[0].window_expires_at)
        self.assertEqual(len(result.problems), 3, result.problems)
        self.assertIn("messages[0].timestamp: expected unix seconds, got 'abc'", result.problems[0])

    def test_out_of_range_integer_timestamps_are_problems(self):
        items = [message("wamid.A", timestamp=10 ** 15), message("wamid.B", timestamp=-5),
                 message("wamid.C", timestamp=1.5)]
        result = parse_delivery(envelope(messages_value(items)))
        self.assertEqual([m.timestamp for m in result.messages], [None, None, None])
        self.assertEqual(sum("expected unix seconds" in p for p in result.problems), 3, result.problems)

    def test_integer_timestamps_are_tolerated(self):
        msg, result = one_message(self, message(timestamp=1793000000))
        self.assertEqual((msg.timestamp, result.problems), (utc(1793000000), []))

    def test_ill_typed_parts_are_reported_with_their_path(self):
        cases = [
            (message(kind="image", image="not an object"), "messages[0].image: expected an object, got string"),
            (message(kind="image", image={"mime_type": "image/png"}), "messages[0].image.id: missing"),
            (message(text={"body": 5}), "messages[0].text.body: expected a string, got number"),
            (message(kind="location", location={"latitude": "north", "longitude": 4}),
             "messages[0].location.latitude: expected a number, got 'north'"),
            (message(kind="reaction", reaction={"emoji": ["x"], "message_id": "wamid.T"}),
             "messages[0].reaction.emoji: expected a string, got list"),
            (message(errors={"code": 1}), "messages[0].errors: expected a list, got object"),
            (message(errors=[{"code": "oops"}]), "messages[0].errors[0].code: expected a number, got string"),
            (message(context="wamid.X"), "messages[0].context: expected an object, got string"),
            (message(kind="interactive", interactive={"type": "button_reply"}),
             "messages[0].interactive.button_reply: missing"),
            (message(sender=None), "messages[0]: no sender"),
            (message(kind="audio", audio={"id": "1", "voice": "yes"}),
             "messages[0].audio.voice: expected a boolean, got string"),
        ]
        for item, expected in cases:
            with self.subTest(expected=expected):
                result = parse_delivery(envelope(messages_value([item, message("wamid.OK")])))
                self.assertEqual(len(result.messages), 2, "the ill-typed message is kept, and the next one too")
                self.assertEqual(result.messages[1].body, "hello")
                self.assertTrue(any(expected in problem for problem in result.problems),
                                f"{expected!r} not in {result.problems}")
                self.assertFalse(any(INTERNAL_ERROR in problem for problem in result.problems))

    def test_error_code_as_digit_string_is_read(self):
        msg, result = one_message(self, message(errors=[{"code": "131051", "title": "t"}]))
        self.assertEqual((msg.errors[0].code, result.problems), (131051, []))

    def test_broken_entries_and_changes_do_not_stop_the_others(self):
        good = envelope(messages_value([message("wamid.OK")]))["entry"][0]
        delivery = {"object": "whatsapp_business_account", "entry": [
            "not an entry",
            {"id": WABA, "changes": "nope"},
            {"id": WABA, "changes": [5, {"value": {}}, {"field": "messages", "value": []},
                                     {"field": "messages", "value": {"messages": [message("wamid.NOMETA")]}}]},
            {"changes": [{"field": "message_template_status_update", "value": {"event": "APPROVED"}}]},
            good,
        ]}
        result = parse_delivery(delivery)
        self.assertEqual([m.wamid for m in result.messages], ["wamid.NOMETA", "wamid.OK"])
        self.assertIsNone(result.messages[0].phone_number_id)
        self.assertEqual(result.messages[1].phone_number_id, NUMBER)
        self.assertEqual(len(result.templates), 1)
        joined = "\n".join(result.problems)
        for expected in ("entry[0]: expected an object, got string",
                         "entry[1].changes: expected a list, got string",
                         "entry[2].changes[0]: expected an object, got number",
                         "entry[2].changes[1].field: missing",
                         "entry[2].changes[2].value: expected an object, got list",
                         "entry[2].changes[3].value.metadata: missing",
                         "entry[3].id: missing",
                         "entry[3].changes[0].value.message_template_id: missing"):
            self.assertIn(expected, joined)
        self.assertNotIn(INTERNAL_ERROR, joined)

    def test_statuses_without_id_or_status_are_dropped(self):
        statuses = [{"status": "read", "timestamp": "1"}, {"id": "wamid.S", "timestamp": "1"}, "x",
                    {"id": "wamid.OK", "status": "READ", "timestamp": "1793000000"}]
        result = parse_delivery(envelope(messages_value(statuses=statuses)))
        self.assertEqual([(s.wamid, s.status) for s in result.statuses], [("wamid.OK", "read")])
        self.assertEqual(sum("status dropped" in p for p in result.problems), 2)

    def test_an_unforeseen_failure_costs_one_item_only(self):
        real = webhook_parse.parse_message

        def flaky(item, *args):
            if item.get("id") == "wamid.BOOM":
                raise KeyError("surprise")
            return real(item, *args)

        with mock.patch.object(webhook_parse, "parse_message", flaky):
            result = parse_delivery(envelope(messages_value([message("wamid.BOOM"), message("wamid.OK")])))
        self.assertEqual([m.wamid for m in result.messages], ["wamid.OK"])
        self.assertEqual(len(result.problems), 1)
        self.assertIn(INTERNAL_ERROR, result.problems[0])
        self.assertIn("messages[0]", result.problems[0])

    def test_parsing_does_not_change_the_payload(self):
        payload = load("webhook_batched_multi_entry.json")
        before = copy.deepcopy(payload)
        parse_delivery(payload)
        self.assertEqual(payload, before)


REPLACEMENTS = (None, "abc", "", -1, 0, 1.5, True, [], {}, ["x"], {"x": 1}, "9" * 30, [[[]]])


def walk(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, child in node.items():
            yield from walk(child, path + (key,))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from walk(child, path + (index,))


def mutated(payload, path, replacement):
    copy_ = copy.deepcopy(payload)
    node = copy_
    for key in path[:-1]:
        node = node[key]
    if replacement is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = copy.deepcopy(replacement)
    return copy_


class NeverRaisesTest(unittest.TestCase):
    """Every node of every fixture replaced by every other JSON type, or removed: problems, never a crash."""

    def test_exhaustive_mutations_of_every_fixture(self):
        runs = 0
        for name in FIXTURE_TESTS:
            payload = load(name)
            for path in walk(payload):
                if not path:
                    continue
                for replacement in REPLACEMENTS + (KeyError,):
                    candidate = mutated(payload, path, replacement)
                    try:
                        result = parse_delivery(candidate)
                    except ShapeError:
                        self.assertIn(path[0], ("object", "entry"), f"{name} {path}: only the top level may raise")
                        self.assertEqual(len(path), 1)
                        continue
                    except Exception as exc:  # noqa: BLE001
                        self.fail(f"{name} {path} → {replacement!r}: {type(exc).__name__}: {exc}")
                    runs += 1
                    for problem in result.problems:
                        self.assertNotIn(INTERNAL_ERROR, problem, f"{name} {path} → {replacement!r}")
                    json.dumps(result.problems)
        self.assertGreater(runs, 5000)


if __name__ == "__main__":
    unittest.main()
