"""What a webhook delivery means to the Odoo layer: frozen dataclasses, no Odoo import.

Identifiers are strings (Meta sends template ids as numbers in webhooks and as strings in the Graph API).
Times are aware UTC datetimes, or None when Meta's value was absent or unusable (reported in `problems`).
Lists are tuples so that the objects stay immutable; `raw` keeps Meta's object for storage and debugging.
"""

from dataclasses import dataclass, field as _field
from datetime import timedelta

__all__ = [
    "ACCOUNT_FIELDS", "MEDIA_TYPES", "PHONE_NUMBER_FIELDS", "SERVICE_WINDOW", "TEMPLATE_FIELDS",
    "AccountUpdate", "Change", "ChangeError", "ContactPhone", "Delivery", "Entry", "ErrorDetail", "InboundMessage",
    "Location", "Media", "Order", "OrderItem", "ParsedDelivery", "PhoneNumberUpdate", "Reaction", "Reply",
    "SharedContact", "StatusUpdate", "SystemNotice", "TemplateUpdate", "UnknownChange",
]

# §9: each user message (re)opens a 24-hour customer service window for free-form replies.
SERVICE_WINDOW = timedelta(hours=24)
MEDIA_TYPES = ("image", "video", "audio", "document", "sticker")
TEMPLATE_FIELDS = {
    "message_template_status_update": "status",
    "template_category_update": "category",
    "message_template_quality_update": "quality",
}
PHONE_NUMBER_FIELDS = {"phone_number_quality_update": "quality", "phone_number_name_update": "name"}
ACCOUNT_FIELDS = ("account_update", "account_review_update", "account_alerts", "business_capability_update")


@dataclass(frozen=True)
class Change:
    """One `entry[].changes[]` item, with its routing keys."""

    waba_id: str | None
    field: str
    phone_number_id: str | None
    display_phone_number: str | None
    value: object


@dataclass(frozen=True)
class Entry:
    waba_id: str | None
    time: object  # aware datetime or None (`entry.time` is mostly absent on `messages`)
    changes: tuple = ()


@dataclass(frozen=True)
class Delivery:
    object: str
    entries: tuple = ()


@dataclass(frozen=True)
class ErrorDetail:
    """A webhook error object `{code, title, message, error_data: {details}, href}` (CONTRACT §1.3)."""

    code: int | None
    title: str | None = None
    message: str | None = None
    details: str | None = None
    href: str | None = None

    def text(self):
        """One readable line: "(#131051) Message type unknown: Message type is currently not supported."."""
        head = self.title or self.message or "Error"
        if self.code is not None:
            head = f"(#{self.code}) {head}"
        return f"{head}: {self.details}" if self.details and self.details != head else head


@dataclass(frozen=True)
class ChangeError:
    """A system/app-level error from `value.errors[]` of a `messages` change."""

    waba_id: str | None
    phone_number_id: str | None
    error: ErrorDetail


@dataclass(frozen=True)
class Media:
    id: str | None
    mime_type: str | None = None
    sha256: str | None = None
    filename: str | None = None
    voice: bool | None = None  # True = recorded voice note; None = not said (absence is not False)
    url: str | None = None
    animated: bool | None = None  # stickers


@dataclass(frozen=True)
class Reaction:
    message_id: str | None  # the wamid reacted to
    emoji: str | None  # None = the user removed the reaction

    @property
    def removed(self):
        return self.emoji is None


@dataclass(frozen=True)
class Reply:
    """A tap on an interactive button / list row / Flow (`interactive`) or on a template quick-reply (`button`)."""

    kind: str  # button_reply, list_reply, nfm_reply, button (template quick-reply), or Meta's other subtype
    id: str | None  # the id we set when sending; for `button` the payload; for nfm_reply the Flow name
    title: str | None
    description: str | None = None
    response_json: str | None = None  # nfm_reply (Flows) only, as Meta sent it


@dataclass(frozen=True)
class Location:
    latitude: float | None
    longitude: float | None
    name: str | None = None
    address: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class ContactPhone:
    phone: str | None
    wa_id: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class SharedContact:
    """A vCard-like contact the user shared (type `contacts`)."""

    name: str | None
    phones: tuple = ()  # ContactPhone
    emails: tuple = ()  # str
    organization: str | None = None
    raw: dict = _field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class OrderItem:
    product_retailer_id: str | None
    quantity: float | None
    item_price: float | None
    currency: str | None


@dataclass(frozen=True)
class Order:
    catalog_id: str | None
    text: str | None
    items: tuple = ()  # OrderItem


@dataclass(frozen=True)
class SystemNotice:
    """A WhatsApp-generated notice (type `system`), e.g. the user changed their number."""

    type: str | None
    body: str | None
    new_wa_id: str | None = None


