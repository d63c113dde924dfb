"""The template picker's payload (docs/chat-api.md, `/cusoft_whatsapp/chat/templates`): the
approved templates of a conversation's number, parsed (template_spec), with values the picker may
fill in beforehand. Twin of static_src/api/schemas/chat_templates.ts."""

from odoo import fields

# Variable names that mean the customer's name, whatever the template's author called them.
NAME_VARIABLES = ("name", "customer_name", "contact_name", "client_name", "full_name", "nombre", "cliente")
FIRST_NAME_VARIABLES = ("first_name", "firstname", "nombre_pila")


def _variable(variable):
    return {"key": variable["key"], "name": variable["name"], "example": variable.get("example")}


def template(record):
    spec = record._spec()
    header = spec.get("header")
    return {
        "id": record.id,
        "name": record.name,
        "language": record.language,
        "category": record.category or None,
        "quality": record.quality or None,
        "parameter_format": spec.get("parameter_format") or "positional",
        "header": {
            "format": header["format"],
            "text": header.get("text"),
            "variables": [_variable(v) for v in header.get("variables") or []],
        } if header else None,
        "body": {
            "text": spec["body"]["text"],
            "variables": [_variable(v) for v in spec["body"].get("variables") or []],
        },
        "footer": spec.get("footer"),
        "buttons": [{
            "index": button["index"],
            "type": button["type"],
            "text": button.get("text") or "",
            "url": button.get("url"),
            "phone": button.get("phone"),
            "variables": [_variable(v) for v in button.get("variables") or []],
        } for button in spec.get("buttons") or []],
    }


def prefill(conversation):
    """{variable name: value} for named variables that mean the customer's name."""
    name = (conversation.partner_id.name or conversation.name or "").strip()
    if not name:
        return {}
    values = dict.fromkeys(NAME_VARIABLES, name)
    values.update(dict.fromkeys(FIRST_NAME_VARIABLES, name.split()[0]))
    return values


def template_list(conversation, records):
    """Answer of `/cusoft_whatsapp/chat/templates`; `records` were searched with the user's rights."""
    sudo = conversation.sudo()
    return {
        "conversation_id": conversation.id,
        "window_open": bool(sudo.window_expires_at and sudo.window_expires_at > fields.Datetime.now()),
        "prefill": prefill(sudo),
        "templates": [template(record) for record in records],
    }
