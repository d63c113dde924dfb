from ..models.cusoft_whatsapp_account import ADMIN_GROUP, WEBHOOK_FIELDS
from .datetimes import utc


def account_card(account):
    """`/cusoft_whatsapp/account/card` (schema: accountCardSchema in static_src/api/schemas/account.ts):
    the number's health only, never a secret but the verify token, which admins copy into Meta's
    dashboard."""
    account.ensure_one()
    is_admin = account.env.user.has_group(ADMIN_GROUP)
    error = None
    if account.state == "error" and account.last_error_title:
        error = {
            "code": account.last_error_code or None,
            "title": account.last_error_title,
            "explanation": account.last_error_message or "",
            "fix": account.last_error_fix or "",
            "category": account.last_error_category or "permanent",
        }
    return {
        "id": account.id,
        "name": account.name,
        "state": account.state,
        "company_name": account.company_id.name,
        "display_phone_number": account.display_phone_number or None,
        "verified_name": account.verified_name or None,
        "quality_rating": account.quality_rating or None,
        "name_status": account.name_status or None,
        "messaging_limit": account.messaging_limit or None,
        "token_set": account.token_set,
        "token_expires_at": utc(account.token_expires_at),
        "webhook_url": account.webhook_url,
        "verify_token": account.sudo().verify_token if is_admin else None,
        "webhook_fields": list(WEBHOOK_FIELDS),
        "last_webhook_at": utc(account.last_webhook_at),
        "last_checked_at": utc(account.last_checked_at),
        "last_error": error,
        "can_manage": is_admin,
    }
