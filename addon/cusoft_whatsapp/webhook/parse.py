"""A decoded webhook delivery → ParsedDelivery: every entry, every change, routed by number and WABA.

Only an unusable top level raises (ShapeError). Anything else of an unexpected shape is reported in
`problems` and skipped, and the rest of the delivery is still parsed: the route stores the raw payload
and answers 200 either way, so Meta does not retry a delivery that will never parse better.
"""

from .messages import Route, parse_contacts, parse_errors, parse_message, parse_status
from .model import (
    PHONE_NUMBER_FIELDS,
    TEMPLATE_FIELDS,
    Change,
    ChangeError,
    Delivery,
    Entry,
    ParsedDelivery,
    UnknownChange,
)
from .reader import Problems, at, kind_of, opt_dict, opt_id, opt_list, opt_str, opt_time
from .waba import WABA_FIELDS, parse_waba_change

__all__ = ["INTERNAL_ERROR", "OBJECT", "ShapeError", "parse_delivery"]

OBJECT = "whatsapp_business_account"
# Prefix of the problem line written when a reader failed on an unforeseen shape (a bug to fix).
INTERNAL_ERROR = "could not be read"


class ShapeError(ValueError):
    """The delivery cannot be read at all: not an object, another `object`, or no `entry` list."""


def parse_delivery(payload):
    """Interpret a decoded delivery. Raises ShapeError only when its top level is unusable."""
    if not isinstance(payload, dict):
        raise ShapeError(f"a delivery is a JSON object, got {kind_of(payload)}")
    obj = payload.get("object")
    if obj != OBJECT:
        shown = repr(obj[:60]) if isinstance(obj, str) else kind_of(obj)
        raise ShapeError(f"`object` must be {OBJECT!r}, got {shown}")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise ShapeError(f"`entry` must be a list, got {kind_of(entries)}")

    problems = Problems()
    result = ParsedDelivery(delivery=Delivery(object=obj))
    parsed_entries = []
    for index, entry in enumerate(entries):
        path = at("entry", index)
        if not isinstance(entry, dict):
            problems.add(path, f"expected an object, got {kind_of(entry)}")
            continue
        parsed_entries.append(_parse_entry(entry, path, result, problems))
    result.delivery = Delivery(object=obj, entries=tuple(parsed_entries))
    result.problems = problems.items
    return result


def _parse_entry(entry, path, result, problems):
    waba_id = opt_id(entry, "id", path, problems, required=True)
    time = opt_time(entry, "time", path, problems)
    changes = []
    for index, change in enumerate(opt_list(entry, "changes", path, problems, required=True)):
        change_path = at(at(path, "changes"), index)
        if not isinstance(change, dict):
            problems.add(change_path, f"expected an object, got {kind_of(change)}")
            continue
        parsed = _parse_change(change, waba_id, time, change_path, result, problems)
        if parsed is not None:
            changes.append(parsed)
    return Entry(waba_id=waba_id, time=time, changes=tuple(changes))


def _parse_change(change, waba_id, time, path, result, problems):
    field = opt_str(change, "field", path, problems, required=True)
    if not field:
        return None
    value = change.get("value")
    value_path = at(path, "value")
    if field not in ("messages", *WABA_FIELDS):
        result.unknown.append(UnknownChange(field=field, value=value, waba_id=waba_id, time=time))
        return Change(waba_id, field, None, None, value)
    if not isinstance(value, dict):
        problems.add(value_path, f"expected an object, got {kind_of(value)}")
        return Change(waba_id, field, None, None, value)
    if field != "messages":
        update = _safely(parse_waba_change, problems, value_path, field, value, waba_id, time, value_path, problems)
        if update is not None:
            _waba_list(result, field).append(update)
        display = opt_id(value, "display_phone_number", value_path, Problems())
        return Change(waba_id, field, None, display, value)
    return _parse_messages_value(value, waba_id, value_path, result, problems, field)


def _parse_messages_value(value, waba_id, path, result, problems, field):
    metadata = opt_dict(value, "metadata", path, problems, required=True) or {}
    meta_path = at(path, "metadata")
    phone_number_id = opt_id(metadata, "phone_number_id", meta_path, problems, required=True)
    display = opt_id(metadata, "display_phone_number", meta_path, problems)
    route = Route(waba_id, phone_number_id, display, parse_contacts(value, path, problems))
    for index, item in enumerate(opt_list(value, "messages", path, problems)):
        item_path = at(at(path, "messages"), index)
        message = _safely(parse_message, problems, item_path, item, route, item_path, problems)
        if message is not None:
            result.messages.append(message)
    for index, item in enumerate(opt_list(value, "statuses", path, problems)):
        item_path = at(at(path, "statuses"), index)
        status = _safely(parse_status, problems, item_path, item, route, item_path, problems)
        if status is not None:
            result.statuses.append(status)
    for error in parse_errors(value, path, problems):
        result.errors.append(ChangeError(waba_id=waba_id, phone_number_id=phone_number_id, error=error))
    return Change(waba_id, field, phone_number_id, display, value)


def _waba_list(result, field):
    if field in TEMPLATE_FIELDS:
        return result.templates
    if field in PHONE_NUMBER_FIELDS:
        return result.phone_numbers
    return result.accounts


def _safely(function, problems, path, *args):
    """Last-resort guard: a shape the readers did not foresee costs one item, never the whole delivery."""
    try:
        return function(*args)
    except Exception as exc:  # noqa: BLE001 - reported, and the tests assert it never happens on known shapes
        problems.add(path, f"{INTERNAL_ERROR} ({type(exc).__name__}: {str(exc)[:120]}); item skipped")
        return None
