from .datetimes import utc


def overview(accounts, can_manage, deliveries_to_review):
    """`/cusoft_whatsapp/overview` (schema: static_src/api/schemas/overview.ts).

    `deliveries_to_review`: webhook deliveries that wait for a person (in error, or done with something
    Meta reported); everything else heals by itself."""
    return {
        "can_manage": can_manage,
        "deliveries_to_review": deliveries_to_review,
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
