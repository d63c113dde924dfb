"""Raw POST bytes → decoded JSON, or a typed BodyError the route turns into 413 / 400.

Call it after the signature check (which needs the exact bytes). A body that decodes but has an
unexpected shape is not an error here: the route stores it and answers 200 (see parse.py).
"""

import json
import re

__all__ = ["BODY_ERROR_KINDS", "MAX_BODY_BYTES", "MAX_DEPTH", "BodyError", "decode_body"]

MAX_BODY_BYTES = 3 * 1024 * 1024  # Meta's documented maximum payload (CONTRACT §8.3)
# Real deliveries nest about 8 levels; 64 leaves room for referral/order objects and stays far below
# the recursion limit of Python's json decoder.
MAX_DEPTH = 64
BODY_ERROR_KINDS = ("too_large", "empty", "not_utf8", "not_json", "too_deep")
_SPECIAL_RE = re.compile(r'[\[\]{}"\\]')


class BodyError(ValueError):
    """The body cannot be decoded: `kind` is one of BODY_ERROR_KINDS."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message

    @property
    def http_status(self):
        """413 for an oversized body, 400 for everything else."""
        return 413 if self.kind == "too_large" else 400

    def __repr__(self):
        return f"BodyError({self.kind!r}, {self.message!r})"


def _too_deep(text, limit):
    """True when brackets outside strings nest deeper than `limit`; linear, no recursion, stops early."""
    depth = 0
    in_string = False
    skip = -1  # index of the character escaped by a backslash inside a string
    for match in _SPECIAL_RE.finditer(text):
        index = match.start()
        if index == skip:
            continue
        char = match.group()
        if in_string:
            if char == "\\":
                skip = index + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def decode_body(raw, *, max_bytes=MAX_BODY_BYTES, max_depth=MAX_DEPTH):
    """Decode a webhook body. Raises BodyError(kind, message); never RecursionError or UnicodeError."""
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError("decode_body needs the raw request bytes")
    raw = bytes(raw)
    if len(raw) > max_bytes:
        raise BodyError("too_large", f"body of {len(raw)} bytes exceeds the {max_bytes}-byte maximum")
    if not raw.strip():
        raise BodyError("empty", "empty body")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError("not_utf8", f"body is not UTF-8 (byte {exc.start})") from None
    if text.startswith("\ufeff"):  # a BOM: tolerated, as RFC 8259 allows
        text = text[1:]
    # Cheap bound first: without more opening brackets than the limit, the nesting cannot exceed it.
    if text.count("[") + text.count("{") > max_depth and _too_deep(text, max_depth):
        raise BodyError("too_deep", f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(text)
    except RecursionError:
        raise BodyError("too_deep", f"JSON nested deeper than {max_depth} levels") from None
    except ValueError as exc:  # JSONDecodeError, and oversized integers
        raise BodyError("not_json", f"body is not valid JSON: {str(exc)[:200]}") from None
