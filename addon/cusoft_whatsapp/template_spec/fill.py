"""Filling a parsed template (parse.py) with the values a sender typed: what is wrong with them
(validate), what the customer will read (render), and the `template` object of the send call
(graph_template, contract §7.3).

Values are a dict {variable key: text}; a location header takes `header.latitude`,
`header.longitude`, `header.name`, `header.address`; a media header takes a file, described to
validate() by its MIME type and size and to graph_template() by Meta's media id.
"""

import re
from dataclasses import dataclass

from .parse import VARIABLE_RE, variables

MB = 1024 * 1024
# What Meta takes in a template's media header: MIME types and maximum bytes (contract §6.2, §7.2).
HEADER_MEDIA_KINDS = {
    "image": (("image/jpeg", "image/png"), 5 * MB),
    "video": (("video/mp4", "video/3gpp"), 16 * MB),
    "document": (("application/pdf",), 100 * MB),
}
HEADER_TEXT_LIMIT = 60
BODY_TEXT_LIMIT = 1024
URL_LIMIT = 2000
COPY_CODE_LIMIT = 15
LOCATION_KEYS = ("header.latitude", "header.longitude", "header.name", "header.address")
# Meta refuses parameters holding a new line, a tab or more than four spaces in a row.
LAYOUT_RE = re.compile(r"[\n\r\t]| {5,}")


@dataclass(frozen=True)
class Problem:
    """One reason the values cannot be sent; the server words it in the user's language.

    kind: missing, layout, too_long (key, limit), header_too_long, body_too_long (limit),
    media_missing, media_type (expected), media_size (limit), location (key)."""

    kind: str
    key: str | None = None
    limit: int | None = None
    expected: str | None = None


def _value(values, key):
    value = values.get(key)
    return "" if value is None else str(value).strip()


def _fill(text, prefix, values):
    return VARIABLE_RE.sub(lambda m: _value(values, f"{prefix}.{m.group(1)}") or m.group(0), text or "")


def validate(parsed, values, media_mime=None, media_size=None):
    """Every Problem of `values` (and of the header file) for `parsed`; empty when it can be sent."""
    values = values or {}
    problems = []
    for variable in variables(parsed):
        key = variable["key"]
        value = _value(values, key)
        if not value:
            problems.append(Problem("missing", key))
        elif LAYOUT_RE.search(value):
            problems.append(Problem("layout", key))
        elif key.endswith(".code") and len(value) > COPY_CODE_LIMIT:
            problems.append(Problem("too_long", key, COPY_CODE_LIMIT))
    header = parsed.get("header") or {}
    fmt = header.get("format")
    if fmt == "text" and len(_fill(header.get("text"), "header", values)) > HEADER_TEXT_LIMIT:
        problems.append(Problem("header_too_long", limit=HEADER_TEXT_LIMIT))
    if len(_fill((parsed.get("body") or {}).get("text"), "body", values)) > BODY_TEXT_LIMIT:
        problems.append(Problem("body_too_long", limit=BODY_TEXT_LIMIT))
    for button in parsed.get("buttons") or []:
        if button.get("type") == "url" and button.get("variables"):
            url = _fill(button.get("url"), f"button.{button['index']}", values)
            if len(url) > URL_LIMIT:
                problems.append(Problem("too_long", button["variables"][0]["key"], URL_LIMIT))
    if fmt in HEADER_MEDIA_KINDS:
        mimes, limit = HEADER_MEDIA_KINDS[fmt]
        mime = (media_mime or "").split(";")[0].strip().lower()
        if not mime:
            problems.append(Problem("media_missing", "header.media", expected=fmt))
        elif mime not in mimes:
            problems.append(Problem("media_type", "header.media", expected=fmt))
        elif media_size is not None and media_size > limit:
            problems.append(Problem("media_size", "header.media", limit=limit))
    elif fmt == "location":
        for key, bound in (("header.latitude", 90), ("header.longitude", 180)):
            try:
                number = float(_value(values, key))
            except ValueError:
                problems.append(Problem("location", key))
                continue
            if not -bound <= number <= bound:
                problems.append(Problem("location", key))
        for key in ("header.name", "header.address"):
            if LAYOUT_RE.search(_value(values, key)):
                problems.append(Problem("layout", key))
    return problems


def render(parsed, values):
    """What the customer reads: {"header", "body", "footer", "buttons", "text"}; `text` joins them
    as the thread shows the message (unfilled variables stay as {{name}})."""
    values = values or {}
    header = parsed.get("header") or {}
    header_text = _fill(header.get("text"), "header", values) if header.get("format") == "text" else None
    if header.get("format") == "location":
        header_text = " · ".join(v for v in (_value(values, "header.name"), _value(values, "header.address")) if v) or None
    body = _fill((parsed.get("body") or {}).get("text"), "body", values)
    footer = parsed.get("footer") or None
    buttons = [b.get("text") or "" for b in parsed.get("buttons") or []]
    parts = [p for p in (header_text, body, footer) if p]
    if buttons:
        parts.append(" · ".join(f"[{label}]" for label in buttons))
    return {"header": header_text, "body": body, "footer": footer, "buttons": buttons, "text": "\n\n".join(parts)}


def _text_parameters(component_variables, values, named):
    parameters = []
    for variable in component_variables:
        parameter = {"type": "text", "text": _value(values, variable["key"])}
        if named:
            parameter["parameter_name"] = variable["name"]
        parameters.append(parameter)
    return parameters


def graph_template(name, language, parsed, values, media_id=None, filename=None):
    """The `template` object of a send (contract §7.3): positional values in number order, named
    ones with `parameter_name`; `media_id` from Meta's media endpoint for a media header."""
    values = values or {}
    named = parsed.get("parameter_format") == "named"
    components = []
    header = parsed.get("header") or {}
    fmt = header.get("format")
    if fmt == "text" and header.get("variables"):
        components.append({"type": "header", "parameters": _text_parameters(header["variables"], values, named)})
    elif fmt in HEADER_MEDIA_KINDS:
        if not media_id:
            raise ValueError("A media header needs Meta's media id")
        media = {"id": str(media_id)}
        if fmt == "document" and filename:
            media["filename"] = filename
        components.append({"type": "header", "parameters": [{"type": fmt, fmt: media}]})
    elif fmt == "location":
        location = {
            "latitude": _value(values, "header.latitude"), "longitude": _value(values, "header.longitude"),
            "name": _value(values, "header.name"), "address": _value(values, "header.address"),
        }
        components.append({"type": "header", "parameters": [{"type": "location", "location": location}]})
    body_variables = (parsed.get("body") or {}).get("variables") or []
    if body_variables:
        components.append({"type": "body", "parameters": _text_parameters(body_variables, values, named)})
    for button in parsed.get("buttons") or []:
        if not button.get("variables"):
            continue
        value = _value(values, button["variables"][0]["key"])
        if button["type"] == "copy_code":
            parameter = {"type": "coupon_code", "coupon_code": value}
            sub_type = "copy_code"
        else:  # a dynamic URL, or the one-time code of an authentication template
            parameter = {"type": "text", "text": value}
            sub_type = "url"
        components.append({"type": "button", "sub_type": sub_type, "index": str(button["index"]), "parameters": [parameter]})
    return {"name": name, "language": {"code": language}, "components": components}
