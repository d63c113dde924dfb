"""Keeps tokens, app secrets, PINs and codes out of logs, call records and error texts."""

import contextvars
import logging
import re
from contextlib import contextmanager
from urllib.parse import quote, quote_plus, urlencode

MASK = "[redacted]"
# Query keys worth showing in a call record; everything else is dropped, not masked.
SAFE_QUERY_KEYS = ("fields", "limit", "after", "before")
SECRET_QUERY_KEYS = ("access_token", "input_token", "client_secret", "code", "appsecret_proof", "pin", "verify_token")
_SECRET_PARAM_RE = re.compile(r"(?<=[?&;])(%s)=[^&\s\"'#]*" % "|".join(SECRET_QUERY_KEYS))
# Secrets shorter than this are not searched for in free text: they would mask ordinary digits.
_MIN_SECRET_LENGTH = 6
_active_secrets = contextvars.ContextVar("cusoft_whatsapp_graph_secrets", default=())


def safe_path(path, params=None):
    """`path` plus only the harmless query parameters, for logs and call records."""
    if isinstance(params, dict):
        items = params.items()
    else:
        items = params or ()
    kept = [(key, value) for key, value in items if key in SAFE_QUERY_KEYS and value is not None]
    return f"{path}?{urlencode(kept)}" if kept else path


def scrub(text, secrets):
    """`text` with every secret (raw or URL-encoded) and every secret-looking query value masked."""
    if not isinstance(text, str):
        return text
    variants = set()
    for secret in secrets:
        if isinstance(secret, str) and len(secret) >= _MIN_SECRET_LENGTH:
            variants.update({secret, quote(secret, safe=""), quote_plus(secret)})
    for variant in sorted(variants, key=len, reverse=True):
        text = text.replace(variant, MASK)
    return _SECRET_PARAM_RE.sub(lambda match: f"{match.group(1)}={MASK}", text)


@contextmanager
def hiding(secrets):
    """Marks `secrets` for masking in every log line emitted by this thread meanwhile."""
    reset = _active_secrets.set(tuple(secrets))
    try:
        yield
    finally:
        _active_secrets.reset(reset)


class RedactingFilter(logging.Filter):
    """urllib3 logs full request URLs at DEBUG, query string included; mask what must not leak."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logging module's problem, not ours
            return True
        clean = scrub(message, _active_secrets.get())
        if clean != message:
            record.msg, record.args = clean, None
        return True


_FILTERED_LOGGERS = ("urllib3.connectionpool", "urllib3.connection", "urllib3.util.retry", "requests")


def install_log_filter():
    """Attaches the filter to the loggers that may print our URLs; idempotent."""
    for name in _FILTERED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactingFilter) for existing in logger.filters):
            logger.addFilter(RedactingFilter())
