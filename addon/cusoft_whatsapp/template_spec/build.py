"""Building a template to submit (contract §7.2): the form's fields → Meta's components, and what
Meta would refuse, checked before anything is sent.

`draft` is a dict: name, category, header ({"format": "text", "text", "example"} or {"format":
"image"|"video"|"document", "handle"} or {"format": "location"} or None), body, body_examples
(list, one per variable), footer, buttons ([{"type": "quick_reply"|"url"|"phone"|"copy_code",
"text", "url", "phone", "example"}]).
"""

import re

from .parse import VARIABLE_RE, _names

NAME_RE = re.compile(r"[a-z0-9_]+")
LIMITS = {"name": 512, "header": 60, "body": 1024, "footer": 60, "buttons": 10, "quick_reply": 10,
          "url": 2, "phone": 1, "copy_code": 1, "button_text": 25, "phone_number": 20, "code": 15}
BUTTON_TYPES = {"quick_reply": "QUICK_REPLY", "url": "URL", "phone": "PHONE_NUMBER", "copy_code": "COPY_CODE"}


def name_problem(name):
    """None, or why Meta refuses `name`: "empty", "characters" or "length"."""
    if not name:
        return "empty"
    if not NAME_RE.fullmatch(name):
        return "characters"
    if len(name) > LIMITS["name"]:
        return "length"
    return None


def suggested_name(text):
    """A name Meta accepts, from what the user typed ("Spring Sale!" → "spring_sale")."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "_", (text or "").strip().lower())).strip("_")


def _numbering_problem(names):
    if names and all(n.isdigit() for n in names) and sorted(int(n) for n in names) != list(range(1, len(names) + 1)):
        return True
    return False


def problems(draft):
    """[(kind, detail)] of what Meta would refuse; empty when the draft may be submitted."""
    found = []
    name = name_problem(draft.get("name"))
    if name:
        found.append(("name", name))
    header = draft.get("header")
    if header and header.get("format") == "text":
        text = header.get("text") or ""
        names = _names(text)
        if not text.strip():
            found.append(("header_empty", None))
        if len(text) > LIMITS["header"]:
            found.append(("header_length", LIMITS["header"]))
        if len(names) > 1:
            found.append(("header_variables", 1))
        if names and not (header.get("example") or "").strip():
            found.append(("header_example", None))
    elif header and header.get("format") in ("image", "video", "document") and not header.get("handle"):
        found.append(("header_file", header["format"]))
    body = draft.get("body") or ""
    body_names = _names(body)
    if not body.strip():
        found.append(("body_empty", None))
    if len(body) > LIMITS["body"]:
        found.append(("body_length", LIMITS["body"]))
    if _numbering_problem(body_names) or (header and _numbering_problem(_names(header.get("text") or ""))):
        found.append(("numbering", None))
    if re.search(r"\}\}\s*\{\{", body):
        found.append(("adjacent", None))
    if body.strip().startswith("{{") or body.strip().endswith("}}"):
        found.append(("edge", None))
    examples = [e for e in draft.get("body_examples") or [] if (e or "").strip()]
    if len(examples) < len(body_names):
        found.append(("body_examples", len(body_names)))
    footer = draft.get("footer") or ""
    if len(footer) > LIMITS["footer"]:
        found.append(("footer_length", LIMITS["footer"]))
    if VARIABLE_RE.search(footer):
        found.append(("footer_variables", None))
    buttons = draft.get("buttons") or []
    if len(buttons) > LIMITS["buttons"]:
        found.append(("buttons", LIMITS["buttons"]))
    for kind in ("quick_reply", "url", "phone", "copy_code"):
        if sum(1 for b in buttons if b.get("type") == kind) > LIMITS[kind]:
            found.append(("button_count", kind))
    for button in buttons:
        if button.get("type") != "copy_code" and not (button.get("text") or "").strip():
            found.append(("button_text_empty", None))
        if len(button.get("text") or "") > LIMITS["button_text"]:
            found.append(("button_text", LIMITS["button_text"]))
        if button.get("type") == "url" and not str(button.get("url") or "").startswith(("https://", "http://")):
            found.append(("button_url", None))
        if button.get("type") == "url" and _names(button.get("url") or "") and not (button.get("example") or "").strip():
            found.append(("button_example", None))
        if button.get("type") == "phone" and not re.fullmatch(r"\+?[0-9 ]{6,20}", button.get("phone") or ""):
            found.append(("button_phone", LIMITS["phone_number"]))
        if button.get("type") == "copy_code" and not (0 < len((button.get("example") or "").strip()) <= LIMITS["code"]):
            found.append(("button_code", LIMITS["code"]))
    kinds = [b.get("type") for b in buttons]
    if "quick_reply" in kinds:
        first, last = kinds.index("quick_reply"), len(kinds) - 1 - kinds[::-1].index("quick_reply")
        if any(k != "quick_reply" for k in kinds[first:last + 1]):
            found.append(("quick_reply_group", None))
    return list(dict.fromkeys(found))


def components(draft):
    """Meta's creation components for `draft` (which problems() found nothing wrong with)."""
    body = draft.get("body") or ""
    body_names = _names(body)
    named = any(not n.isdigit() for n in body_names)
    result = []
    header = draft.get("header")
    if header and header.get("format") == "text":
        text = header.get("text") or ""
        component = {"type": "HEADER", "format": "TEXT", "text": text}
        names = _names(text)
        if names:
            example = header.get("example") or ""
            component["example"] = ({"header_text_named_params": [{"param_name": names[0], "example": example}]}
                                    if not names[0].isdigit() else {"header_text": [example]})
        result.append(component)
    elif header and header.get("format") in ("image", "video", "document"):
        result.append({"type": "HEADER", "format": header["format"].upper(), "example": {"header_handle": [header["handle"]]}})
    elif header and header.get("format") == "location":
        result.append({"type": "HEADER", "format": "LOCATION"})
    component = {"type": "BODY", "text": body}
    examples = [str(e).strip() for e in draft.get("body_examples") or [] if (e or "").strip()]
    if body_names:
        component["example"] = ({"body_text_named_params": [{"param_name": n, "example": e} for n, e in zip(body_names, examples)]}
                                if named else {"body_text": [examples[:len(body_names)]]})
    result.append(component)
    if draft.get("footer"):
        result.append({"type": "FOOTER", "text": draft["footer"]})
    buttons = []
    for button in draft.get("buttons") or []:
        meta = {"type": BUTTON_TYPES[button["type"]]}
        if button["type"] != "copy_code":
            meta["text"] = button.get("text") or ""
        if button["type"] == "url":
            meta["url"] = button["url"]
            if _names(button["url"]):
                meta["example"] = [button.get("example") or ""]
        elif button["type"] == "phone":
            meta["phone_number"] = button["phone"]
        elif button["type"] == "copy_code":
            meta["example"] = button.get("example") or ""
        buttons.append(meta)
    if buttons:
        result.append({"type": "BUTTONS", "buttons": buttons})
    return result


def parameter_format(draft):
    names = _names(draft.get("body") or "") + _names(((draft.get("header") or {}).get("text")) or "")
    return "NAMED" if any(not n.isdigit() for n in names) else "POSITIONAL"
