import logging
import sys
import unittest
from pathlib import Path

ADDON = Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"
sys.path.insert(0, str(ADDON))
sys.path.append(str(ADDON / "tests"))

from fake_graph import FakeGraphServer  # noqa: E402
from fake_graph import data as fake_data  # noqa: E402
from graph import GraphClient, GraphError  # noqa: E402
from graph.template_admin import create_template, delete_template, edit_template, upload_example  # noqa: E402

logging.getLogger("graph").addHandler(logging.NullHandler())
TOKEN = "EAAG-template-admin-test"
WABA = fake_data.WABA_ID
BODY = {"type": "BODY", "text": "Hello {{1}}", "example": {"body_text": [["Dana"]]}}


class TemplateAdminTest(unittest.TestCase):
    def setUp(self):
        self.server = FakeGraphServer(tokens=[TOKEN]).start()
        self.addCleanup(self.server.stop)
        self.client = GraphClient(TOKEN, base_url=self.server.base_url, max_retries=0)
        self.addCleanup(self.client.close)

    def test_a_media_header_example_goes_through_the_resumable_upload_then_the_template_is_created(self):
        png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
        handle = upload_example(self.client, fake_data.APP_ID, "promo.png", png, "image/png")
        [opened, sent] = self.server.requests_to("POST")
        self.assertEqual(opened.query, {"file_name": "promo.png", "file_length": str(len(png)), "file_type": "image/png"})
        self.assertTrue(sent.headers["authorization"].startswith("OAuth "), "Meta's upload step takes OAuth, not Bearer")
        self.assertEqual((sent.headers["file_offset"], sent.body), ("0", png))
        payload = {"name": "spring_sale", "language": "en", "category": "MARKETING", "components": [
            {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": [handle]}}, BODY]}
        answer = create_template(self.client, WABA, payload)
        self.assertEqual(answer["status"], "PENDING")
        self.assertIn("spring_sale", [t["name"] for t in self.server.graph.templates[WABA]])

    def test_meta_refuses_a_bad_name_and_a_header_without_a_handle(self):
        with self.assertRaises(GraphError) as refused:
            create_template(self.client, WABA, {"name": "Spring Sale", "language": "en", "category": "UTILITY", "components": [BODY]})
        self.assertEqual(refused.exception.code, 100)
        with self.assertRaises(GraphError):
            create_template(self.client, WABA, {"name": "x", "language": "en", "category": "UTILITY", "components": [
                {"type": "HEADER", "format": "IMAGE", "example": {"header_handle": ["made-up"]}}, BODY]})

    def test_an_edit_sends_it_back_to_review_and_a_delete_removes_one_language(self):
        template = next(t for t in self.server.graph.templates[WABA] if t["status"] == "APPROVED")
        edit_template(self.client, template["id"], {"components": [BODY]})
        self.assertEqual(template["status"], "PENDING")
        delete_template(self.client, WABA, template["name"], template["id"])
        self.assertNotIn(template["id"], [t["id"] for t in self.server.graph.templates[WABA]])


if __name__ == "__main__":
    unittest.main()
