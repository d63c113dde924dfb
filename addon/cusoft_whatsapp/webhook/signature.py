"""Is this request from Meta? X-Hub-Signature-256 on POST deliveries, verify token on the GET handshake."""

import hashlib
import hmac
import re

__all__ = ["SIGNATURE_HEADER", "sign", "verify_handshake", "verify_signature"]

SIGNATURE_HEADER = "X-Hub-Signature-256"
_HEADER_RE = re.compile(r"sha256=([0-9a-fA-F]{64})", re.IGNORECASE)
# Meta's challenge is a number. It is echoed verbatim, so only short URL-safe tokens are accepted:
# a crafted challenge can never become markup or a header.
_CHALLENGE_RE = re.compile(r"[A-Za-z0-9._~-]{1,256}")


def _as_bytes(secret):
    if isinstance(secret, str):
        return secret.encode("utf-8")
    if isinstance(secret, (bytes, bytearray)):
        return bytes(secret)
    return b""


def sign(raw_body, app_secret):
    """The header value Meta would send for `raw_body` ("sha256=<lowercase hex>"); for tests and fakes."""
    return "sha256=" + hmac.new(_as_bytes(app_secret), bytes(raw_body), hashlib.sha256).hexdigest()


def verify_signature(raw_body, header, app_secrets):
    """The app secret whose HMAC-SHA256 of the exact `raw_body` bytes matches `header`, else None.

    `header` is the X-Hub-Signature-256 value ("sha256=<hex>"; uppercase hex tolerated). Several app
    secrets may be configured (one Meta app per company): each is tried, in order. Empty secrets are
    ignored, since an HMAC keyed with "" proves nothing.
    """
    if not isinstance(raw_body, (bytes, bytearray, memoryview)):
        raise TypeError("verify_signature needs the raw request bytes, never a re-serialized text")
    if not isinstance(header, str):
        return None
    match = _HEADER_RE.fullmatch(header.strip())
    if not match:
        return None
    given = match.group(1).lower().encode("ascii")
    body = bytes(raw_body)
    found = None
    for secret in app_secrets or ():
        key = _as_bytes(secret)
        if not key:
            continue
        expected = hmac.new(key, body, hashlib.sha256).hexdigest().encode("ascii")
        if hmac.compare_digest(expected, given) and found is None:
            found = secret
    return found


def _param(params, name):
    """One query parameter from a dict, a werkzeug MultiDict or a parse_qs() result; None if absent or repeated."""
    try:
        value = params.get(name)
    except AttributeError:
        return None
    if isinstance(value, (list, tuple)):
        value = value[0] if len(value) == 1 else None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value if isinstance(value, str) else None


def verify_handshake(params, verify_tokens):
    """The hub.challenge to answer (200, text/plain) when the GET handshake is valid, else None (403).

    Valid: hub.mode == "subscribe" and hub.verify_token equals one of `verify_tokens` (compared in constant
    time; empty tokens never match) and hub.challenge is a short URL-safe value (Meta sends digits).
    """
    if _param(params, "hub.mode") != "subscribe":
        return None
    token = _param(params, "hub.verify_token")
    challenge = _param(params, "hub.challenge")
    if not token or not challenge or not _CHALLENGE_RE.fullmatch(challenge):
        return None
    given = token.encode("utf-8")
    matched = False
    for candidate in verify_tokens or ():
        expected = _as_bytes(candidate)
        if expected and hmac.compare_digest(expected, given):
            matched = True
    return challenge if matched else None
