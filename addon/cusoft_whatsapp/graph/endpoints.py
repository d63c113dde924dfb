"""The Graph calls a WhatsApp connection needs (contract §3.4, §4, §7.1), on top of GraphClient's transport."""

import re
from urllib.parse import parse_qs, urlsplit

from .errors import local_error

# §4.2; whatsapp_business_manager_messaging_limit replaces the deprecated messaging_limit_tier.
PHONE_NUMBER_FIELDS = (
    "id", "display_phone_number", "verified_name", "quality_rating", "code_verification_status",
    "name_status", "status", "platform_type", "throughput", "whatsapp_business_manager_messaging_limit",
    "account_mode", "webhook_configuration", "last_onboarded_time", "is_on_biz_app",
    "is_official_business_account",
)
TEMPLATE_FIELDS = (
    "id", "name", "status", "category", "language", "components", "parameter_format", "sub_category",
    "quality_score", "rejected_reason",
)
MAX_PAGES = 200

_ID_RE = re.compile(r"[0-9A-Za-z_.-]+")
_PIN_RE = re.compile(r"\d{6}")


def _node(value):
    """A Graph object id safe to put in a path (ids come from the database and from Meta)."""
    text = str(value or "").strip()
    if not _ID_RE.fullmatch(text) or set(text) == {"."}:
        raise ValueError(f"Not a Graph object id: {value!r}")
    return text


class ConnectionEndpoints:
    """Mixin for GraphClient: relies on its get(), delete() and _call()."""

    def get_phone_number(self, phone_number_id, fields=PHONE_NUMBER_FIELDS):
        return self.get(_node(phone_number_id), {"fields": ",".join(fields)})

    def list_phone_numbers(self, waba_id, fields=PHONE_NUMBER_FIELDS, limit=None):
        return self._all_pages(f"{_node(waba_id)}/phone_numbers", {"fields": ",".join(fields), "limit": limit})

    def list_templates(self, waba_id, fields=TEMPLATE_FIELDS, limit=100):
        return self._all_pages(f"{_node(waba_id)}/message_templates", {"fields": ",".join(fields), "limit": limit})

    def debug_token(self, input_token, app_id, app_secret):
        """Meta's view of `input_token` (validity, expiry, scopes), asked with the app token."""
        return self._call(
            "GET", "debug_token", params={"input_token": input_token}, idempotent=True,
            token=f"{app_id}|{app_secret}", secrets=(input_token, app_secret),
        )

    def exchange_code(self, app_id, app_secret, code, redirect_uri=None):
        """Embedded Signup code → business token (§3.4). Omit redirect_uri for FB.login codes."""
        params = {"client_id": app_id, "client_secret": app_secret, "code": code}
        if redirect_uri is not None:
            params["redirect_uri"] = redirect_uri
        # The code works once: if the answer is lost, a retry could only fail, so never repeat it.
        return self._call(
            "GET", "oauth/access_token", params=params, idempotent=False, token=None, secrets=(app_secret, code),
        )

    def me(self):
        """The identity behind the token (public_profile id and name), recorded for audit."""
        return self.get("me", {"fields": "id,name"})

    def register_phone(self, phone_number_id, pin):
        pin = str(pin)
        if not _PIN_RE.fullmatch(pin):
            raise ValueError("The two-step verification PIN must be exactly 6 digits.")
        # Not idempotent: every attempt counts against Meta's register limit (133016).
        return self._call(
            "POST", f"{_node(phone_number_id)}/register", json={"messaging_product": "whatsapp", "pin": pin},
            idempotent=False, secrets=(pin,),
        )

    def subscribe_app(self, waba_id, override_callback_uri=None, verify_token=None):
        """Subscribes our app to the WABA's webhooks; no override means Meta drops any earlier one."""
        body = None
        if override_callback_uri or verify_token:
            if not (override_callback_uri and verify_token):
                raise ValueError("override_callback_uri and verify_token must be given together.")
            body = {"override_callback_uri": override_callback_uri, "verify_token": verify_token}
        # Subscribing sets a state: repeating it after a lost answer changes nothing.
        return self._call(
            "POST", f"{_node(waba_id)}/subscribed_apps", json=body, idempotent=True,
            secrets=(verify_token,) if verify_token else (),
        )

    def list_subscribed_apps(self, waba_id):
        return self._all_pages(f"{_node(waba_id)}/subscribed_apps", {})

    def unsubscribe_app(self, waba_id):
        return self.delete(f"{_node(waba_id)}/subscribed_apps")

    # ------------------------------------------------------------ internals

    def _all_pages(self, path, params):
        params = {key: value for key, value in params.items() if value is not None}
        items, seen = [], set()
        for _page in range(MAX_PAGES):
            page = self.get(path, params)
            data = page.get("data") if isinstance(page, dict) else None
            if not isinstance(data, list):
                raise local_error(f"Meta's answer for {path} holds no 'data' list", "odd_answer", 200)
            items.extend(data)
            paging = page.get("paging") or {}
            if not paging.get("next"):
                return items
            # Only the cursor is taken from `next`: its host and token are never trusted.
            after = parse_qs(urlsplit(str(paging["next"])).query).get("after", [None])[0]
            after = after or (paging.get("cursors") or {}).get("after")
            if not after or after in seen:
                raise local_error(f"Meta's paging for {path} repeats itself", "odd_answer", 200)
            seen.add(after)
            params = {**params, "after": after}
        raise local_error(f"Meta's list {path} did not end after {MAX_PAGES} pages", "odd_answer", 200)
