"""The contract fixtures of test/contract/: real answers of the addon's JSON routes, made stable.

Ids, dates and one-time values change from run to run; they are replaced by fixed values of the
same type so that a committed fixture differs from a fresh one only when a payload's shape or
wording changed.
"""

import json
import time
from pathlib import Path

from odoo.http import _generate_routing_rules

# addon/cusoft_whatsapp/tests → the repository's test/contract (absent when the addon is installed
# on its own: then answers are produced and checked for shape, but nothing is compared or written).
CONTRACT_DIR = Path(__file__).resolve().parents[3] / "test" / "contract"
ROUTE_PREFIX = "/cusoft_whatsapp/"
FIXED_DATETIME = "2026-11-25 09:57:00"
ID_KEYS = {"id": 7, "account_id": 7, "onboarding_id": 3}
HIDDEN_STRINGS = {"verify_token": "<verify token>", "pin": "123456"}
# `state` is an account's state everywhere but in the answer that opens Embedded Signup.
HIDDEN_BY_ROUTE = {"/cusoft_whatsapp/signup/start": {"state": "<one-time state>"}}


def json_routes(module="cusoft_whatsapp"):
    """Every route of `module` the browser calls with JSON-RPC."""
    return sorted({
        url for url, endpoint in _generate_routing_rules([module], nodb_only=False)
        if endpoint.routing.get("type") == "json"
    })


# Multipart http routes whose JSON answers the browser parses (ChatApi.uploadFile): they have a
# contract too, though json_routes() cannot see them.
HTTP_JSON_ROUTES = ["/cusoft_whatsapp/chat/attachment"]


def answered_routes():
    """Every route of cusoft_whatsapp whose answers the contract fixtures keep."""
    return sorted(json_routes() + HTTP_JSON_ROUTES)


def fixture_path(route):
    return CONTRACT_DIR / (route.removeprefix(ROUTE_PREFIX).replace("/", "_") + ".json")


class Normalizer:
    """Maps each real id to one stable number per key kind, in order of appearance, and every
    one-time string to a placeholder (also inside other strings, e.g. the state in a URL)."""

    def __init__(self, hidden):
        self.hidden = hidden
        self.ids = {}
        self.strings = {}

    def __call__(self, value, key=None):
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(item, key) for item in value]
        if key in ID_KEYS and isinstance(value, int) and not isinstance(value, bool):
            kind = "onboarding" if key == "onboarding_id" else "record"
            seen = self.ids.setdefault(kind, {})
            return seen.setdefault(value, ID_KEYS[key] + len(seen))
        if isinstance(value, str):
            if key and key.endswith("_at") and _is_datetime(value):
                return FIXED_DATETIME
            if key in self.hidden and value:
                self.strings[value] = self.hidden[key]
                return self.hidden[key]
        return value

    def finish(self, value):
        """Second pass: one-time strings that appear inside others."""
        if isinstance(value, dict):
            return {k: self.finish(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.finish(item) for item in value]
        if isinstance(value, str):
            for secret, placeholder in self.strings.items():
                value = value.replace(secret, placeholder)
        return value


def _is_datetime(value):
    try:
        time.strptime(value, "%Y-%m-%d %H:%M:%S")
        return True
    except ValueError:
        return False


def render(route, answers):
    """The text of a route's fixture: its answers by situation, normalized, sorted, pretty."""
    normalize = Normalizer({**HIDDEN_STRINGS, **HIDDEN_BY_ROUTE.get(route, {})})
    normalized = normalize.finish(normalize(answers))
    document = {"route": route, "answers": normalized}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
