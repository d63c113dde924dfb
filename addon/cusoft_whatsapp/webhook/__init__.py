"""Meta WhatsApp webhooks in plain Python (no Odoo import, relative imports only).

The route: verify_signature() on the exact bytes → decode_body() (BodyError → 413/400) → store the raw
payload and answer 200 → later parse_delivery() (ShapeError: stored but unusable) and apply the events.
"""

from .body import BODY_ERROR_KINDS, MAX_BODY_BYTES, MAX_DEPTH, BodyError, decode_body
from .model import (
    SERVICE_WINDOW,
    AccountUpdate,
    Change,
    ChangeError,
    ContactPhone,
    Delivery,
    Entry,
    ErrorDetail,
    InboundMessage,
    Location,
    Media,
    Order,
    OrderItem,
    ParsedDelivery,
    PhoneNumberUpdate,
    Reaction,
    Reply,
    SharedContact,
    StatusUpdate,
    SystemNotice,
    TemplateUpdate,
    UnknownChange,
)
from .parse import INTERNAL_ERROR, OBJECT, ShapeError, parse_delivery
from .signature import SIGNATURE_HEADER, sign, verify_handshake, verify_signature
from .split import change_routing_keys, split_delivery
from .text import storable

__all__ = [
    "BODY_ERROR_KINDS", "INTERNAL_ERROR", "MAX_BODY_BYTES", "MAX_DEPTH", "OBJECT", "SERVICE_WINDOW",
    "SIGNATURE_HEADER", "AccountUpdate", "BodyError", "Change", "ChangeError", "ContactPhone", "Delivery", "Entry",
    "ErrorDetail", "InboundMessage", "Location", "Media", "Order", "OrderItem", "ParsedDelivery",
    "PhoneNumberUpdate", "Reaction", "Reply", "SharedContact", "ShapeError", "StatusUpdate", "SystemNotice",
    "TemplateUpdate", "UnknownChange", "change_routing_keys", "decode_body", "parse_delivery", "sign",
    "split_delivery", "storable", "verify_handshake", "verify_signature",
]
