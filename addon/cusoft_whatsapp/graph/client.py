"""Graph API client for one WhatsApp account: versioned calls, Bearer auth, safe retries, call records."""

import json as jsonlib
import logging
import random
import re
import time

import requests
from urllib3.exceptions import NewConnectionError

from .endpoints import ConnectionEndpoints
from .error_table import lookup
from .errors import (
    RETRYABLE,
    GraphConnectionError,
    GraphTimeout,
    GraphUncertainError,
    local_error,
    parse_error,
    unreadable_error,
)
from .rate_limits import backoff, header
from .redact import hiding, install_log_filter, safe_path, scrub

_logger = logging.getLogger(__name__)
install_log_filter()

_VERSION_RE = re.compile(r"v\d+\.\d+")
_OWN_TOKEN = object()


def _rewind(files):
    for value in (files.values() if isinstance(files, dict) else files or ()):
        stream = value[1] if isinstance(value, tuple) else value
        if isinstance(stream, tuple) and len(stream) > 1:
            stream = stream[1]
        if hasattr(stream, "seek"):
            stream.seek(0)


def _may_have_been_sent(exc):
    """Whether a transport failure happened after the request could have reached Meta."""
    if isinstance(exc, (requests.ConnectTimeout, requests.exceptions.SSLError)):
        return False
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)  # requests wraps urllib3's MaxRetryError
    return not isinstance(reason, NewConnectionError)


