"""`messages` field: inbound messages, outbound statuses, contacts and errors of one change value."""

from .model import (
    MEDIA_TYPES,
    ContactPhone,
    ErrorDetail,
    InboundMessage,
    Location,
    Media,
    Order,
    OrderItem,
    Reaction,
    Reply,
    SharedContact,
    StatusUpdate,
    SystemNotice,
)
from .reader import at, kind_of, opt_bool, opt_dict, opt_id, opt_list, opt_number, opt_str, opt_time

__all__ = ["parse_contacts", "parse_errors", "parse_message", "parse_status"]

_CAPTIONED = ("image", "video", "document")


class Route:
    """Where a change belongs: its WABA and business number."""

    def __init__(self, waba_id, phone_number_id, display_phone_number, contacts):
        self.waba_id = waba_id
        self.phone_number_id = phone_number_id
        self.display_phone_number = display_phone_number
        self.contacts = contacts  # list of dicts {wa_id, user_id, name, username}

    def contact_for(self, wa_id, bsuid, only_if_single=True):
        """The `contacts[]` entry describing this user: matched by wa_id or BSUID, else the only one."""
        for contact in self.contacts:
            if (wa_id and contact["wa_id"] == wa_id) or (bsuid and contact["user_id"] == bsuid):
                return contact
        if only_if_single and len(self.contacts) == 1:
            only = self.contacts[0]
            # Never pair with a contact that clearly names someone else.
            if not (wa_id and only["wa_id"] and only["wa_id"] != wa_id) and \
                    not (bsuid and only["user_id"] and only["user_id"] != bsuid):
                return only
        return None


def parse_contacts(value, path, problems):
    """`value.contacts[]` (the senders / recipients, not shared vCards) as small dicts."""
    result = []
    for index, item in enumerate(opt_list(value, "contacts", path, problems)):
        where = at(at(path, "contacts"), index)
        if not isinstance(item, dict):
            problems.add(where, f"expected an object, got {kind_of(item)}")
            continue
        profile = opt_dict(item, "profile", where, problems) or {}
        result.append({
            "wa_id": opt_id(item, "wa_id", where, problems),
            "user_id": opt_id(item, "user_id", where, problems),
            "name": opt_str(profile, "name", at(where, "profile"), problems),
            "username": opt_str(profile, "username", at(where, "profile"), problems),
        })
    return result


def parse_errors(obj, path, problems):
    """`obj.errors[]` → tuple of ErrorDetail (CONTRACT §1.3: `{code, title, message, error_data:{details}, href}`)."""
    errors = []
    for index, item in enumerate(opt_list(obj, "errors", path, problems)):
        where = at(at(path, "errors"), index)
        if not isinstance(item, dict):
            problems.add(where, f"expected an object, got {kind_of(item)}")
            continue
        code = item.get("code")
        if isinstance(code, str) and code.strip().isdigit():
            code = int(code.strip())
        if code is not None and (not isinstance(code, int) or isinstance(code, bool)):
            problems.add(at(where, "code"), f"expected a number, got {kind_of(code)}")
            code = None
        details = None
        error_data = item.get("error_data")
        if isinstance(error_data, str):  # template-management errors may carry a plain string
            details = error_data
        elif isinstance(error_data, dict):
            details = opt_str(error_data, "details", at(where, "error_data"), problems)
        elif error_data is not None:
            problems.add(at(where, "error_data"), f"expected an object, got {kind_of(error_data)}")
        errors.append(ErrorDetail(
            code=code,
            title=opt_str(item, "title", where, problems),
            message=opt_str(item, "message", where, problems),
            details=details,
            href=opt_str(item, "href", where, problems),
        ))
    return tuple(errors)


