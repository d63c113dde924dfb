"""Deliveries shaped like Meta's (contract §8.4, the fixtures webhook_inbound_*.json and
webhook_status_*.json), for the sandbox to post to the real /whatsapp/webhook. Plain Python."""

import json
import secrets
import time

from odoo.addons.cusoft_whatsapp.webhook import SIGNATURE_HEADER, sign

# Meta's title for what a blocked business gets (the send is accepted, the status fails).
UNDELIVERABLE = {
    "code": 131026,
    "title": "Message undeliverable",
    "message": "Message undeliverable",
    "error_data": {"details": "Message failed to send because the recipient cannot receive it (sandbox: the "
                              "simulated customer blocked this number)."},
    "href": "/documentation/business-messaging/whatsapp/support/error-codes",
}


def new_wamid():
    return "wamid.SANDBOX" + secrets.token_hex(12).upper()


def new_bsuid(country="US"):
    return f"{country}.{secrets.randbelow(10 ** 19):019d}"


def _contact(customer):
    contact = {"profile": {"name": customer["name"]}, "user_id": customer["bsuid"]}
    if customer.get("username"):
        contact["profile"]["username"] = customer["username"]
    if customer.get("wa_id"):
        contact["wa_id"] = customer["wa_id"]
    return contact


def inbound(number, customer, msg_type, content, *, timestamp=None, wamid=None, context=None):
    """One customer message: `number` {"phone_number_id", "display_phone_number", "waba_id"},
    `customer` {"name", "wa_id" (or None for a username-only customer), "bsuid", "username"?}."""
    message = {
        "id": wamid or new_wamid(),
        "timestamp": str(int(timestamp or time.time())),
        "type": msg_type,
        msg_type: content,
        "from_user_id": customer["bsuid"],
    }
    if customer.get("wa_id"):
        message["from"] = customer["wa_id"]
    if context:
        message["context"] = context
    return envelope(number, {"contacts": [_contact(customer)], "messages": [message]})


def status(number, wamid, state, *, wa_id=None, bsuid=None, errors=None, timestamp=None):
    item = {"id": wamid, "status": state, "timestamp": str(int(timestamp or time.time()))}
    if wa_id:
        item["recipient_id"] = wa_id
    if bsuid and state != "failed":  # Meta leaves the BSUID out of failed statuses (§8.4)
        item["recipient_user_id"] = bsuid
    if state == "sent":
        item["pricing"] = {"billable": False, "pricing_model": "PMP", "type": "free_customer_service", "category": "service"}
    if errors:
        item["errors"] = errors
    return envelope(number, {"statuses": [item]})


def template_status(waba_id, template_id, name, language, event, reason=None):
    value = {"event": event, "message_template_id": int(template_id), "message_template_name": name,
             "message_template_language": language, "reason": reason}
    return {"object": "whatsapp_business_account", "entry": [
        {"id": waba_id, "time": int(time.time()), "changes": [{"field": "message_template_status_update", "value": value}]},
    ]}


def envelope(number, value):
    display = "".join(ch for ch in number.get("display_phone_number") or "" if ch.isdigit())
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": display, "phone_number_id": number["phone_number_id"]}, **value}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": number["waba_id"], "changes": [{"field": "messages", "value": value}]}]}


def signed(payload, app_secret):
    """(raw body, headers) as Meta posts them."""
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return raw, {SIGNATURE_HEADER: sign(raw, app_secret), "Content-Type": "application/json"}
