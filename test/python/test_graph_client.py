import json
import logging
import socket
import sys
import traceback
import unittest
from contextlib import contextmanager
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))
# Appended, not prepended: the addon's Odoo test modules must never shadow this tier's.
sys.path.append(str(REPO / "addon" / "cusoft_whatsapp" / "tests"))

from graph import (  # noqa: E402
    NEEDS_TEMPLATE,
    PERMANENT,
    REAUTHORIZE,
    RETRYABLE,
    GraphClient,
    GraphConnectionError,
    GraphError,
    GraphTimeout,
    GraphUncertainError,
)
from fake_graph import FakeGraphServer, Reply  # noqa: E402

# The client's retry warnings are expected here; tests that care capture them with assertLogs.
logging.getLogger("graph").addHandler(logging.NullHandler())

FIXTURES = REPO / "test" / "fixtures" / "meta"
TOKEN = "EAAG-client-test-token-4f9a8b7c6d5e"
EXPIRED_TOKEN = "EAAG-expired-token-0a1b2c3d4e"
APP_ID = "900000000000001"
APP_SECRET = "app-secret-5e6f7a8b9c0d"
PIN = "482913"
CODE = "AQBes-signup-code-31a2b3c4d5"
VERIFY_TOKEN = "verify-token-77aa88bb"
SECRETS = (TOKEN, EXPIRED_TOKEN, APP_SECRET, PIN, CODE, VERIFY_TOKEN)
WABA = "100000000000001"
NUMBER = "110000000000001"
MESSAGES = f"{NUMBER}/messages"
SEND = {"messaging_product": "whatsapp", "to": "+15550009876", "type": "text", "text": {"body": "hi"}}


def fixture_reply(name, status):
    return Reply.json(json.loads((FIXTURES / name).read_text()), status=status)


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GraphCase(unittest.TestCase):
    def setUp(self):
        self.server = FakeGraphServer(tokens=[TOKEN], expired_tokens=[EXPIRED_TOKEN], apps={APP_ID: APP_SECRET})
        self.server.start()
        self.addCleanup(self.server.stop)
        self.sleeps = []
        self.calls = []

    def client(self, token=TOKEN, **options):
        settings = {
            "base_url": self.server.base_url, "sleep": self.sleeps.append, "random": lambda: 0.999,
            "on_call": self.calls.append, "timeout": (2, 2),
        }
        settings.update(options)
        client = GraphClient(token, **settings)
        self.addCleanup(client.close)
        return client

    @contextmanager
    def all_logs(self):
        """Every log record of every logger at DEBUG, as text, into the yielded list."""
        text = []
        with self.assertLogs(level="DEBUG") as captured:
            yield text
        for record in captured.records:
            text.append(f"{record.name}: {record.getMessage()}")

    def assertNoSecret(self, text, secrets=SECRETS):
        for secret in secrets:
            self.assertNotIn(secret, text)