def parse_status(item, route, path, problems):
    """One `value.statuses[]` item → StatusUpdate, or None when it lacks a wamid or a status."""
    if not isinstance(item, dict):
        problems.add(path, f"expected an object, got {kind_of(item)}")
        return None
    wamid = opt_str(item, "id", path, problems, required=True)
    status = opt_str(item, "status", path, problems, required=True)
    if not wamid or not status:
        problems.add(path, "status dropped: it needs a wamid and a status")
        return None
    recipient_id = opt_id(item, "recipient_id", path, problems)
    bsuid = opt_id(item, "recipient_user_id", path, problems)
    if bsuid is None and recipient_id:
        contact = route.contact_for(recipient_id, None, only_if_single=False)
        bsuid = contact["user_id"] if contact else None
    return StatusUpdate(
        wamid=wamid,
        phone_number_id=route.phone_number_id,
        waba_id=route.waba_id,
        status=status.strip().lower(),
        timestamp=opt_time(item, "timestamp", path, problems, required=True),
        recipient_id=recipient_id,
        recipient_bsuid=bsuid,
        recipient_type=opt_str(item, "recipient_type", path, problems),
        errors=parse_errors(item, path, problems),
        pricing=opt_dict(item, "pricing", path, problems),
        conversation=opt_dict(item, "conversation", path, problems),
        biz_opaque_callback_data=opt_str(item, "biz_opaque_callback_data", path, problems),
        display_phone_number=route.display_phone_number,
        raw=item,
    )


def parse_message(item, route, path, problems):
    """One `value.messages[]` item → InboundMessage, or None when it has no usable wamid."""
    if not isinstance(item, dict):
        problems.add(path, f"expected an object, got {kind_of(item)}")
        return None
    wamid = opt_str(item, "id", path, problems, required=True)
    if not wamid:
        if wamid == "":
            problems.add(at(path, "id"), "empty wamid")
        problems.add(path, "message dropped: without a wamid it cannot be stored once and only once")
        return None
    message_type = opt_str(item, "type", path, problems, required=True) or "unknown"
    wa_id = opt_id(item, "from", path, problems)
    bsuid = opt_id(item, "from_user_id", path, problems)
    contact = route.contact_for(wa_id, bsuid)
    if contact:
        wa_id = wa_id or contact["wa_id"]
        bsuid = bsuid or contact["user_id"]
    if not wa_id and not bsuid:
        problems.add(path, "no sender: neither `from`, `from_user_id` nor a matching contact")
    errors = parse_errors(item, path, problems)
    fields = {}
    _read_context(item, path, problems, fields)
    fields.update(_read_payload(item, message_type, errors, path, problems))
    return InboundMessage(
        wamid=wamid,
        phone_number_id=route.phone_number_id,
        waba_id=route.waba_id,
        timestamp=opt_time(item, "timestamp", path, problems, required=True),
        message_type=message_type,
        wa_id=wa_id,
        bsuid=bsuid,
        profile_name=contact["name"] if contact else None,
        username=contact["username"] if contact else None,
        referral=opt_dict(item, "referral", path, problems),
        errors=errors,
        display_phone_number=route.display_phone_number,
        raw=item,
        **fields,
    )


def _read_context(item, path, problems, fields):
    context = opt_dict(item, "context", path, problems)
    if not context:
        return
    where = at(path, "context")
    fields["reply_to_wamid"] = opt_str(context, "id", where, problems)
    fields["context_from"] = opt_id(context, "from", where, problems)
    fields["forwarded"] = bool(opt_bool(context, "forwarded", where, problems))
    fields["frequently_forwarded"] = bool(opt_bool(context, "frequently_forwarded", where, problems))
    fields["referred_product"] = opt_dict(context, "referred_product", where, problems)


def _read_payload(item, message_type, errors, path, problems):
    """The type-specific object (`item[type]`) → InboundMessage keyword arguments, body included."""
    if message_type in ("unsupported", "unknown"):
        return _unsupported(item, message_type, errors, path, problems)
    if message_type == "contacts":  # a list, not an object
        return _shared_contacts(item, path, problems)
    if message_type == "request_welcome":  # no payload object
        return {"body": "The user opened the chat"}
    reader = _READERS.get(message_type)
    if reader is None:
        # A type this package does not know yet: keep it, so the agent sees that something arrived.
        return {"body": f"Unsupported message type '{message_type}'", "unsupported_type": message_type}
    payload = opt_dict(item, message_type, path, problems, required=True)
    if payload is None:
        return {"body": f"Empty {message_type} message"}
    return reader(payload, message_type, at(path, message_type), problems)


