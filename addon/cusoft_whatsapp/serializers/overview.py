from .datetimes import utc


def overview(accounts, can_manage):
    """`/cusoft_whatsapp/overview` (schema: static_src/api/schemas/overview.ts)."""
    return {
        "can_manage": can_manage,
        "accounts": [
            {
                "id": account.id,
                "name": account.name,
                "display_phone_number": account.display_phone_number or None,
                "state": account.state,
                "last_webhook_at": utc(account.last_webhook_at),
            }
            for account in accounts
        ],
    }