class SuccessTest(GraphCase):
    def test_phone_number_uses_versioned_url_and_bearer_header(self):
        number = self.client().get_phone_number(NUMBER)
        self.assertEqual(number["quality_rating"], "GREEN")
        self.assertEqual(number["whatsapp_business_manager_messaging_limit"], "TIER_2K")
        [request] = self.server.requests
        self.assertEqual(request.path, f"/v25.0/{NUMBER}")
        self.assertEqual(request.headers["authorization"], f"Bearer {TOKEN}")
        self.assertNotIn(TOKEN, request.target)
        fields = request.query["fields"].split(",")
        self.assertIn("whatsapp_business_manager_messaging_limit", fields)
        self.assertNotIn("messaging_limit_tier", fields, "deprecated field")
        for field in ("quality_rating", "status", "name_status", "code_verification_status", "platform_type",
                      "throughput", "account_mode", "webhook_configuration", "verified_name"):
            self.assertIn(field, fields)

    def test_version_setting_is_used(self):
        self.client(version="v26.0").get_phone_number(NUMBER)
        self.assertEqual(self.server.requests[0].path, f"/v26.0/{NUMBER}")

    def test_generic_calls_and_one_session_per_client(self):
        class CountingSession(requests.Session):
            count = 0

            def request(self, *args, **kwargs):
                CountingSession.count += 1
                return super().request(*args, **kwargs)

        client = self.client(session=CountingSession())
        self.assertEqual(client.get(NUMBER, {"fields": "status"}), {"status": "CONNECTED", "id": NUMBER})
        sent = client.post(MESSAGES, json=SEND)
        self.assertTrue(sent["messages"][0]["id"].startswith("wamid."))
        self.assertEqual(client.delete(f"{WABA}/subscribed_apps"), {"success": True})
        self.assertEqual(CountingSession.count, 3)
        self.assertEqual(self.server.requests[1].json, SEND)

    def test_register_subscribe_and_unsubscribe(self):
        client = self.client()
        self.assertEqual(client.register_phone("110000000000002", PIN), {"success": True})
        self.assertEqual(self.server.requests[-1].json, {"messaging_product": "whatsapp", "pin": PIN})
        self.assertEqual(self.server.graph.phone_numbers["110000000000002"]["platform_type"], "CLOUD_API")
        self.assertEqual(client.subscribe_app(WABA, "https://erp.example.com/wh", VERIFY_TOKEN), {"success": True})
        [app] = client.list_subscribed_apps(WABA)
        self.assertEqual(app["override_callback_uri"], "https://erp.example.com/wh")
        client.subscribe_app(WABA)
        self.assertIsNone(self.server.requests[-1].json, "no body: Meta drops the override")
        self.assertNotIn("override_callback_uri", client.list_subscribed_apps(WABA)[0])
        client.unsubscribe_app(WABA)
        self.assertEqual(client.list_subscribed_apps(WABA), [])

    def test_argument_checks_never_echo_secrets(self):
        client = self.client()
        with self.assertRaises(ValueError) as caught:
            client.register_phone(NUMBER, "12345x")
        self.assertNotIn("12345x", str(caught.exception))
        with self.assertRaises(ValueError):
            client.subscribe_app(WABA, override_callback_uri="https://erp.example.com/wh")
        for bad in ("../debug_token", "", "1/2"):
            with self.assertRaises(ValueError):
                client.get_phone_number(bad)
        with self.assertRaises(ValueError):
            client.get("v25.0/123")
        with self.assertRaises(ValueError):
            client.get(f"{NUMBER}?access_token={TOKEN}")
        with self.assertRaises(ValueError):
            GraphClient(TOKEN, version="25")
        self.assertEqual(self.server.requests, [])

    def test_client_repr_hides_the_token(self):
        self.assertNotIn(TOKEN, repr(self.client()))

    def test_bare_version_number_is_accepted(self):
        self.client(version="24.0").get_phone_number(NUMBER)
        self.assertEqual(self.server.requests[0].path, f"/v24.0/{NUMBER}")

    def test_unusable_graph_url_is_a_permanent_error_with_a_fix(self):
        with self.assertRaises(GraphError) as caught:
            self.client(base_url="graph.facebook.com").get_phone_number(NUMBER)
        self.assertEqual(caught.exception.category, PERMANENT)
        self.assertIn("Graph URL", caught.exception.fix("en"))
        self.assertIn("URL de Graph", caught.exception.fix("es"))
        self.assertEqual(self.sleeps, [])

    def test_calls_needing_the_account_token_refuse_to_run_without_one(self):
        with self.assertRaises(ValueError):
            self.client(token=None).get_phone_number(NUMBER)


