import json
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

from graph import (  # noqa: E402
    ERROR_TABLE,
    NEEDS_TEMPLATE,
    PERMANENT,
    REAUTHORIZE,
    RETRYABLE,
    GraphConnectionError,
    GraphError,
    GraphTimeout,
    GraphUncertainError,
    explain,
    parse_error,
)

FIXTURES = REPO / "test" / "fixtures" / "meta"

# CONTRACT.md §1.4, typed by hand: code → contract class ("A/F" → A, "S/U" → S, "ignore" → F).
CONTRACT_CODES = {
    0: "A", 190: "A", 3: "A", 10: "A", 200: "A", 4: "R", 80007: "R", 130429: "R", 131056: "R-pair",
    131048: "S", 133016: "R", 368: "S", 130497: "S", 131031: "S", 1: "R", 2: "R", 33: "F", 100: "F",
    130472: "U", 131000: "R", 131005: "A", 131008: "F", 131009: "F", 131016: "R", 131021: "F", 131026: "U",
    131037: "S", 131042: "S", 131045: "S", 131047: "T", 131049: "U", 131050: "U", 131051: "F", 131052: "U",
    131053: "F", 131057: "R", 131060: "U", 132000: "F", 132001: "F", 132005: "F", 132007: "F", 132012: "F",
    132015: "S", 132016: "S", 132068: "F", 132069: "F", 133000: "F", 133004: "R", 133005: "F", 133006: "F",
    133008: "R", 133009: "R", 133010: "F", 133015: "R", 135000: "F", 136024: "F", 137000: "U",
}
EXPECTED_CATEGORY = {"R": RETRYABLE, "R-pair": RETRYABLE, "A": REAUTHORIZE, "T": NEEDS_TEMPLATE,
                     "F": PERMANENT, "S": PERMANENT, "U": PERMANENT}

# Fixture file → (HTTP status it is documented with, code, category).
ERROR_FIXTURES = {
    "graph_error_130429_rate_limit.json": (400, 130429, RETRYABLE),
    "graph_error_131047.json": (400, 131047, NEEDS_TEMPLATE),
    "graph_error_190_token_expired.json": (401, 190, REAUTHORIZE),
}


def envelope(**error):
    return json.dumps({"error": error}).encode()


class FixtureErrorsTest(unittest.TestCase):
    def test_fixture_folder_is_beside_the_repo(self):
        self.assertTrue(FIXTURES.is_dir(), f"Meta fixtures expected at {FIXTURES.resolve()}")

    def test_every_error_fixture_is_known_to_this_test(self):
        found = {path.name for path in FIXTURES.glob("graph_error_*.json")}
        self.assertTrue(found, "no graph_error_*.json fixture found")
        self.assertEqual(found, set(ERROR_FIXTURES), "a new error fixture needs an expectation here")

    def test_each_fixture_parses_to_its_code_category_and_trace(self):
        for name, (status, code, category) in ERROR_FIXTURES.items():
            with self.subTest(name):
                raw = (FIXTURES / name).read_bytes()
                envelope_ = json.loads(raw)["error"]
                error = parse_error(status, {}, raw)
                self.assertIsInstance(error, GraphError)
                self.assertEqual(error.code, code)
                self.assertEqual(error.category, category)
                self.assertEqual(error.fbtrace_id, envelope_["fbtrace_id"])
                self.assertEqual(error.http_status, status)
                self.assertEqual(error.subcode, envelope_.get("error_subcode"))
                self.assertIn(envelope_["fbtrace_id"], str(error))

    def test_details_and_title_come_from_the_envelope(self):
        error = parse_error(400, {}, (FIXTURES / "graph_error_131047.json").read_bytes())
        self.assertEqual(error.title, "Re-engagement message")
        self.assertIn("24 hours", error.details)
        self.assertEqual(error.error_type, "OAuthException")
        self.assertIn("24 hours", error.explanation("en"), "Meta's details are shown to the admin")
        self.assertIn("plantilla", error.explanation("es"))

    def test_expired_token_subcode_refines_the_explanation(self):
        error = parse_error(401, {}, (FIXTURES / "graph_error_190_token_expired.json").read_bytes())
        self.assertEqual(error.subcode, 463)
        self.assertIn("expired", error.explanation("en"))
        self.assertIn("caducó", error.explanation("es"))
        self.assertIn("Reconnect", error.fix("en"))
        invalid = parse_error(401, {}, envelope(code=190, error_subcode=467, message="Invalid"))
        self.assertIn("invalid", invalid.explanation("en"))
        self.assertNotEqual(invalid.explanation("en"), error.explanation("en"))