@dataclass(frozen=True)
class InboundMessage:
    wamid: str
    phone_number_id: str | None
    waba_id: str | None
    timestamp: object  # aware UTC datetime, or None when Meta's value was unusable
    message_type: str
    wa_id: str | None  # user's phone digits; None for a username user whose phone is withheld
    bsuid: str | None  # business-scoped user id (`from_user_id` / `contacts[].user_id`)
    profile_name: str | None = None
    username: str | None = None
    body: str | None = None  # text, caption, or a readable summary for non-text types
    media: Media | None = None
    reply_to_wamid: str | None = None  # context.id: the message the user quoted / tapped on
    context_from: str | None = None
    forwarded: bool = False
    frequently_forwarded: bool = False
    referred_product: dict | None = None
    reaction: Reaction | None = None
    reply: Reply | None = None
    location: Location | None = None
    contacts: tuple = ()  # SharedContact
    order: Order | None = None
    system: SystemNotice | None = None
    unsupported_type: str | None = None  # `unsupported.type`, e.g. poll_creation
    referral: dict | None = None  # Click-to-WhatsApp ad referral, as Meta sent it
    errors: tuple = ()  # ErrorDetail
    display_phone_number: str | None = None
    raw: dict = _field(default_factory=dict, compare=False)

    @property
    def sender_key(self):
        """What identifies the user for contact matching: wa_id when known, else the BSUID."""
        return self.wa_id or self.bsuid

    @property
    def opens_window(self):
        """Whether this message (re)opens the 24-hour window: any user message, not WhatsApp's system notices."""
        return self.message_type != "system"

    @property
    def window_expires_at(self):
        if self.timestamp is None or not self.opens_window:
            return None
        return self.timestamp + SERVICE_WINDOW


@dataclass(frozen=True)
class StatusUpdate:
    wamid: str
    phone_number_id: str | None
    waba_id: str | None
    status: str  # sent, delivered, read, failed, played, or a value Meta adds later
    timestamp: object
    recipient_id: str | None
    recipient_bsuid: str | None = None
    recipient_type: str | None = None
    errors: tuple = ()  # ErrorDetail
    pricing: dict | None = None
    conversation: dict | None = None
    biz_opaque_callback_data: str | None = None
    display_phone_number: str | None = None
    raw: dict = _field(default_factory=dict, compare=False)

    @property
    def error_codes(self):
        return tuple(error.code for error in self.errors if error.code is not None)


@dataclass(frozen=True)
class TemplateUpdate:
    """message_template_status_update / template_category_update / message_template_quality_update."""

    field: str
    waba_id: str | None
    time: object
    template_id: str | None
    template_name: str | None
    language: str | None
    event: str | None = None  # APPROVED, REJECTED, PAUSED…
    reason: str | None = None  # INVALID_FORMAT, NONE…
    category: str | None = None
    rejection_reason: str | None = None  # rejection_info.reason: Meta's sentence
    rejection_recommendation: str | None = None
    disable_date: object = None
    other_title: str | None = None  # other_info.title: FIRST_PAUSE, UNPAUSE…
    other_description: str | None = None
    previous_category: str | None = None
    new_category: str | None = None
    correct_category: str | None = None
    category_update_at: object = None
    previous_quality: str | None = None
    new_quality: str | None = None
    raw: dict = _field(default_factory=dict, compare=False)

    @property
    def kind(self):
        return TEMPLATE_FIELDS.get(self.field)


@dataclass(frozen=True)
class PhoneNumberUpdate:
    """phone_number_quality_update (quality / messaging limit / throughput) or phone_number_name_update."""

    field: str
    waba_id: str | None
    time: object
    display_phone_number: str | None
    event: str | None = None  # THROUGHPUT_UPGRADE, ONBOARDING, FLAGGED, UPGRADE…
    messaging_limit: str | None = None  # max_daily_conversations_per_business: TIER_250…TIER_UNLIMITED
    current_limit: str | None = None  # legacy
    old_limit: str | None = None  # legacy
    decision: str | None = None  # name update: APPROVED, DEFERRED, PENDING, REJECTED
    requested_verified_name: str | None = None
    rejection_reason: str | None = None
    raw: dict = _field(default_factory=dict, compare=False)

    @property
    def kind(self):
        return PHONE_NUMBER_FIELDS.get(self.field)


@dataclass(frozen=True)
class AccountUpdate:
    """account_update, account_review_update, account_alerts or business_capability_update (WABA level)."""

    field: str
    waba_id: str | None
    time: object
    event: str | None = None  # account_update.event / account_review_update.decision / account_alerts.alert_type
    waba_info: dict | None = None
    violation_info: dict | None = None
    ban_info: dict | None = None
    restriction_info: tuple = ()
    disconnection_info: dict | None = None
    description: str | None = None  # account_alerts.alert_description
    messaging_limit: str | None = None  # business_capability_update.max_daily_conversations_per_business
    raw: dict = _field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class UnknownChange:
    """A change of a field this package does not interpret; stored, never an error."""

    field: str
    value: object
    waba_id: str | None = None
    time: object = None


@dataclass
class ParsedDelivery:
    delivery: Delivery
    messages: list = _field(default_factory=list)  # InboundMessage
    statuses: list = _field(default_factory=list)  # StatusUpdate
    templates: list = _field(default_factory=list)  # TemplateUpdate
    phone_numbers: list = _field(default_factory=list)  # PhoneNumberUpdate
    accounts: list = _field(default_factory=list)  # AccountUpdate
    errors: list = _field(default_factory=list)  # ChangeError
    unknown: list = _field(default_factory=list)  # UnknownChange
    problems: list = _field(default_factory=list)  # str

    @property
    def waba_ids(self):
        """Every WABA id in the delivery, in order of appearance (routing of WABA-level fields)."""
        return _unique(entry.waba_id for entry in self.delivery.entries)

    @property
    def phone_number_ids(self):
        """Every business phone number id in the delivery, in order (routing of messages/statuses)."""
        return _unique(change.phone_number_id for entry in self.delivery.entries for change in entry.changes)

    @property
    def events(self):
        """Count of interpreted events, for logs."""
        return (len(self.messages) + len(self.statuses) + len(self.templates) + len(self.phone_numbers)
                + len(self.accounts) + len(self.errors) + len(self.unknown))


def _unique(values):
    seen = []
    for value in values:
        if value is not None and value not in seen:
            seen.append(value)
    return tuple(seen)
