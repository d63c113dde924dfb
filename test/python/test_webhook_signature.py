import hashlib
import hmac
import sys
import unittest
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

import webhook  # noqa: E402
from webhook import sign, verify_handshake, verify_signature  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meta"

# fixtures/README.md "Signature test vectors": HMAC-SHA256 over the exact file bytes with this secret.
SECRET = "test_app_secret_0123456789abcdef"
VECTORS = {
    "webhook_inbound_text.json": (1119, "sha256=7790c9c992f5307fcdc56351aab7025f4bbc0f724f727d502b8d00f03038dcd5"),
    "webhook_inbound_reaction.json": (1069, "sha256=33a10e1a3b72b4766a80692dd6f04a3e3ba51a566ad9319f8b41aa2a49e2ab85"),
    "webhook_status_failed_131047.json": (
        1217, "sha256=25d0fde702246ad418379d4a7f0aed9ad0fdc29f6a7dd7610d84882aeedb885b"),
}


def hmac_hex(secret, body, algorithm=hashlib.sha256):
    return hmac.new(secret.encode(), body, algorithm).hexdigest()


class SignatureVectorsTest(unittest.TestCase):
    def test_readme_vectors_match_with_the_right_secret(self):
        for name, (size, header) in VECTORS.items():
            with self.subTest(name):
                body = (FIXTURES / name).read_bytes()
                self.assertEqual(len(body), size, "fixture re-saved? recompute the vectors, do not fix the code")
                self.assertEqual(verify_signature(body, header, [SECRET]), SECRET)
                self.assertEqual(sign(body, SECRET), header)

    def test_second_of_several_secrets_is_the_one_returned(self):
        body = (FIXTURES / "webhook_inbound_text.json").read_bytes()
        header, = [h for n, (_, h) in VECTORS.items() if n == "webhook_inbound_text.json"]
        secrets = ["company_a_secret_aaaaaaaaaaaaaaaa", SECRET, "company_c_secret_cccccccccccccccc"]
        self.assertEqual(verify_signature(body, header, secrets), SECRET)
        self.assertEqual(verify_signature(body, header, iter(secrets)), SECRET, "any iterable of secrets")
        other = sign(body, "company_c_secret_cccccccccccccccc")
        self.assertEqual(verify_signature(body, other, secrets), "company_c_secret_cccccccccccccccc")

    def test_wrong_secret_or_no_secret_rejects(self):
        body = (FIXTURES / "webhook_inbound_text.json").read_bytes()
        header = VECTORS["webhook_inbound_text.json"][1]
        self.assertIsNone(verify_signature(body, header, ["not_the_secret"]))
        self.assertIsNone(verify_signature(body, header, []))
        self.assertIsNone(verify_signature(body, header, None))
        self.assertIsNone(verify_signature(body, header, [SECRET.upper()]))

    def test_body_changed_by_one_byte_rejects(self):
        body = (FIXTURES / "webhook_status_failed_131047.json").read_bytes()
        header = VECTORS["webhook_status_failed_131047.json"][1]
        index = body.index(b"131047")
        variants = {
            "digit changed": body[:index] + b"2" + body[index + 1:],
            "trailing newline dropped": body[:-1],
            "byte appended": body + b" ",
            "CRLF line endings": body.replace(b"\n", b"\r\n"),
            "re-serialized JSON": __import__("json").dumps(__import__("json").loads(body)).encode(),
        }
        for label, changed in variants.items():
            with self.subTest(label):
                self.assertNotEqual(changed, body)
                self.assertIsNone(verify_signature(changed, header, [SECRET]))
        self.assertEqual(verify_signature(body, header, [SECRET]), SECRET, "the unchanged body still passes")

    def test_missing_or_garbled_headers_reject(self):
        body = b'{"object":"whatsapp_business_account","entry":[]}'
        good = hmac_hex(SECRET, body)
        self.assertEqual(verify_signature(body, "sha256=" + good, [SECRET]), SECRET)
        for header in (None, "", "   ", good, "sha256=", "sha256=" + good[:-1], "sha256=" + good + "0",
                       "sha256=" + good[:-1] + "g", "sha256 =" + good, "sha256:" + good, "sha512=" + good,
                       f"sha256={good},sha256={good}", "sha256=" + "0" * 64, b"sha256=" + good.encode(), 42):
            with self.subTest(header=header):
                self.assertIsNone(verify_signature(body, header, [SECRET]))

    def test_sha1_prefix_is_rejected_even_with_a_valid_sha1_hmac(self):
        body = b'{"object":"whatsapp_business_account","entry":[]}'
        self.assertIsNone(verify_signature(body, "sha1=" + hmac_hex(SECRET, body, hashlib.sha1), [SECRET]))
        # Even the right sha256 digest under the sha1 label is refused: the label must say sha256.
        self.assertIsNone(verify_signature(body, "sha1=" + hmac_hex(SECRET, body), [SECRET]))

    def test_uppercase_hex_and_surrounding_spaces_are_tolerated(self):
        body = (FIXTURES / "webhook_inbound_reaction.json").read_bytes()
        header = VECTORS["webhook_inbound_reaction.json"][1]
        digest = header.split("=", 1)[1]
        self.assertEqual(verify_signature(body, "sha256=" + digest.upper(), [SECRET]), SECRET)
        self.assertEqual(verify_signature(body, f"  {header}\t", [SECRET]), SECRET)

    def test_empty_secret_never_matches(self):
        body = b'{"object":"whatsapp_business_account","entry":[]}'
        forged = "sha256=" + hmac.new(b"", body, hashlib.sha256).hexdigest()
        self.assertIsNone(verify_signature(body, forged, ["", None, b""]))

    def test_bytes_like_bodies_and_secrets(self):
        body = b'{"a":1}'
        header = "sha256=" + hmac_hex(SECRET, body)
        self.assertEqual(verify_signature(bytearray(body), header, [SECRET]), SECRET)
        self.assertEqual(verify_signature(memoryview(body), header, [SECRET]), SECRET)
        self.assertEqual(verify_signature(body, header, [SECRET.encode()]), SECRET.encode())
        accented = "clé-secrète-ñ"
        self.assertEqual(verify_signature(body, sign(body, accented), [accented]), accented)

    def test_text_body_is_a_programming_error(self):
        with self.assertRaises(TypeError):
            verify_signature('{"a":1}', "sha256=" + "0" * 64, [SECRET])

    def test_comparison_is_constant_time(self):
        body = b'{"a":1}'
        with mock.patch.object(webhook.signature.hmac, "compare_digest", wraps=hmac.compare_digest) as compare:
            self.assertEqual(verify_signature(body, sign(body, SECRET), ["other", SECRET]), SECRET)
        self.assertEqual(compare.call_count, 2, "every configured secret goes through hmac.compare_digest")


