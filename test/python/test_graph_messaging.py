import logging
import sys
import unittest
from pathlib import Path

ADDON = Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"
sys.path.insert(0, str(ADDON))
# Appended, not prepended: the addon's Odoo test modules must never shadow this tier's.
sys.path.append(str(ADDON / "tests"))

from fake_graph import FakeGraphServer, Reply  # noqa: E402
from graph import GraphClient, GraphError, GraphUncertainError  # noqa: E402
from graph.messaging import (  # noqa: E402
    mark_read,
    media_content,
    message_payload,
    outbound_media,
    reaction_content,
    recipient,
    send_message,
    text_content,
    upload_media,
)

logging.getLogger("graph").addHandler(logging.NullHandler())
TOKEN = "EAAG-messaging-test"
NUMBER = "110000000000001"
MESSAGES = f"{NUMBER}/messages"


class TestOutboundRules(unittest.TestCase):
    def test_meta_limits_decide_the_message_type_before_any_upload(self):
        self.assertEqual(outbound_media("image/jpeg", 1000), ("image", None))
        self.assertEqual(outbound_media("application/pdf; charset=binary", 1000), ("document", None))
        self.assertEqual(outbound_media("image/png", 6 * 1024 * 1024), ("image", "size"))
        self.assertEqual(outbound_media("image/webp", 600 * 1024), ("sticker", "size"))
        self.assertEqual(outbound_media("application/x-msdownload", 10), (None, "type"))

    def test_customers_without_a_phone_number_are_addressed_by_their_user_id(self):
        self.assertEqual(recipient("15550009876", "US.1"), {"to": "+15550009876"})
        self.assertEqual(recipient(None, "US.1"), {"recipient": "US.1"})
        with self.assertRaises(ValueError):
            recipient(None, None)

    def test_payloads_follow_the_contract(self):
        quoted = message_payload({"to": "+1"}, "text", text_content("see https://example.com"), "wamid.Q")
        self.assertEqual(quoted["context"], {"message_id": "wamid.Q"})
        self.assertTrue(quoted["text"]["preview_url"])
        self.assertEqual(media_content("audio", "9", caption="ignored", voice=True), {"id": "9", "voice": True})
        self.assertEqual(media_content("document", "9", "Invoice", "inv.pdf"),
                         {"id": "9", "caption": "Invoice", "filename": "inv.pdf"})
        self.assertEqual(reaction_content("wamid.T", None), {"message_id": "wamid.T", "emoji": ""})


class TestSendingAgainstTheFakeGraph(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.graph = FakeGraphServer(tokens=[TOKEN]).start()
        cls.addClassCleanup(cls.graph.stop)

    def setUp(self):
        self.graph.reset()
        self.client = GraphClient(TOKEN, base_url=self.graph.base_url, max_retries=3, timeout=(2, 1),
                                  sleep=lambda _s: None)
        self.addCleanup(self.client.close)

    def test_a_file_is_uploaded_then_sent_by_its_media_id(self):
        media_id = upload_media(self.client, NUMBER, b"%PDF-1.4 invoice", "application/pdf", "invoice.pdf")
        self.assertEqual(self.graph.graph.media[media_id], (b"%PDF-1.4 invoice", "application/pdf"))
        payload = message_payload(recipient("15550009876", None), "document",
                                  media_content("document", media_id, "Your invoice", "invoice.pdf"))
        self.assertTrue(send_message(self.client, NUMBER, payload).startswith("wamid."))
        [sent] = self.graph.requests_to("POST", MESSAGES)
        self.assertEqual(sent.json["document"]["id"], media_id)

    def test_an_unknown_media_id_is_refused_like_meta_does(self):
        payload = message_payload({"to": "+1555"}, "image", media_content("image", "404404"))
        with self.assertRaises(GraphError) as caught:
            send_message(self.client, NUMBER, payload)
        self.assertEqual(caught.exception.code, 131053)

    def test_throttling_reaches_the_queue_as_retryable_when_the_client_may_not_wait(self):
        # The send queue builds its clients with max_retries=0: it retries later, without a sleeping worker.
        client = GraphClient(TOKEN, base_url=self.graph.base_url, max_retries=0)
        self.addCleanup(client.close)
        self.graph.enqueue("POST", MESSAGES, Reply.error(130429))
        with self.assertRaises(GraphError) as caught:
            send_message(client, NUMBER, message_payload({"to": "+1555"}, "text", text_content("hi")))
        self.assertEqual(caught.exception.category, "retryable")
        self.assertEqual(len(self.graph.requests_to("POST", MESSAGES)), 1)
        self.assertTrue(send_message(client, NUMBER, message_payload({"to": "+1555"}, "text", text_content("hi"))))

    def test_a_lost_answer_is_uncertain(self):
        self.graph.enqueue("POST", MESSAGES, Reply.json({"messages": [{"id": "wamid.X"}]}, delay=2.5))
        with self.assertRaises(GraphUncertainError):
            send_message(self.client, NUMBER, message_payload({"to": "+1555"}, "text", text_content("hi")))
        self.assertEqual(len(self.graph.requests_to("POST", MESSAGES)), 1)

    def test_read_receipts_and_typing_are_retried_since_repeating_them_is_harmless(self):
        self.graph.enqueue("POST", MESSAGES, Reply.error(131000, is_transient=True, status=500))
        self.assertEqual(mark_read(self.client, NUMBER, "wamid.IN1", typing=True), {"success": True})
        first, second = self.graph.requests_to("POST", MESSAGES)
        self.assertEqual(second.json, {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN1",
                                       "typing_indicator": {"type": "text"}})

    def test_the_fake_graph_refuses_what_meta_refuses(self):
        too_long = message_payload({"to": "+1555"}, "text", {"body": "x" * 4097})
        with self.assertRaises(GraphError) as caught:
            send_message(self.client, NUMBER, too_long)
        self.assertEqual(caught.exception.code, 100)
        with self.assertRaises(GraphError) as caught:
            mark_read(self.client, NUMBER, "not-a-wamid")
        self.assertEqual(caught.exception.code, 100)


if __name__ == "__main__":
    unittest.main()
