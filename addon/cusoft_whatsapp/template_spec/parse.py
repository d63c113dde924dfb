"""Meta's template components (contract §7.2, as `GET /{waba}/message_templates` returns them) →
one JSON-ready dict the server stores, the picker shows and fill.py fills:

    {"parameter_format": "named" | "positional",
     "header": None | {"format": "text"|"image"|"video"|"document"|"location"|"other", "text", "variables"},
     "body": {"text", "variables"},
     "footer": str | None,
     "buttons": [{"index", "type", "text", "url", "phone", "variables"}]}

A variable is {"key", "name", "example"}; its key says where its value goes: `header.<name>`,
`body.<name>`, `button.<index>.<name>`. Positional names are "1", "2"…; named ones are Meta's.
"""

import re

VARIABLE_RE = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
HEADER_FORMATS = ("text", "image", "video", "document", "location")
# Meta's button types → ours. Those not listed are kept as "other" (shown, never filled).
BUTTON_TYPES = {
    "QUICK_REPLY": "quick_reply",
    "URL": "url",
    "PHONE_NUMBER": "phone",
    "COPY_CODE": "copy_code",
    "FLOW": "flow",
    "OTP": "otp",
    "VOICE_CALL": "voice_call",
}
# Webhook events that are not themselves statuses (contract §8, message_template_status_update).
EVENT_STATUS = {"REINSTATED": "APPROVED", "UNARCHIVED": "APPROVED", "FLAGGED": None}


class TemplateFormatError(ValueError):
    """Meta's components cannot be read (not a list of objects, no body)."""


def _names(text):
    seen = []
    for match in VARIABLE_RE.finditer(text or ""):
        if match.group(1) not in seen:
            seen.append(match.group(1))
    if seen and all(name.isdigit() for name in seen):
        seen.sort(key=int)  # Meta matches positional values by number, whatever order the text uses
    return seen


def _named_examples(example, key):
    return {
        str(item.get("param_name")): item.get("example")
        for item in (example.get(key) or []) if isinstance(item, dict)
    }


def _header(component):
    fmt = str(component.get("format") or "TEXT").lower()
    example = component.get("example") if isinstance(component.get("example"), dict) else {}
    if fmt != "text":
        return {"format": fmt if fmt in HEADER_FORMATS else "other", "text": None, "variables": []}
    text = str(component.get("text") or "")
    names = _names(text)
    named = _named_examples(example, "header_text_named_params")
    positional = example.get("header_text") or []
    variables = []
    for position, name in enumerate(names):
        sample = named.get(name) if named else (positional[position] if position < len(positional) else None)
        variables.append({"key": f"header.{name}", "name": name, "example": _text(sample)})
    return {"format": "text", "text": text, "variables": variables}


def _body(component):
    text = str(component.get("text") or "")
    example = component.get("example") if isinstance(component.get("example"), dict) else {}
    named = _named_examples(example, "body_text_named_params")
    rows = example.get("body_text") or [[]]
    positional = rows[0] if rows and isinstance(rows[0], list) else []
    variables = []
    for position, name in enumerate(_names(text)):
        sample = named.get(name) if named else (positional[position] if position < len(positional) else None)
        variables.append({"key": f"body.{name}", "name": name, "example": _text(sample)})
    return {"text": text, "variables": variables}


def _button(index, button):
    kind = BUTTON_TYPES.get(str(button.get("type") or "").upper(), "other")
    url = button.get("url")
    variables = []
    if kind == "url" and url:
        example = button.get("example")
        sample = example[0] if isinstance(example, list) and example else example
        prefix = VARIABLE_RE.split(url)[0]
        for name in _names(url):
            # Meta's example is the whole URL; the value sent is only the part after the fixed prefix.
            suffix = sample[len(prefix):] if isinstance(sample, str) and sample.startswith(prefix) else sample
            variables.append({"key": f"button.{index}.{name}", "name": name, "example": _text(suffix)})
    elif kind == "copy_code":
        example = button.get("example")
        sample = example[0] if isinstance(example, list) and example else example
        variables.append({"key": f"button.{index}.code", "name": "code", "example": _text(sample)})
    elif kind == "otp":
        # Authentication templates: the one-time code goes in the body and in the button.
        variables.append({"key": f"button.{index}.1", "name": "1", "example": None})
    return {
        "index": index,
        "type": kind,
        "text": _text(button.get("text")) or "",
        "url": _text(url),
        "phone": _text(button.get("phone_number")),
        "variables": variables,
    }


def _text(value):
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def parse_components(components, parameter_format=None):
    """The parsed template (see the module's docstring). Raises TemplateFormatError when unreadable."""
    if not isinstance(components, list) or not all(isinstance(c, dict) for c in components):
        raise TemplateFormatError("Meta's components are not a list of objects")
    parsed = {"parameter_format": "positional", "header": None, "body": None, "footer": None, "buttons": []}
    for component in components:
        kind = str(component.get("type") or "").upper()
        if kind == "HEADER":
            parsed["header"] = _header(component)
        elif kind == "BODY":
            parsed["body"] = _body(component)
        elif kind == "FOOTER":
            parsed["footer"] = _text(component.get("text"))
        elif kind == "BUTTONS":
            buttons = component.get("buttons") if isinstance(component.get("buttons"), list) else []
            parsed["buttons"] = [_button(i, b) for i, b in enumerate(b for b in buttons if isinstance(b, dict))]
    if parsed["body"] is None:
        raise TemplateFormatError("The template has no body")
    fmt = str(parameter_format or "").lower()
    if fmt not in ("named", "positional"):
        # Older answers omit parameter_format: names that are not numbers mean the named format.
        names = [v["name"] for v in variables(parsed) if not v["key"].startswith("button.")]
        fmt = "named" if any(not name.isdigit() for name in names) else "positional"
    parsed["parameter_format"] = fmt
    return parsed


def variables(parsed):
    """Every variable of a parsed template, header first, then body, then buttons."""
    found = list((parsed.get("header") or {}).get("variables") or [])
    found += (parsed.get("body") or {}).get("variables") or []
    for button in parsed.get("buttons") or []:
        found += button.get("variables") or []
    return found


def status_after_event(event, current):
    """The status a template has after a status webhook's `event`; FLAGGED changes nothing yet."""
    event = str(event or "").upper()
    if not event:
        return current
    if event in EVENT_STATUS:
        return EVENT_STATUS[event] or current
    return event
