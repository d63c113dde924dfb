"""WABA-level fields (routed by `entry[].id`): templates, phone-number quality/name, account events."""

from .model import (
    ACCOUNT_FIELDS,
    PHONE_NUMBER_FIELDS,
    TEMPLATE_FIELDS,
    AccountUpdate,
    PhoneNumberUpdate,
    TemplateUpdate,
)
from .reader import at, kind_of, opt_dict, opt_id, opt_list, opt_str, opt_time

__all__ = ["WABA_FIELDS", "parse_waba_change"]

WABA_FIELDS = (*TEMPLATE_FIELDS, *PHONE_NUMBER_FIELDS, *ACCOUNT_FIELDS)


def parse_waba_change(field, value, waba_id, time, path, problems):
    """One change of a WABA-level field → TemplateUpdate / PhoneNumberUpdate / AccountUpdate."""
    if field in TEMPLATE_FIELDS:
        return _template(field, value, waba_id, time, path, problems)
    if field in PHONE_NUMBER_FIELDS:
        return _phone_number(field, value, waba_id, time, path, problems)
    return _account(field, value, waba_id, time, path, problems)


def _template(field, value, waba_id, time, path, problems):
    rejection = opt_dict(value, "rejection_info", path, problems) or {}
    other = opt_dict(value, "other_info", path, problems) or {}
    disable = opt_dict(value, "disable_info", path, problems) or {}
    template_id = opt_id(value, "message_template_id", path, problems, required=True)
    return TemplateUpdate(
        field=field,
        waba_id=waba_id,
        time=time,
        template_id=template_id,
        template_name=opt_str(value, "message_template_name", path, problems),
        language=opt_str(value, "message_template_language", path, problems),
        event=_upper(opt_str(value, "event", path, problems)),
        # `reason` is documented as a code or null; "NONE" is Meta's way of saying there is none.
        reason=_none_if_none(opt_str(value, "reason", path, problems)),
        category=opt_str(value, "message_template_category", path, problems),
        rejection_reason=opt_str(rejection, "reason", at(path, "rejection_info"), problems),
        rejection_recommendation=opt_str(rejection, "recommendation", at(path, "rejection_info"), problems),
        disable_date=opt_time(disable, "disable_date", at(path, "disable_info"), problems),
        other_title=opt_str(other, "title", at(path, "other_info"), problems),
        other_description=opt_str(other, "description", at(path, "other_info"), problems),
        previous_category=opt_str(value, "previous_category", path, problems),
        new_category=opt_str(value, "new_category", path, problems),
        correct_category=opt_str(value, "correct_category", path, problems),
        category_update_at=opt_time(value, "category_update_timestamp", path, problems),
        previous_quality=opt_str(value, "previous_quality_score", path, problems),
        new_quality=opt_str(value, "new_quality_score", path, problems),
        raw=value,
    )


def _phone_number(field, value, waba_id, time, path, problems):
    return PhoneNumberUpdate(
        field=field,
        waba_id=waba_id,
        time=time,
        display_phone_number=opt_id(value, "display_phone_number", path, problems, required=True),
        event=_upper(opt_str(value, "event", path, problems)),
        messaging_limit=opt_str(value, "max_daily_conversations_per_business", path, problems),
        current_limit=opt_str(value, "current_limit", path, problems),
        old_limit=opt_str(value, "old_limit", path, problems),
        decision=_upper(opt_str(value, "decision", path, problems)),
        requested_verified_name=opt_str(value, "requested_verified_name", path, problems),
        rejection_reason=_none_if_none(opt_str(value, "rejection_reason", path, problems)),
        raw=value,
    )


def _account(field, value, waba_id, time, path, problems):
    if field == "account_review_update":
        event = opt_str(value, "decision", path, problems)
    elif field == "account_alerts":
        event = opt_str(value, "alert_type", path, problems)
    else:
        event = opt_str(value, "event", path, problems)
    restrictions = []
    for index, item in enumerate(opt_list(value, "restriction_info", path, problems)):
        if isinstance(item, dict):
            restrictions.append(item)
        else:
            problems.add(at(at(path, "restriction_info"), index), f"expected an object, got {kind_of(item)}")
    waba_info = opt_dict(value, "waba_info", path, problems)
    if waba_id is None and waba_info:
        waba_id = opt_id(waba_info, "waba_id", at(path, "waba_info"), problems)
    return AccountUpdate(
        field=field,
        waba_id=waba_id,
        time=time,
        event=_upper(event),
        waba_info=waba_info,
        violation_info=opt_dict(value, "violation_info", path, problems),
        ban_info=opt_dict(value, "ban_info", path, problems),
        restriction_info=tuple(restrictions),
        disconnection_info=opt_dict(value, "disconnection_info", path, problems),
        description=opt_str(value, "alert_description", path, problems),
        messaging_limit=opt_str(value, "max_daily_conversations_per_business", path, problems),
        raw=value,
    )


def _upper(text):
    return (text.strip().upper() or None) if isinstance(text, str) else None


def _none_if_none(text):
    return None if text is None or text.strip().upper() in ("", "NONE") else text