class PagingTest(GraphCase):
    def test_templates_follow_every_page(self):
        templates = self.client().list_templates(WABA, limit=1)
        self.assertEqual([t["name"] for t in templates],
                         ["order_ready_pickup", "spring_promo", "delivery_slot_reminder"])
        requests_ = self.server.requests_to("GET", f"{WABA}/message_templates")
        self.assertEqual(len(requests_), 3)
        self.assertNotIn("after", requests_[0].query)
        self.assertTrue(requests_[1].query["after"])
        self.assertNotEqual(requests_[1].query["after"], requests_[2].query["after"])

    def test_phone_numbers_list(self):
        numbers = self.client().list_phone_numbers(WABA, limit=1)
        self.assertEqual([n["id"] for n in numbers], [NUMBER, "110000000000002"])
        self.assertEqual(len(self.server.requests), 2)

    def test_next_link_host_is_never_contacted(self):
        page = {"data": [{"id": "1"}], "paging": {
            "cursors": {"after": "Y3Vyc29yOjE"},
            "next": f"https://evil.example/v25.0/{WABA}/message_templates?access_token=x&after=Y3Vyc29yOjE"}}
        self.server.enqueue("GET", f"{WABA}/message_templates", Reply.json(page))
        templates = self.client().list_templates(WABA)
        self.assertEqual([t["id"] for t in templates], ["1", "1300000000000003", "1300000000000001"])
        second = self.server.requests[1]
        self.assertEqual(second.query["after"], "Y3Vyc29yOjE")
        self.assertNotIn("access_token", second.query)

    def test_paging_that_repeats_itself_fails_instead_of_looping(self):
        page = {"data": [{"id": "1"}], "paging": {"next": f"{self.server.base_url}/v25.0/x?after=SAME"}}
        self.server.enqueue("GET", f"{WABA}/message_templates", Reply.json(page), Reply.json(page))
        with self.assertRaises(GraphError) as caught:
            self.client().list_templates(WABA)
        self.assertIn("repeats", str(caught.exception))
        self.assertIn("paginación", caught.exception.explanation("es"))


