"""Typed, never-raising reads from decoded JSON: an ill-typed value becomes a problem line, not an exception."""

from datetime import datetime, timedelta, timezone

__all__ = ["Problems", "as_id", "at", "kind_of", "opt_bool", "opt_dict", "opt_id", "opt_list", "opt_number",
           "opt_str", "opt_time", "to_time"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Meta timestamps are unix seconds; anything beyond year 9999 cannot be a datetime.
_MAX_SECONDS = 253402300799


class Problems:
    """Collects "<path>: <what is wrong>" lines for the parts of a delivery that had an unexpected shape."""

    def __init__(self):
        self.items = []

    def add(self, path, text):
        self.items.append(f"{path}: {text}")


def kind_of(value):
    """A JSON-ish name for the type of `value`, for problem texts."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def at(path, key):
    """`path` extended by an object key or a list index."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _get(obj, key):
    return obj.get(key) if isinstance(obj, dict) else None


def opt_str(obj, key, path, problems, *, required=False):
    """obj[key] as a string; None when absent (a problem if `required`) or ill-typed (a problem)."""
    value = _get(obj, key)
    if value is None:
        if required:
            problems.add(at(path, key), "missing")
        return None
    if isinstance(value, str):
        return value
    problems.add(at(path, key), f"expected a string, got {kind_of(value)}")
    return None


def as_id(value):
    """An identifier Meta sends either as a string or as a number (template ids), always as a string."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def opt_id(obj, key, path, problems, *, required=False):
    """obj[key] as an id string (number or non-empty string accepted)."""
    value = _get(obj, key)
    if value is None:
        if required:
            problems.add(at(path, key), "missing")
        return None
    result = as_id(value)
    if result is None:
        problems.add(at(path, key), f"expected an id, got {kind_of(value)}" if not isinstance(value, str)
                     else "empty id")
    return result


def opt_dict(obj, key, path, problems, *, required=False):
    value = _get(obj, key)
    if value is None:
        if required:
            problems.add(at(path, key), "missing")
        return None
    if isinstance(value, dict):
        return value
    problems.add(at(path, key), f"expected an object, got {kind_of(value)}")
    return None


def opt_list(obj, key, path, problems, *, required=False):
    """obj[key] as a list; [] when absent or ill-typed (the latter reported)."""
    value = _get(obj, key)
    if value is None:
        if required:
            problems.add(at(path, key), "missing")
        return []
    if isinstance(value, list):
        return value
    problems.add(at(path, key), f"expected a list, got {kind_of(value)}")
    return []


def opt_bool(obj, key, path, problems):
    """obj[key] as a boolean; None when absent (absence is not False for Meta's optional flags)."""
    value = _get(obj, key)
    if value is None or isinstance(value, bool):
        return value
    problems.add(at(path, key), f"expected a boolean, got {kind_of(value)}")
    return None


def opt_number(obj, key, path, problems):
    """obj[key] as a float (numbers, or numeric strings tolerated); None when absent or unusable."""
    value = _get(obj, key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            problems.add(at(path, key), f"expected a number, got {value[:40]!r}")
            return None
    else:
        problems.add(at(path, key), f"expected a number, got {kind_of(value)}")
        return None
    if number != number or number in (float("inf"), float("-inf")):
        problems.add(at(path, key), "not a finite number")
        return None
    return number


def to_time(value):
    """Unix seconds (int, or a string of digits as in messages/statuses) → aware UTC datetime, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.isascii() or not text.isdigit() or len(text) > 12:
            return None
        value = int(text)
    if not isinstance(value, int) or not 0 <= value <= _MAX_SECONDS:
        return None
    return _EPOCH + timedelta(seconds=value)


def opt_time(obj, key, path, problems, *, required=False):
    """obj[key] as an aware UTC datetime; None when absent (a problem if `required`) or unusable (a problem)."""
    value = _get(obj, key)
    if value is None:
        if required:
            problems.add(at(path, key), "missing")
        return None
    result = to_time(value)
    if result is None:
        shown = repr(value[:40]) if isinstance(value, str) else kind_of(value)
        problems.add(at(path, key), f"expected unix seconds, got {shown}")
    return result
