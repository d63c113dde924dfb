"""How long Meta asks us to wait (headers, error details), and the client's backoff schedule."""

import json
import re
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone

BACKOFF_BASE = 1.0
BACKOFF_CAP = 30.0

_DURATION_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?)\b", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


def header(headers, name):
    """Case-insensitive header lookup that also works on a plain dict."""
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def retry_after_seconds(value, now=None):
    """Retry-After as seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = str(value).strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - (now or datetime.now(timezone.utc))).total_seconds(), 0.0)


def business_usage_wait(value):
    """Seconds until access returns per X-Business-Use-Case-Usage (minutes in Meta's JSON), or None."""
    if not value:
        return None
    try:
        usage = json.loads(value)
    except ValueError:
        return None
    if not isinstance(usage, dict):
        return None
    minutes = []
    for items in usage.values():
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict):
                wait = item.get("estimated_time_to_regain_access")
                if isinstance(wait, (int, float)) and not isinstance(wait, bool) and wait > 0:
                    minutes.append(wait)
    return max(minutes) * 60.0 if minutes else None


def details_wait(details):
    """A wait stated in Meta's prose ("try again in 2 hours"), in seconds, or None."""
    if not isinstance(details, str):
        return None
    match = _DURATION_RE.search(details)
    if not match:
        return None
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)[0].lower()]


def required_wait(headers, *, min_wait=None, details=None):
    """The longest wait any of Meta's signals asks for, or None when none does."""
    waits = [
        retry_after_seconds(header(headers, "Retry-After")),
        business_usage_wait(header(headers, "X-Business-Use-Case-Usage")),
    ]
    if min_wait is not None:
        # Meta's own figure in the details beats our table's rough default.
        waits.append(details_wait(details) or min_wait)
    waits = [wait for wait in waits if wait]
    return max(waits) if waits else None


def backoff(attempt, action, random):
    """Seconds to wait before retry number `attempt` (1-based)."""
    if action == "R-pair":
        # Meta's pair-rate guidance: 4^n seconds, n starting at 0.
        return float(4 ** (attempt - 1))
    # Full jitter keeps many Odoo workers from retrying in lockstep.
    return random() * min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
