import json
import sys
import time
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

from webhook import BODY_ERROR_KINDS, MAX_BODY_BYTES, MAX_DEPTH, BodyError, decode_body  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meta"


def padded(size):
    """A valid JSON object of exactly `size` bytes."""
    head, tail = b'{"object":"whatsapp_business_account","entry":[],"pad":"', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


class BodyErrorCase(unittest.TestCase):
    def assertBodyError(self, raw, kind, **kwargs):
        with self.assertRaises(BodyError) as caught:
            decode_body(raw, **kwargs)
        self.assertEqual(caught.exception.kind, kind, caught.exception.message)
        self.assertIn(caught.exception.kind, BODY_ERROR_KINDS)
        self.assertTrue(caught.exception.message)
        return caught.exception


class SizeTest(BodyErrorCase):
    def test_meta_maximum_is_three_megabytes(self):
        self.assertEqual(MAX_BODY_BYTES, 3 * 1024 * 1024)

    def test_exactly_the_maximum_decodes(self):
        raw = padded(MAX_BODY_BYTES)
        self.assertEqual(len(raw), MAX_BODY_BYTES)
        decoded = decode_body(raw)
        self.assertEqual(decoded["object"], "whatsapp_business_account")
        self.assertEqual(set(decoded["pad"]), {"x"})
        self.assertGreater(len(decoded["pad"]), MAX_BODY_BYTES - 100)

    def test_one_byte_more_is_too_large_413(self):
        raw = padded(MAX_BODY_BYTES) + b" "  # still valid JSON: size alone decides
        self.assertEqual(len(raw), MAX_BODY_BYTES + 1)
        error = self.assertBodyError(raw, "too_large")
        self.assertEqual(error.http_status, 413)
        self.assertIn(str(MAX_BODY_BYTES), error.message)

    def test_size_is_checked_before_anything_else(self):
        self.assertBodyError(b"\xff" * (MAX_BODY_BYTES + 1), "too_large")
        self.assertBodyError(b"[" * (MAX_BODY_BYTES + 1), "too_large")