class MetaErrorTest(GraphCase):
    def test_expired_token_needs_reauthorization_and_is_not_retried(self):
        with self.assertRaises(GraphError) as caught:
            self.client(token=EXPIRED_TOKEN).get_phone_number(NUMBER)
        error = caught.exception
        self.assertEqual((error.code, error.subcode, error.http_status), (190, 463, 401))
        self.assertEqual(error.category, REAUTHORIZE)
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual(self.sleeps, [])

    def test_unknown_token_is_rejected_with_190(self):
        with self.assertRaises(GraphError) as caught:
            self.client(token="EAAG-not-a-token-of-this-server").get_phone_number(NUMBER)
        self.assertEqual((caught.exception.code, caught.exception.category), (190, REAUTHORIZE))

    def test_outside_window_needs_a_template(self):
        self.server.enqueue("POST", MESSAGES, fixture_reply("graph_error_131047.json", 400))
        with self.assertRaises(GraphError) as caught:
            self.client().post(MESSAGES, json=SEND)
        self.assertEqual(caught.exception.category, NEEDS_TEMPLATE)
        self.assertEqual(caught.exception.fbtrace_id, "AbCdEfGhIjKlMnOpQrStUv1")
        self.assertEqual(len(self.server.requests), 1)

    def test_throughput_error_is_retried_with_growing_waits_and_retry_after(self):
        rate_limit = fixture_reply("graph_error_130429_rate_limit.json", 400)
        slow_down = Reply.error(130429, headers={"Retry-After": "7"})
        self.server.enqueue("POST", MESSAGES, rate_limit, rate_limit, slow_down)
        sent = self.client().post(MESSAGES, json=SEND)
        self.assertIn("messages", sent)
        self.assertEqual(len(self.server.requests_to("POST", MESSAGES)), 4)
        self.assertEqual(len(self.sleeps), 3)
        self.assertAlmostEqual(self.sleeps[0], 0.999)
        self.assertAlmostEqual(self.sleeps[1], 1.998)
        self.assertEqual(self.sleeps[2], 7, "Retry-After beats the shorter backoff")
        self.assertEqual([c["attempt"] for c in self.calls], [1, 2, 3, 4])
        self.assertEqual([c["http_status"] for c in self.calls], [400, 400, 400, 200])
        self.assertEqual([c["error_code"] for c in self.calls], [130429, 130429, 130429, None])

    def test_backoff_doubles_up_to_the_cap_with_full_jitter(self):
        self.server.enqueue("GET", NUMBER, *[Reply.error(130429) for _ in range(6)])
        self.client(max_retries=6).get_phone_number(NUMBER)
        self.assertEqual([round(s, 3) for s in self.sleeps], [0.999, 1.998, 3.996, 7.992, 15.984, 29.97])
        self.sleeps.clear()
        self.server.enqueue("GET", NUMBER, Reply.error(2), Reply.error(2))
        self.client(random=lambda: 0.25).get_phone_number(NUMBER)
        self.assertEqual(self.sleeps, [0.25, 0.5])

    def test_wait_longer_than_max_wait_raises_at_once_with_retry_after(self):
        self.server.enqueue("GET", NUMBER, Reply.error(4, status=429, headers={"Retry-After": "120"}))
        with self.assertRaises(GraphError) as caught:
            self.client().get_phone_number(NUMBER)
        self.assertEqual(caught.exception.retry_after, 120)
        self.assertEqual(caught.exception.category, RETRYABLE)
        self.assertEqual(self.sleeps, [])
        self.assertEqual(len(self.server.requests), 1)

    def test_business_use_case_header_sets_the_wait(self):
        usage = json.dumps({WABA: [{"type": "whatsapp_business_management", "call_count": 100,
                                    "total_cputime": 1, "total_time": 1, "estimated_time_to_regain_access": 2}]})
        self.server.enqueue("GET", NUMBER, Reply.error(80007, headers={"X-Business-Use-Case-Usage": usage}))
        self.client(max_wait=300).get_phone_number(NUMBER)
        self.assertEqual(self.sleeps, [120])
        self.assertEqual(len(self.server.requests), 2)

    def test_pair_rate_limit_waits_four_to_the_n(self):
        self.server.enqueue("POST", MESSAGES, Reply.error(131056), Reply.error(131056))
        self.client().post(MESSAGES, json=SEND)
        self.assertEqual(self.sleeps, [1, 4])

    def test_permanent_error_is_not_retried(self):
        self.server.enqueue("GET", NUMBER, Reply.error(100, details="Unknown field"), Reply.json({}))
        with self.assertRaises(GraphError) as caught:
            self.client().get_phone_number(NUMBER)
        self.assertEqual((caught.exception.code, caught.exception.category), (100, PERMANENT))
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual(self.sleeps, [])

    def test_code_1_is_retried_only_once(self):
        self.server.enqueue("GET", NUMBER, Reply.error(1), Reply.error(1), Reply.error(1))
        with self.assertRaises(GraphError) as caught:
            self.client(max_retries=3).get_phone_number(NUMBER)
        self.assertEqual(caught.exception.code, 1)
        self.assertEqual(caught.exception.attempts, 2)
        self.assertEqual(len(self.server.requests), 2)

    def test_non_idempotent_post_is_retried_when_meta_rejected_it(self):
        self.server.enqueue("POST", MESSAGES, Reply.error(131016, status=503))
        self.client().post(MESSAGES, json=SEND)
        self.assertEqual(len(self.server.requests_to("POST", MESSAGES)), 2)


