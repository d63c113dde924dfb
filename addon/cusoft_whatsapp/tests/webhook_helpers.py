import json

from ..webhook import SIGNATURE_HEADER, sign
from .common import APP_SECRET, PHONE_NUMBER_ID, WABA_ID

CUSTOMER = "15550009876"


def text_delivery(wamid, body="Hello", wa_id=CUSTOMER, bsuid=None, name="Maria", timestamp=1793000000, username=None,
                  phone_number_id=PHONE_NUMBER_ID):
    """A `messages` delivery shaped like contract §8.4 (fixtures/webhook_inbound_text.json)."""
    message = {"id": wamid, "timestamp": str(timestamp), "type": "text", "text": {"body": body}}
    contact = {"profile": {"name": name}}
    if wa_id:
        message["from"] = wa_id
        contact["wa_id"] = wa_id
    if bsuid:
        message["from_user_id"] = bsuid
        contact["user_id"] = bsuid
    if username:
        contact["profile"]["username"] = username
    return _envelope({"contacts": [contact], "messages": [message]}, phone_number_id)


def status_delivery(wamid, status, timestamp=1793000100, recipient=CUSTOMER, errors=None):
    item = {"id": wamid, "status": status, "timestamp": str(timestamp), "recipient_id": recipient}
    if errors:
        item["errors"] = errors
    return _envelope({"statuses": [item]}, PHONE_NUMBER_ID)


def _envelope(value, phone_number_id):
    value = {"messaging_product": "whatsapp",
             "metadata": {"display_phone_number": "15550001234", "phone_number_id": phone_number_id}, **value}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": WABA_ID, "changes": [{"field": "messages", "value": value}]}]}


def signed(body, secret=APP_SECRET):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return raw, {SIGNATURE_HEADER: sign(raw, secret), "Content-Type": "application/json"}