class ErrorTableTest(unittest.TestCase):
    def test_every_contract_code_has_an_entry_in_both_languages(self):
        for code, action in CONTRACT_CODES.items():
            with self.subTest(code=code):
                self.assertIn(code, ERROR_TABLE)
                info = ERROR_TABLE[code]
                self.assertEqual(info.action, action)
                self.assertEqual(info.category, EXPECTED_CATEGORY[action])
                for lang in ("en", "es"):
                    explanation, fix = explain(code, lang)
                    self.assertTrue(explanation.strip() and fix.strip(), f"{code} {lang} texts empty")
                self.assertNotEqual(explain(code, "en"), explain(code, "es"), "Spanish must not be a copy")

    def test_permission_range_200_to_299_needs_reauthorization(self):
        for code in (200, 201, 250, 299):
            self.assertEqual(ERROR_TABLE[code].category, REAUTHORIZE)
        self.assertNotIn(300, ERROR_TABLE)
        self.assertNotIn(199, ERROR_TABLE)

    def test_retry_caps_of_the_contract(self):
        self.assertEqual(ERROR_TABLE[1].max_retries, 1, "code 1: retry once, then give up")
        self.assertTrue(1 <= ERROR_TABLE[131000].max_retries <= 3, "131000: a few times")
        self.assertIsNone(ERROR_TABLE[130429].max_retries)

    def test_language_variants_and_fallback(self):
        self.assertEqual(explain(131047, "es_AR"), explain(131047, "es"))
        self.assertEqual(explain(131047, "fr"), explain(131047, "en"))
        self.assertEqual(explain("131047", "en"), explain(131047, "en"))

    def test_unknown_code_includes_metas_own_message(self):
        for lang in ("en", "es"):
            explanation, fix = explain(999999, lang, message="(#999999) Something new")
            self.assertIn("999999", explanation)
            self.assertIn("Something new", explanation)
            self.assertTrue(fix)
        error = parse_error(400, {}, envelope(code=999999, message="(#999999) Brand new failure"))
        self.assertIn("Brand new failure", error.explanation("es"))
        self.assertEqual(error.category, PERMANENT)