class BrokenAnswerTest(GraphCase):
    def test_malformed_json_on_success_is_a_clear_error(self):
        self.server.enqueue("GET", NUMBER, Reply.malformed())
        with self.assertRaises(GraphError) as caught:
            self.client().get_phone_number(NUMBER)
        self.assertIn("not valid JSON", str(caught.exception))
        self.assertIsNone(caught.exception.code)
        self.assertEqual(len(self.server.requests), 1)

    def test_html_page_on_get_is_retried_then_reported(self):
        self.server.enqueue("GET", NUMBER, Reply.html(502), Reply.html(502))
        with self.assertRaises(GraphError) as caught:
            self.client(max_retries=1).get_phone_number(NUMBER)
        self.assertIn("Meta answered HTTP 502 with an HTML page instead of JSON", str(caught.exception))
        self.assertEqual(caught.exception.category, RETRYABLE)
        self.assertEqual(len(self.server.requests), 2)

    def test_html_page_on_non_idempotent_post_is_uncertain(self):
        self.server.enqueue("POST", MESSAGES, Reply.html(504))
        with self.assertRaises(GraphUncertainError) as caught:
            self.client().post(MESSAGES, json=SEND)
        self.assertEqual(caught.exception.http_status, 504)
        self.assertEqual(len(self.server.requests), 1)


class TransportTest(GraphCase):
    def test_get_timeout_is_retried_then_raises_graph_timeout(self):
        self.server.enqueue("GET", NUMBER, *[Reply.json({}, delay=2) for _ in range(3)])
        with self.assertRaises(GraphTimeout) as caught:
            self.client(timeout=(1, 0.2), max_retries=2).get_phone_number(NUMBER)
        self.assertEqual(caught.exception.category, RETRYABLE)
        self.assertEqual(len(self.server.requests), 3)
        self.assertEqual(len(self.sleeps), 2)
        self.assertEqual([c["http_status"] for c in self.calls], [None, None, None])

    def test_non_idempotent_post_timeout_is_uncertain_and_sent_once(self):
        self.server.enqueue("POST", MESSAGES, Reply.json({}, delay=2))
        with self.assertRaises(GraphUncertainError) as caught:
            self.client(timeout=(1, 0.2)).post(MESSAGES, json=SEND)
        self.assertIn("may have been carried out or not", str(caught.exception))
        self.assertNotEqual(caught.exception.category, RETRYABLE)
        self.assertEqual(len(self.server.requests_to("POST", MESSAGES)), 1)
        self.assertEqual(self.sleeps, [])

    def test_register_and_code_exchange_are_never_repeated_after_a_timeout(self):
        self.server.enqueue("POST", f"{NUMBER}/register", Reply.json({}, delay=2))
        self.server.enqueue("GET", "oauth/access_token", Reply.json({}, delay=2))
        client = self.client(timeout=(1, 0.2))
        with self.assertRaises(GraphUncertainError):
            client.register_phone(NUMBER, PIN)
        with self.assertRaises(GraphUncertainError):
            client.exchange_code(APP_ID, APP_SECRET, CODE)
        self.assertEqual(len(self.server.requests), 2)

    def test_idempotent_post_is_retried_after_a_timeout(self):
        self.server.enqueue("POST", f"{WABA}/subscribed_apps", Reply.json({}, delay=2))
        self.assertEqual(self.client(timeout=(1, 0.2)).subscribe_app(WABA), {"success": True})
        self.assertEqual(len(self.server.requests), 2)

    def test_dropped_connection(self):
        self.server.enqueue("GET", NUMBER, Reply.dropped())
        self.assertEqual(self.client().get_phone_number(NUMBER)["id"], NUMBER)
        self.assertEqual(len(self.sleeps), 1)
        self.server.enqueue("POST", MESSAGES, Reply.dropped())
        with self.assertRaises(GraphUncertainError):
            self.client().post(MESSAGES, json=SEND)
        self.assertEqual(len(self.server.requests_to("POST", MESSAGES)), 1)

    def test_refused_connection_is_retried_even_for_posts(self):
        client = self.client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=2)
        with self.assertRaises(GraphConnectionError) as caught:
            client.post(MESSAGES, json=SEND)
        self.assertEqual(caught.exception.category, RETRYABLE)
        self.assertEqual(len(self.sleeps), 2, "nothing was sent, so a retry cannot duplicate anything")