class EncodingAndSyntaxTest(BodyErrorCase):
    def test_empty_bodies(self):
        for raw in (b"", b" ", b"\r\n\t "):
            with self.subTest(raw=raw):
                self.assertEqual(self.assertBodyError(raw, "empty").http_status, 400)

    def test_truncated_json(self):
        full = (FIXTURES / "webhook_inbound_text.json").read_bytes()
        for cut in (1, 10, len(full) // 2, len(full) - 4):
            with self.subTest(cut=cut):
                self.assertBodyError(full[:cut], "not_json")
        for raw in (b"{", b'{"object":', b"not json", b"{'a': 1}", b'{"a":1,}', b'{"a":1} trailing'):
            with self.subTest(raw=raw):
                self.assertEqual(self.assertBodyError(raw, "not_json").http_status, 400)

    def test_latin1_bytes_are_not_utf8(self):
        raw = '{"text":{"body":"Olá, ação"}}'.encode("latin-1")
        error = self.assertBodyError(raw, "not_utf8")
        self.assertEqual(error.http_status, 400)
        self.assertEqual(decode_body('{"text":{"body":"Olá, ação"}}'.encode("utf-8"))["text"]["body"], "Olá, ação")

    def test_invalid_utf8_sequences(self):
        for raw in (b'{"a":"\xc3"}', b'{"a":"\xed\xa0\x80"}', b"\xfe\xff{}"):
            with self.subTest(raw=raw):
                self.assertBodyError(raw, "not_utf8")

    def test_oversized_integer_is_not_json_rather_than_a_crash(self):
        if not hasattr(sys, "get_int_max_str_digits") or not sys.get_int_max_str_digits():
            self.skipTest("no integer digit limit in this interpreter")
        self.assertBodyError(b'{"a":' + b"1" * (sys.get_int_max_str_digits() + 1) + b"}", "not_json")

    def test_byte_order_mark_is_tolerated(self):
        self.assertEqual(decode_body(b"\xef\xbb\xbf{\"a\":1}"), {"a": 1})


class DepthTest(BodyErrorCase):
    def test_100000_levels_are_too_deep_without_crashing(self):
        started = time.monotonic()
        for raw in (b"[" * 100000 + b"]" * 100000, b'{"a":' * 100000 + b"1" + b"}" * 100000,
                    b"[" * 100000, b'{"object":"whatsapp_business_account","entry":' + b"[" * 100000):
            with self.subTest(raw=raw[:20]):
                self.assertEqual(self.assertBodyError(raw, "too_deep").http_status, 400)
        self.assertLess(time.monotonic() - started, 5)

    def test_depth_boundary(self):
        self.assertEqual(MAX_DEPTH, 64)
        ok = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
        self.assertIsInstance(decode_body(ok), list)
        self.assertBodyError(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "too_deep")
        mixed = b'{"a":[' * (MAX_DEPTH // 2) + b"0" + b"]}" * (MAX_DEPTH // 2)
        self.assertIsInstance(decode_body(mixed), dict)
        self.assertBodyError(b'{"b":' + mixed + b"}", "too_deep")

    def test_many_flat_brackets_are_not_deep(self):
        raw = b"[" + b",".join([b"[]"] * 50000) + b"]"
        self.assertEqual(len(decode_body(raw)), 50000)

    def test_brackets_inside_strings_do_not_count(self):
        self.assertEqual(decode_body(b'{"a":"' + b"[{" * 5000 + b'"}')["a"], "[{" * 5000)
        escaped = b'{"a":"\\"' + b"[" * 100 + b'\\\\"}'
        self.assertEqual(decode_body(escaped)["a"], '"' + "[" * 100 + "\\")
        # The string ends after an escaped backslash: the brackets after it are real and too deep.
        self.assertBodyError(b'{"a":"x\\\\","b":' + b"[" * 70 + b"]" * 70 + b"}", "too_deep")
        # An escaped quote does not end the string: these brackets stay inside it.
        self.assertEqual(decode_body(b'{"a":"x\\"' + b"[" * 70 + b'"}')["a"], 'x"' + "[" * 70)

    def test_recursion_error_of_the_decoder_is_reported_as_too_deep(self):
        # With the pre-scan disabled (huge limit), Python's own decoder hits its recursion limit.
        self.assertBodyError(b"[" * 100000 + b"]" * 100000, "too_deep", max_depth=10 ** 9)


class ShapeIsNotABodyErrorTest(unittest.TestCase):
    def test_every_fixture_decodes_to_what_json_loads_gives(self):
        names = sorted(FIXTURES.glob("webhook_*.json"))
        self.assertTrue(names)
        for path in names:
            with self.subTest(path.name):
                raw = path.read_bytes()
                self.assertEqual(decode_body(raw), json.loads(raw))

    def test_unexpected_shapes_decode(self):
        for raw, expected in ((b"[1,2]", [1, 2]), (b'"x"', "x"), (b"42", 42), (b"null", None), (b"{}", {}),
                              (b'{"object":"page"}', {"object": "page"})):
            with self.subTest(raw=raw):
                self.assertEqual(decode_body(raw), expected)

    def test_bytes_like_input_and_text_refused(self):
        self.assertEqual(decode_body(bytearray(b'{"a":1}')), {"a": 1})
        self.assertEqual(decode_body(memoryview(b'{"a":1}')), {"a": 1})
        with self.assertRaises(TypeError):
            decode_body('{"a":1}')

    def test_body_error_carries_kind_and_message(self):
        error = BodyError("not_json", "bad")
        self.assertEqual((error.kind, error.message, str(error)), ("not_json", "bad", "bad"))
        self.assertIn("not_json", repr(error))
        self.assertIsInstance(error, ValueError)


if __name__ == "__main__":
    unittest.main()
