"""Wire-level pieces of the fake Graph server: scripted replies and recorded requests."""

import json
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from .data import HTML_ERROR_PAGE
from .meta_errors import message as meta_message


def new_trace_id():
    return "A" + secrets.token_urlsafe(16)[:22]


@dataclass
class Reply:
    """One scripted answer. `delay` holds the answer back (to provoke client timeouts); `drop` closes
    the connection without answering, as a crashed proxy would."""

    status: int = 200
    payload: object = None
    body: bytes | None = None
    content_type: str = "application/json; charset=UTF-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False

    def encoded(self):
        if self.body is not None:
            return self.body
        return json.dumps(self.payload if self.payload is not None else {}).encode()

    @classmethod
    def json(cls, payload, status=200, *, headers=None, delay=0.0):
        return cls(status=status, payload=payload, headers=dict(headers or {}), delay=delay)

    @classmethod
    def success(cls, **kwargs):
        return cls.json({"success": True}, **kwargs)

    @classmethod
    def error(cls, code, message=None, *, status=400, subcode=None, details=None, error_data=None,
              error_type="OAuthException", is_transient=None, fbtrace_id=None, user_title=None, user_msg=None,
              headers=None, delay=0.0):
        """Meta's error envelope (§1.3). `error_data` overrides `details` (pass a string to mimic the
        template-management quirk)."""
        trace = fbtrace_id or new_trace_id()
        error = {"message": message or meta_message(code), "type": error_type, "code": code}
        if subcode is not None:
            error["error_subcode"] = subcode
        if error_data is not None:
            error["error_data"] = error_data
        elif details is not None:
            error["error_data"] = {"messaging_product": "whatsapp", "details": details}
        if is_transient is not None:
            error["is_transient"] = is_transient
        if user_title is not None:
            error["error_user_title"] = user_title
        if user_msg is not None:
            error["error_user_msg"] = user_msg
        error["fbtrace_id"] = trace
        return cls(status=status, payload={"error": error}, headers={"x-fb-trace-id": trace, **(headers or {})},
                   delay=delay)

    @classmethod
    def html(cls, status=502, *, body=HTML_ERROR_PAGE, delay=0.0):
        return cls(status=status, body=body.encode(), content_type="text/html; charset=utf-8", delay=delay)

    @classmethod
    def malformed(cls, status=200, *, body=b'{"data": [{"id": "1100000000', delay=0.0):
        """A truncated JSON body, as left by a connection cut mid-answer."""
        return cls(status=status, body=body, delay=delay)

    @classmethod
    def dropped(cls, *, delay=0.0):
        return cls(drop=True, delay=delay)


@dataclass
class RecordedRequest:
    """One request as the fake server received it; header names are lower-cased."""

    method: str
    path: str
    raw_query: str
    headers: dict
    body: bytes

    @property
    def query(self):
        return {key: values[0] for key, values in parse_qs(self.raw_query, keep_blank_values=True).items()}

    @property
    def target(self):
        return f"{self.path}?{self.raw_query}" if self.raw_query else self.path

    @property
    def bearer(self):
        value = self.headers.get("authorization", "")
        return value[7:] if value.lower().startswith("bearer ") else None

    @property
    def json(self):
        try:
            return json.loads(self.body) if self.body else None
        except ValueError:
            return None

    def form(self):
        """The body as a JSON object, or parsed as a form when it is not JSON."""
        data = self.json
        if isinstance(data, dict):
            return data
        text = self.body.decode("utf-8", "replace") if self.body else ""
        return {key: values[0] for key, values in parse_qs(text, keep_blank_values=True).items()}