class SecrecyTest(GraphCase):
    def test_call_records_hold_no_secret_and_one_row_per_attempt(self):
        client = self.client()
        client.debug_token(TOKEN, APP_ID, APP_SECRET)
        client.exchange_code(APP_ID, APP_SECRET, CODE)
        client.register_phone("110000000000002", PIN)
        client.subscribe_app(WABA, "https://erp.example.com/wh", VERIFY_TOKEN)
        self.server.enqueue("GET", NUMBER, Reply.error(131000, status=500))
        client.get_phone_number(NUMBER)
        self.assertEqual(len(self.calls), 6)
        self.assertEqual(len(self.calls), len(self.server.requests))
        expected_keys = {"method", "path", "http_status", "error_code", "duration_ms", "attempt", "fbtrace_id"}
        for call in self.calls:
            self.assertEqual(set(call), expected_keys)
            self.assertTrue(call["path"].startswith("/v25.0/"))
        self.assertEqual(self.calls[0]["path"], "/v25.0/debug_token")
        self.assertEqual(self.calls[1]["path"], "/v25.0/oauth/access_token")
        self.assertEqual([c["attempt"] for c in self.calls[-2:]], [1, 2])
        issued = self.server.graph.tokens - {TOKEN}
        self.assertNoSecret(repr(self.calls), SECRETS + tuple(issued))

    def test_debug_token_uses_the_app_token_and_logs_no_secret(self):
        with self.all_logs() as logs:
            info = self.client().debug_token(TOKEN, APP_ID, APP_SECRET)
        self.assertTrue(info["data"]["is_valid"])
        self.assertIn(WABA, info["data"]["granular_scopes"][0]["target_ids"])
        request = self.server.requests[0]
        self.assertEqual(request.bearer, f"{APP_ID}|{APP_SECRET}")
        self.assertEqual(request.query["input_token"], TOKEN)
        text = "\n".join(logs)
        self.assertNoSecret(text)
        urllib3_lines = [line for line in logs if line.startswith("urllib3") and "debug_token" in line]
        self.assertTrue(urllib3_lines, "urllib3 logs the URL at DEBUG: the filter must have masked it")
        self.assertIn("[redacted]", urllib3_lines[0])

    def test_code_exchange_sends_no_bearer_and_logs_no_secret(self):
        with self.all_logs() as logs:
            answer = self.client(token=None).exchange_code(APP_ID, APP_SECRET, CODE)
        self.assertTrue(answer["access_token"].startswith("EAA"))
        request = self.server.requests[0]
        self.assertNotIn("authorization", request.headers)
        self.assertEqual((request.query["client_secret"], request.query["code"]), (APP_SECRET, CODE))
        self.assertNotIn("redirect_uri", request.query)
        self.assertNoSecret("\n".join(logs), SECRETS + (answer["access_token"],))
        with self.assertRaises(GraphError) as caught:
            self.client(token=None).exchange_code(APP_ID, APP_SECRET, CODE)
        self.assertEqual((caught.exception.code, caught.exception.subcode), (100, 36009))
        self.assertNoSecret(str(caught.exception) + repr(caught.exception))

    def test_wrong_app_secret_is_refused(self):
        with self.assertRaises(GraphError) as caught:
            self.client().debug_token(TOKEN, APP_ID, "not-the-app-secret")
        self.assertEqual(caught.exception.code, 190)
        self.assertNotIn("not-the-app-secret", str(caught.exception))

    def test_pin_and_verify_token_stay_out_of_logs(self):
        with self.all_logs() as logs:
            self.client().register_phone("110000000000002", PIN)
            self.client().subscribe_app(WABA, "https://erp.example.com/wh", VERIFY_TOKEN)
        self.assertNoSecret("\n".join(logs))

    def test_meta_text_echoing_a_secret_is_scrubbed(self):
        self.server.enqueue("GET", NUMBER, Reply.error(100, f"(#100) Bad token {TOKEN}", details=f"token={TOKEN}"))
        with self.all_logs() as logs, self.assertRaises(GraphError) as caught:
            self.client().get_phone_number(NUMBER)
        error = caught.exception
        shown = " ".join([str(error), repr(error), error.explanation("en"), error.explanation("es"), *logs])
        self.assertNoSecret(shown)
        self.assertIn("Bad token", error.message)

    def test_transport_failure_carries_no_url_with_secrets(self):
        client = self.client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)
        with self.all_logs() as logs, self.assertRaises(GraphConnectionError) as caught:
            client.debug_token(TOKEN, APP_ID, APP_SECRET)
        printed = "".join(traceback.format_exception(caught.exception))
        self.assertNoSecret(printed + str(caught.exception) + "\n".join(logs))
        self.assertIn("/v25.0/debug_token", str(caught.exception))

    def test_broken_on_call_hook_does_not_break_the_call(self):
        def hook(record):
            raise RuntimeError("audit table locked")

        self.assertEqual(self.client(on_call=hook).get_phone_number(NUMBER)["id"], NUMBER)