class GraphClient(ConnectionEndpoints):
    """One per WhatsApp account: holds its token and its own HTTP session."""

    def __init__(self, token, *, base_url="https://graph.facebook.com", version="v25.0", timeout=(5, 30),
                 max_retries=3, session=None, on_call=None, sleep=time.sleep, random=random.random, max_wait=60):
        version = str(version or "").strip()
        if re.fullmatch(r"\d+\.\d+", version):
            version = f"v{version}"  # admins often type the bare number from Meta's changelog
        if not _VERSION_RE.fullmatch(version):
            raise ValueError(f"Graph API version must look like 'v25.0', got {version!r}")
        self._token = token or None
        self.base_url = base_url.rstrip("/")
        self.version = version
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_wait = max_wait
        self._session = session or requests.Session()
        self._on_call = on_call
        self._sleep = sleep
        self._random = random

    def __repr__(self):
        return f"GraphClient({self.base_url}/{self.version}, token={'<hidden>' if self._token else None})"

    def close(self):
        self._session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # ------------------------------------------------------------ generic calls

    def get(self, path, params=None):
        return self._call("GET", path, params=params, idempotent=True)

    def post(self, path, json=None, data=None, files=None, idempotent=False):
        return self._call("POST", path, json=json, data=data, files=files, idempotent=idempotent)

    def delete(self, path, params=None):
        return self._call("DELETE", path, params=params, idempotent=True)

    def _call(self, method, path, *, params=None, json=None, data=None, files=None, idempotent,
              token=_OWN_TOKEN, secrets=(), auth_scheme="Bearer", extra_headers=None):
        versioned = f"/{self.version}/{self._clean_path(path)}"
        url = self.base_url + versioned
        shown = safe_path(versioned, params)
        if token is _OWN_TOKEN:
            if not self._token:
                raise ValueError("This Graph call needs the account's access token.")
            token = self._token
        headers = {"Accept": "application/json", **(extra_headers or {})}
        if token:
            headers["Authorization"] = f"{auth_scheme} {token}"
        hidden = tuple(secret for secret in (self._token, token, *secrets) if secret)
        with hiding(hidden):
            attempt = 0
            while True:
                attempt += 1
                if attempt > 1:
                    _rewind(files)
                started = time.monotonic()
                response = None
                try:
                    response = self._session.request(
                        method, url, params=params, json=json, data=data, files=files, headers=headers,
                        timeout=self.timeout, allow_redirects=False,
                    )
                except requests.RequestException as exc:
                    error, result = self._transport_error(exc, method, shown, idempotent), None
                else:
                    error, result = self._read(response, idempotent)
                if error is not None:
                    error.scrub(lambda text: scrub(text, hidden))
                    error.attempts = attempt
                self._report(method, shown, response, error, started, attempt)
                if error is None:
                    return result
                if not self._may_retry(error, attempt):
                    _logger.warning("Graph %s %s failed after %d attempt(s): %s", method, shown, attempt, error)
                    raise error
                self._pause(error, attempt, method, shown)

    def _clean_path(self, path):
        path = str(path or "").lstrip("/")
        if not path or "?" in path or "#" in path or "://" in path:
            raise ValueError("Pass a Graph path such as '<id>/edge'; query parameters go in params.")
        if _VERSION_RE.fullmatch(path.split("/", 1)[0]):
            raise ValueError("The Graph path must not carry a version: the client adds its own.")
        return path

    def _transport_error(self, exc, method, shown, idempotent):
        kind = type(exc).__name__
        if not idempotent and _may_have_been_sent(exc):
            return GraphUncertainError(
                f"{method} {shown}: the connection to Meta failed ({kind}) after the request was sent, so it may "
                "have been carried out or not; it is not retried automatically"
            )
        if isinstance(exc, requests.Timeout):
            return GraphTimeout(f"{method} {shown}: Meta did not answer within {self.timeout} seconds ({kind})")
        if isinstance(exc, (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
            return GraphConnectionError(f"{method} {shown}: could not talk to Meta ({kind})")
        # Invalid URL, header or the like: a configuration problem, retrying cannot help.
        return local_error(f"{method} {shown}: the request could not be made ({kind})", "config")

    def _read(self, response, idempotent):
        status, body = response.status_code, response.content
        if 200 <= status < 300:
            if not body.strip():
                return None, {}
            try:
                return None, jsonlib.loads(body)
            except ValueError:
                return unreadable_error(status, response.headers, body), None
        error = parse_error(status, response.headers, body)
        if not idempotent and error.code is None and status >= 500:
            # A gateway page is not Meta's verdict: the request may have been processed behind it.
            error = GraphUncertainError(
                f"{error.message}; the request may have been carried out or not, so it is not retried",
                http_status=status, fbtrace_id=error.fbtrace_id,
            )
        return error, None

    def _may_retry(self, error, attempt):
        if error.category != RETRYABLE:
            return False
        limit = self.max_retries
        info = lookup(error.code)
        if info is not None and info.max_retries is not None:
            limit = min(limit, info.max_retries)
        return attempt <= limit

    def _pause(self, error, attempt, method, shown):
        required = error.retry_after or 0
        if required > self.max_wait:
            _logger.warning("Graph %s %s: Meta asks to wait %.0f s, more than %s s; not retrying now: %s",
                            method, shown, required, self.max_wait, error)
            raise error
        wait = min(max(backoff(attempt, error.action, self._random), required), self.max_wait)
        _logger.warning("Graph %s %s failed (attempt %d): %s; retrying in %.1f s", method, shown, attempt, error, wait)
        self._sleep(wait)

    def _report(self, method, shown, response, error, started, attempt):
        duration_ms = int(round((time.monotonic() - started) * 1000))
        status = response.status_code if response is not None else None
        trace = error.fbtrace_id if error is not None else header(response.headers, "x-fb-trace-id")
        _logger.debug("Graph %s %s -> HTTP %s in %d ms (attempt %d, error %s)", method, shown, status, duration_ms,
                      attempt, error.code if error is not None else None)
        if self._on_call is None:
            return
        record = {
            "method": method,
            "path": shown,
            "http_status": status,
            "error_code": error.code if error is not None else None,
            "duration_ms": duration_ms,
            "attempt": attempt,
            "fbtrace_id": trace,
        }
        try:
            self._on_call(record)
        except Exception:  # a broken audit hook must not turn a successful call into a failure
            _logger.warning("Graph %s %s: the on_call hook failed", method, shown, exc_info=True)