class FakeMultiDict:
    """Mimics werkzeug's MultiDict.get (first value)."""

    def __init__(self, pairs):
        self.pairs = pairs

    def get(self, key, default=None):
        for name, value in self.pairs:
            if name == key:
                return value
        return default


class HandshakeTest(unittest.TestCase):
    def params(self, **overrides):
        params = {"hub.mode": "subscribe", "hub.verify_token": "tok-123", "hub.challenge": "1158201444"}
        params.update({"hub." + key[len("hub_"):]: value for key, value in overrides.items()})
        return {key: value for key, value in params.items() if value is not None}

    def test_valid_handshake_returns_the_challenge(self):
        self.assertEqual(verify_handshake(self.params(), ["tok-123"]), "1158201444")

    def test_token_among_several(self):
        self.assertEqual(verify_handshake(self.params(), ["company-a", "tok-123", "company-c"]), "1158201444")
        self.assertEqual(verify_handshake(self.params(), iter(["x", "tok-123"])), "1158201444")

    def test_wrong_or_missing_token(self):
        self.assertIsNone(verify_handshake(self.params(), ["tok-124"]))
        self.assertIsNone(verify_handshake(self.params(), ["tok-1234"]))
        self.assertIsNone(verify_handshake(self.params(), []))
        self.assertIsNone(verify_handshake(self.params(), None))
        self.assertIsNone(verify_handshake(self.params(hub_verify_token=None), ["tok-123"]))

    def test_empty_configured_token_never_matches(self):
        self.assertIsNone(verify_handshake(self.params(hub_verify_token=""), ["", None]))

    def test_mode_must_be_subscribe(self):
        for mode in ("unsubscribe", "SUBSCRIBE", "", None):
            with self.subTest(mode=mode):
                self.assertIsNone(verify_handshake(self.params(hub_mode=mode), ["tok-123"]))

    def test_challenge_must_be_present_and_harmless(self):
        for challenge in (None, "", "<script>alert(1)</script>", "12 34", "12\r\nSet-Cookie: x=1", "9" * 257):
            with self.subTest(challenge=challenge):
                self.assertIsNone(verify_handshake(self.params(hub_challenge=challenge), ["tok-123"]))
        self.assertEqual(verify_handshake(self.params(hub_challenge="abc-DEF_1.2~"), ["tok-123"]), "abc-DEF_1.2~")

    def test_query_shapes_of_werkzeug_and_parse_qs(self):
        query = "hub.mode=subscribe&hub.challenge=42&hub.verify_token=tok-123"
        self.assertEqual(verify_handshake(parse_qs(query), ["tok-123"]), "42")
        self.assertEqual(verify_handshake(FakeMultiDict([tuple(p.split("=")) for p in query.split("&")]),
                                          ["tok-123"]), "42")
        self.assertIsNone(verify_handshake(parse_qs(query + "&hub.verify_token=other"), ["tok-123"]),
                          "a repeated token is ambiguous")
        self.assertIsNone(verify_handshake(None, ["tok-123"]))
        self.assertIsNone(verify_handshake("hub.mode=subscribe", ["tok-123"]))

    def test_non_ascii_tokens_compare_without_error(self):
        self.assertEqual(verify_handshake(self.params(hub_verify_token="contraseña"), ["contraseña"]), "1158201444")
        self.assertIsNone(verify_handshake(self.params(hub_verify_token="contraseña"), ["contrasena"]))

    def test_token_comparison_is_constant_time(self):
        with mock.patch.object(webhook.signature.hmac, "compare_digest", wraps=hmac.compare_digest) as compare:
            self.assertEqual(verify_handshake(self.params(), ["tok-123"]), "1158201444")
        compare.assert_called_once_with(b"tok-123", b"tok-123")


if __name__ == "__main__":
    unittest.main()