class FakeServerTest(GraphCase):
    def test_rejects_unversioned_and_unknown_versions(self):
        for path in (f"/{NUMBER}", f"/v99.0/{NUMBER}"):
            answer = requests.get(self.server.base_url + path, headers={"Authorization": f"Bearer {TOKEN}"})
            self.assertEqual(answer.status_code, 400)
            self.assertEqual(answer.json()["error"]["code"], 100)

    def test_missing_token_is_401_with_190(self):
        answer = requests.get(f"{self.server.base_url}/v25.0/{NUMBER}")
        self.assertEqual(answer.status_code, 401)
        self.assertEqual(answer.json()["error"]["code"], 190)
        self.assertTrue(answer.json()["error"]["fbtrace_id"])

    def test_unknown_objects_and_fields_like_meta(self):
        client = self.client()
        with self.assertRaises(GraphError) as caught:
            client.get_phone_number("199999999999999")
        self.assertEqual((caught.exception.code, caught.exception.subcode), (100, 33))
        with self.assertRaises(GraphError) as caught:
            client.get_phone_number(NUMBER, fields=("id", "no_such_field"))
        self.assertIn("no_such_field", str(caught.exception))

    def test_wrong_pin_on_re_registration(self):
        client = self.client()
        client.register_phone(NUMBER, PIN)
        with self.assertRaises(GraphError) as caught:
            client.register_phone(NUMBER, "000000")
        self.assertEqual((caught.exception.code, caught.exception.category), (133005, PERMANENT))

    def test_default_server_serves_the_odoo_tier_connection_test(self):
        with FakeGraphServer(tokens=[TOKEN]) as server:
            client = GraphClient(TOKEN, base_url=server.base_url, max_retries=0)
            self.addCleanup(client.close)
            self.assertEqual(client.get_phone_number(NUMBER)["quality_rating"], "GREEN")
            info = client.debug_token(TOKEN, APP_ID, "any-app-secret-of-the-test-company")["data"]
            self.assertTrue(info["is_valid"])
            self.assertIn("whatsapp_business_messaging", info["scopes"])
            self.assertEqual(info["granular_scopes"][0]["target_ids"], [WABA])
            self.assertFalse(client.debug_token("EAAG-unknown", APP_ID, "x-secret")["data"]["is_valid"])
            self.assertEqual(len(client.list_templates(WABA)), 3)

    def test_records_headers_and_body(self):
        self.client().post(MESSAGES, json=SEND)
        [request] = self.server.requests
        self.assertEqual(request.method, "POST")
        self.assertIn("application/json", request.headers["content-type"])
        self.assertEqual(json.loads(request.body), SEND)


if __name__ == "__main__":
    unittest.main()