class ParseErrorTest(unittest.TestCase):
    def test_error_data_may_be_a_plain_string(self):
        error = parse_error(400, {}, envelope(code=100, message="(#100) Invalid parameter",
                                              error_data="Template name is invalid"))
        self.assertEqual(error.details, "Template name is invalid")
        self.assertEqual(error.category, PERMANENT)

    def test_missing_fields_and_string_numbers(self):
        error = parse_error(400, {}, envelope(code="131047", error_subcode="2494010"))
        self.assertEqual(error.code, 131047)
        self.assertEqual(error.subcode, 2494010)
        self.assertEqual(error.category, NEEDS_TEMPLATE)
        self.assertIsNone(error.fbtrace_id)
        self.assertIsNone(error.details)
        self.assertTrue(error.message)
        bare = parse_error(400, {}, b'{"error": {}}')
        self.assertIsNone(bare.code)
        self.assertEqual(bare.category, PERMANENT)

    def test_optional_generic_graph_fields(self):
        error = parse_error(400, {}, envelope(code=2, message="(#2) Service temporarily unavailable",
                                              is_transient=True, error_user_title="Try later",
                                              error_user_msg="Please retry"))
        self.assertTrue(error.is_transient)
        self.assertEqual(error.title, "Try later")
        self.assertEqual(error.user_message, "Please retry")
        self.assertEqual(error.category, RETRYABLE)

    def test_unknown_transient_code_is_retryable(self):
        self.assertEqual(parse_error(400, {}, envelope(code=424242, is_transient=True)).category, RETRYABLE)
        self.assertEqual(parse_error(503, {}, envelope(code=424242)).category, RETRYABLE)
        self.assertEqual(parse_error(400, {}, envelope(code=424242)).category, PERMANENT)

    def test_html_error_page(self):
        page = b"<!DOCTYPE html><html><body><h1>Sorry, something went wrong.</h1></body></html>"
        error = parse_error(502, {"Content-Type": "text/html"}, page)
        self.assertIsNone(error.code)
        self.assertIn("Meta answered HTTP 502 with an HTML page instead of JSON", str(error))
        self.assertEqual(error.category, RETRYABLE)
        self.assertIn("502", error.explanation("en"))
        self.assertIn("502", error.explanation("es"))
        self.assertEqual(parse_error(404, {}, page).category, PERMANENT)

    def test_malformed_json_and_empty_bodies(self):
        error = parse_error(500, {}, b'{"error": {"code": 131000, "mess')
        self.assertIsNone(error.code)
        self.assertIn("not valid JSON", error.message)
        self.assertEqual(error.category, RETRYABLE)
        self.assertEqual(parse_error(429, {}, b"").category, RETRYABLE)
        self.assertIn("empty body", parse_error(429, {}, b"").message)
        self.assertEqual(parse_error(400, {}, b"nonsense").category, PERMANENT)
        self.assertIn("no error object", parse_error(500, {}, b"[1, 2]").message)

    def test_oauth_style_string_error(self):
        error = parse_error(400, {}, b'{"error": "invalid_request", "error_description": "code expired"}')
        self.assertEqual(error.message, "code expired")

    def test_retry_after_header_and_business_usage_header(self):
        error = parse_error(429, {"retry-after": "17"}, envelope(code=4, message="(#4) Application request limit"))
        self.assertEqual(error.retry_after, 17)
        usage = json.dumps({"100000000000001": [{"type": "whatsapp_business_management", "call_count": 100,
                                                 "total_cputime": 3, "total_time": 4,
                                                 "estimated_time_to_regain_access": 5}]})
        error = parse_error(400, {"X-Business-Use-Case-Usage": usage}, envelope(code=80007))
        self.assertEqual(error.retry_after, 300, "estimated_time_to_regain_access is in minutes")
        self.assertIsNone(parse_error(400, {"Retry-After": "17"}, envelope(code=100)).retry_after)
        self.assertIsNone(parse_error(400, {"X-Business-Use-Case-Usage": "not json"}, envelope(code=80007)).retry_after)

    def test_table_waits_and_details_waits(self):
        self.assertEqual(parse_error(500, {}, envelope(code=131057)).retry_after, 60)
        error = parse_error(400, {}, envelope(code=133008, error_data={"details": "Try again in 2 hours."}))
        self.assertEqual(error.retry_after, 7200)


class TransportErrorsTest(unittest.TestCase):
    def test_timeouts_and_connection_errors_are_retryable_graph_errors(self):
        for cls in (GraphTimeout, GraphConnectionError):
            error = cls("GET /v25.0/123: no answer")
            self.assertIsInstance(error, GraphError)
            self.assertEqual(error.category, RETRYABLE)
            self.assertIsNone(error.code)
            self.assertTrue(error.explanation("es"))

    def test_uncertain_error_is_never_retryable_and_says_so(self):
        error = GraphUncertainError("POST /v25.0/123/register: connection dropped")
        self.assertIsInstance(error, GraphError)
        self.assertNotEqual(error.category, RETRYABLE)
        self.assertTrue(error.uncertain)
        self.assertIn("may or may not have been carried out", error.explanation("en"))
        self.assertIn("puede que se haya realizado o no", error.explanation("es"))


if __name__ == "__main__":
    unittest.main()