def _text(payload, _type, where, problems):
    return {"body": opt_str(payload, "body", where, problems, required=True)}


def _media(payload, media_type, where, problems):
    media = Media(
        id=opt_id(payload, "id", where, problems, required=True),
        mime_type=opt_str(payload, "mime_type", where, problems),
        sha256=opt_str(payload, "sha256", where, problems),
        filename=opt_str(payload, "filename", where, problems),
        voice=opt_bool(payload, "voice", where, problems),
        url=opt_str(payload, "url", where, problems),
        animated=opt_bool(payload, "animated", where, problems),
    )
    caption = opt_str(payload, "caption", where, problems) if media_type in _CAPTIONED else None
    return {"media": media, "body": caption or None}


def _location(payload, _type, where, problems):
    location = Location(
        latitude=opt_number(payload, "latitude", where, problems),
        longitude=opt_number(payload, "longitude", where, problems),
        name=opt_str(payload, "name", where, problems),
        address=opt_str(payload, "address", where, problems),
        url=opt_str(payload, "url", where, problems),
    )
    if location.latitude is None or location.longitude is None:
        problems.add(where, "location without latitude/longitude")
    label = ", ".join(part for part in (location.name, location.address) if part)
    coordinates = (f"({location.latitude}, {location.longitude})"
                   if location.latitude is not None and location.longitude is not None else "")
    body = " ".join(part for part in (label or "Location", coordinates) if part)
    if location.url:
        body = f"{body}\n{location.url}"
    return {"location": location, "body": body}


def _shared_contacts(item, path, problems):
    shared = []
    where = at(path, "contacts")
    for index, card in enumerate(opt_list(item, "contacts", path, problems, required=True)):
        card_path = at(where, index)
        if not isinstance(card, dict):
            problems.add(card_path, f"expected an object, got {kind_of(card)}")
            continue
        name = opt_dict(card, "name", card_path, problems) or {}
        display = opt_str(name, "formatted_name", at(card_path, "name"), problems) or " ".join(
            part for part in (opt_str(name, "first_name", at(card_path, "name"), problems),
                              opt_str(name, "last_name", at(card_path, "name"), problems)) if part) or None
        phones = []
        for phone_index, phone in enumerate(opt_list(card, "phones", card_path, problems)):
            phone_path = at(at(card_path, "phones"), phone_index)
            if not isinstance(phone, dict):
                problems.add(phone_path, f"expected an object, got {kind_of(phone)}")
                continue
            phones.append(ContactPhone(phone=opt_str(phone, "phone", phone_path, problems),
                                       wa_id=opt_id(phone, "wa_id", phone_path, problems),
                                       type=opt_str(phone, "type", phone_path, problems)))
        emails = []
        for email_index, email in enumerate(opt_list(card, "emails", card_path, problems)):
            address = opt_str(email, "email", at(at(card_path, "emails"), email_index), problems) \
                if isinstance(email, dict) else None
            if address:
                emails.append(address)
        org = opt_dict(card, "org", card_path, problems) or {}
        shared.append(SharedContact(
            name=display, phones=tuple(phones), emails=tuple(emails),
            organization=opt_str(org, "company", at(card_path, "org"), problems), raw=card,
        ))
    lines = []
    for contact in shared:
        numbers = ", ".join(phone.phone or phone.wa_id for phone in contact.phones if phone.phone or phone.wa_id)
        lines.append("Contact: " + " ".join(part for part in (contact.name or "(no name)", numbers) if part))
    return {"contacts": tuple(shared), "body": "\n".join(lines) or "Contact"}


