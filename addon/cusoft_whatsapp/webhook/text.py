"""Text PostgreSQL cannot store, made storable: nothing a customer wrote is lost over one character.

JSON may carry `\\u0000` and lone surrogates (`\\ud800`); Python decodes both, and PostgreSQL then refuses
the row (NUL in text, invalid UTF-8), which would keep the whole delivery in error forever. Each such
character becomes U+FFFD, the replacement character, as any text viewer would show it.
"""

import re

__all__ = ["REPLACEMENT", "storable"]

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value):
    """`value` (decoded JSON) with every string made storable; other values are returned as they are."""
    if isinstance(value, str):
        return _UNSTORABLE.sub(REPLACEMENT, value) if _UNSTORABLE.search(value) else value
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value
