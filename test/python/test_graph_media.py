import hashlib
import sys
import unittest
from pathlib import Path

ADDON = Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"
sys.path.insert(0, str(ADDON))
# Appended, not prepended: the addon's Odoo test modules must never shadow this tier's.
sys.path.append(str(ADDON / "tests"))

from graph import GraphClient, GraphError, GraphTimeout, MediaHostError, MediaIntegrityError, download_media  # noqa: E402
from fake_graph import FakeGraphServer, Reply  # noqa: E402
from graph.media import media_host_allowed  # noqa: E402

TOKEN = "EAAG-media-test-token-1234567"
MEDIA_ID = "1200000000000001"
PHOTO = b"\xff\xd8\xff\xe0 a photo the customer sent"
FAKE_HOSTS = ("127.0.0.1",)  # the fake Graph server stands in for Meta's media host


class MediaDownloadTest(unittest.TestCase):
    def setUp(self):
        self.graph = FakeGraphServer(tokens=[TOKEN]).start()
        self.addCleanup(self.graph.stop)
        self.graph.graph.add_media(MEDIA_ID, PHOTO, "image/jpeg")
        self.calls = []
        self.client = GraphClient(TOKEN, base_url=self.graph.base_url, timeout=(1, 1), max_retries=0,
                                  on_call=self.calls.append)

    def test_downloads_the_bytes_and_checks_metas_sha256(self):
        data, mime = download_media(self.client, MEDIA_ID, hashlib.sha256(PHOTO).hexdigest(), allowed_hosts=FAKE_HOSTS)
        self.assertEqual(data, PHOTO)
        self.assertEqual(mime, "image/jpeg")
        download = self.graph.requests_to("GET", "media-download/" + MEDIA_ID)[0]
        self.assertEqual(download.bearer, TOKEN, "Meta's CDN needs the token too")
        self.assertEqual(len(self.calls), 2, "both calls are in the API log")
        self.assertNotIn(TOKEN, repr(self.calls))

    def test_a_checksum_mismatch_is_refused(self):
        with self.assertRaises(MediaIntegrityError):
            download_media(self.client, MEDIA_ID, hashlib.sha256(b"something else").hexdigest(), allowed_hosts=FAKE_HOSTS)

    def test_a_slow_cdn_raises_a_retryable_timeout(self):
        self.graph.enqueue("GET", "media-download/" + MEDIA_ID, Reply(status=200, body=PHOTO, delay=3))
        with self.assertRaises(GraphTimeout) as caught:
            download_media(self.client, MEDIA_ID, allowed_hosts=FAKE_HOSTS)
        self.assertEqual(caught.exception.category, "retryable")

    def test_an_oversized_file_is_refused(self):
        with self.assertRaises(GraphError) as caught:
            download_media(self.client, MEDIA_ID, max_bytes=10, allowed_hosts=FAKE_HOSTS)
        self.assertEqual(caught.exception.code, 131052)

    def test_a_download_url_off_metas_hosts_is_refused_and_never_gets_the_token(self):
        self.graph.enqueue("GET", MEDIA_ID, Reply.json({
            "id": MEDIA_ID, "mime_type": "image/jpeg", "url": self.graph.base_url.replace("127.0.0.1", "localhost")
            + "/media-download/" + MEDIA_ID,
        }))
        with self.assertRaises(MediaHostError) as caught:
            download_media(self.client, MEDIA_ID, allowed_hosts=FAKE_HOSTS)
        self.assertEqual(caught.exception.category, "permanent", "retrying cannot make the host Meta's")
        self.assertIn("localhost", str(caught.exception))
        self.assertFalse(self.graph.requests_to("GET", "media-download/" + MEDIA_ID))

    def test_metas_media_host_is_the_default_and_needs_https(self):
        self.assertTrue(media_host_allowed("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"))
        self.assertFalse(media_host_allowed("http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1"))
        self.assertFalse(media_host_allowed("https://lookaside.fbsbx.com.evil.example/x"))
        self.assertFalse(media_host_allowed("https://evil.example/lookaside.fbsbx.com"))
        self.assertFalse(media_host_allowed(self.graph.base_url + "/media-download/1"), "loopback only when configured")
        self.assertTrue(media_host_allowed("https://cdn.fbsbx.com/x", (".fbsbx.com",)), "a leading dot allows subdomains")
        self.assertFalse(media_host_allowed("https://fbsbx.com.evil.example/x", (".fbsbx.com",)))


if __name__ == "__main__":
    unittest.main()