def _interactive(payload, _type, where, problems):
    kind = opt_str(payload, "type", where, problems, required=True) or "unknown"
    reply_obj = opt_dict(payload, kind, where, problems, required=True) if kind != "unknown" else None
    if reply_obj is None:
        return {"body": f"Interactive reply ({kind})", "reply": Reply(kind=kind, id=None, title=None)}
    sub = at(where, kind)
    if kind == "nfm_reply":  # Flows: {name, body, response_json}
        reply = Reply(kind=kind, id=opt_str(reply_obj, "name", sub, problems),
                      title=opt_str(reply_obj, "body", sub, problems),
                      response_json=opt_str(reply_obj, "response_json", sub, problems))
        return {"reply": reply, "body": reply.title or "Flow response"}
    reply = Reply(kind=kind, id=opt_id(reply_obj, "id", sub, problems),
                  title=opt_str(reply_obj, "title", sub, problems),
                  description=opt_str(reply_obj, "description", sub, problems))
    return {"reply": reply, "body": reply.title or reply.id or f"Interactive reply ({kind})"}


def _button(payload, _type, where, problems):
    """Tap on a template quick-reply button: `{payload, text}`; correlate with context.id."""
    reply = Reply(kind="button", id=opt_str(payload, "payload", where, problems),
                  title=opt_str(payload, "text", where, problems))
    return {"reply": reply, "body": reply.title or reply.id or "Button"}


def _reaction(payload, _type, where, problems):
    emoji = opt_str(payload, "emoji", where, problems) or None  # absent (or empty) = reaction removed
    reaction = Reaction(message_id=opt_str(payload, "message_id", where, problems, required=True), emoji=emoji)
    return {"reaction": reaction, "body": emoji or "Reaction removed"}


def _order(payload, _type, where, problems):
    items = []
    for index, product in enumerate(opt_list(payload, "product_items", where, problems)):
        item_path = at(at(where, "product_items"), index)
        if not isinstance(product, dict):
            problems.add(item_path, f"expected an object, got {kind_of(product)}")
            continue
        items.append(OrderItem(
            product_retailer_id=opt_id(product, "product_retailer_id", item_path, problems),
            quantity=opt_number(product, "quantity", item_path, problems),
            item_price=opt_number(product, "item_price", item_path, problems),
            currency=opt_str(product, "currency", item_path, problems),
        ))
    order = Order(catalog_id=opt_id(payload, "catalog_id", where, problems),
                  text=opt_str(payload, "text", where, problems), items=tuple(items))
    lines = [f"Order ({len(items)} item{'s' if len(items) != 1 else ''})"]
    for product in items:
        quantity = _number_text(product.quantity)
        price = f" at {_number_text(product.item_price)} {product.currency or ''}".rstrip() \
            if product.item_price is not None else ""
        lines.append(f"{quantity or '?'} x {product.product_retailer_id or '?'}{price}")
    if order.text:
        lines.append(order.text)
    return {"order": order, "body": "\n".join(lines)}


def _system(payload, _type, where, problems):
    notice = SystemNotice(type=opt_str(payload, "type", where, problems),
                          body=opt_str(payload, "body", where, problems),
                          new_wa_id=opt_id(payload, "wa_id", where, problems)
                          or opt_id(payload, "new_wa_id", where, problems))
    return {"system": notice, "body": notice.body or f"System notice ({notice.type or 'unknown'})"}


def _unsupported(item, message_type, errors, path, problems):
    """`unsupported` (legacy `unknown`): kept with Meta's error so the agent sees that something arrived."""
    payload = opt_dict(item, message_type, path, problems) or {}
    kind = opt_str(payload, "type", at(path, message_type), problems)
    reason = (errors[0].details or errors[0].title or errors[0].message) if errors else None
    body = f"Unsupported message ({kind})" if kind else "Unsupported message"
    return {"body": f"{body}: {reason}" if reason else body, "unsupported_type": kind}


def _number_text(number):
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else str(number)


_READERS = {
    "text": _text,
    **{media_type: _media for media_type in MEDIA_TYPES},
    "location": _location,
    "interactive": _interactive,
    "button": _button,
    "reaction": _reaction,
    "order": _order,
    "system": _system,
}
