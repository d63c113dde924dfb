import hashlib

from odoo.tests import TransactionCase, tagged

from .common import TOKEN, WhatsAppCase
from .isolation_common import ThreeCompanies

PAGE = b"<!DOCTYPE html><html><body><script>fetch('/web/session/get_session_info')</script></body></html>"
DRAWING = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
PHOTO = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 the customer's photo"


@tagged("post_install", "-at_install")
class TestMediaSafety(ThreeCompanies, WhatsAppCase, TransactionCase):
    """A customer's file is what its bytes say, active content never runs in Odoo, and the token only
    goes to Meta's media hosts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies()
        cls.start_fake_graph()
        cls.account_b.token = TOKEN

    def media_message(self, media_id, content, declared, message_type="image"):
        self.graph.graph.add_media(media_id, content, declared)
        message = self.inbound(self.account_b, f"wamid.{media_id}")
        message.write({"message_type": message_type, "media_id": media_id, "media_mime_type": declared,
                       "media_sha256": hashlib.sha256(content).hexdigest(), "media_state": "pending"})
        return message

    def test_an_html_page_sent_as_an_image_is_stored_as_plain_text(self):
        message = self.media_message("1200000000000101", PAGE, "image/jpeg")
        self.assertTrue(message._download_media())
        self.assertEqual(message.media_state, "done")
        self.assertEqual(message.attachment_id.mimetype, "text/plain", "shown as text, never rendered")
        self.assertEqual(message.media_detected_type, "text/html")
        self.assertEqual(message.media_mime_type, "image/jpeg", "what the sender declared is kept")
        self.assertEqual(message.attachment_id.raw, PAGE, "nothing the customer sent is lost")
        self.assertEqual(message.attachment_id.company_id, self.company_b)

    def test_svg_and_declared_active_types_are_stored_as_plain_text(self):
        for media_id, content, declared in (("1200000000000102", DRAWING, "image/png"),
                                            ("1200000000000103", b"alert(document.cookie)", "text/javascript"),
                                            ("1200000000000104", b"<?xml version='1.0'?><x/>", "application/pdf")):
            with self.subTest(declared=declared):
                message = self.media_message(media_id, content, declared, message_type="document")
                message._download_media()
                self.assertEqual(message.attachment_id.mimetype, "text/plain")

    def test_a_real_photo_keeps_its_type_even_when_mislabelled(self):
        message = self.media_message("1200000000000105", PHOTO, "application/pdf")
        message._download_media()
        self.assertEqual(message.attachment_id.mimetype, "image/jpeg")
        self.assertEqual(message.media_detected_type, "image/jpeg")

    def test_a_download_address_off_metas_hosts_is_refused(self):
        self.env["ir.config_parameter"].sudo().set_param("cusoft_whatsapp.media_hosts", "")  # Meta's hosts only
        message = self.media_message("1200000000000106", PHOTO, "image/jpeg")
        self.assertFalse(message._download_media())
        self.assertEqual(message.media_state, "error", "not retried: the address will not become Meta's")
        self.assertIn("127.0.0.1", message.media_error)
        self.assertFalse(message.attachment_id)
        self.assertFalse(self.graph.requests_to("GET", "media-download/1200000000000106"), "the token never went there")
