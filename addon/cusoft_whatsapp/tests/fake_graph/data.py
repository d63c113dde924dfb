"""Default records of the fake Graph server, shaped like Meta's answers (contract §3.4, §4, §7).

Ids follow the shared fixtures' conventions; everything here is invented.
"""

VERSIONS = ("v21.0", "v22.0", "v23.0", "v24.0", "v25.0", "v26.0")
APP_ID = "900000000000001"
APP_NAME = "Example Odoo WhatsApp Connector"
BUSINESS_ID = "140000000000001"
SYSTEM_USER_ID = "150000000000001"
SYSTEM_USER_NAME = "Example Trading Integration"
WABA_ID = "100000000000001"
PHONE_NUMBER_ID = "110000000000001"
SECOND_PHONE_NUMBER_ID = "110000000000002"
ISSUED_AT = 1793000000

# Every field the phone-number node knows; asking for anything else is Meta's error 100.
PHONE_NUMBER_NODE_FIELDS = frozenset({
    "id", "display_phone_number", "verified_name", "quality_rating", "code_verification_status", "name_status",
    "status", "platform_type", "throughput", "whatsapp_business_manager_messaging_limit", "messaging_limit_tier",
    "account_mode", "webhook_configuration", "last_onboarded_time", "is_on_biz_app", "is_official_business_account",
    "new_name_status", "search_visibility",
})
# What Meta returns when no `fields` parameter is given.
PHONE_NUMBER_DEFAULT_FIELDS = (
    "verified_name", "code_verification_status", "display_phone_number", "quality_rating", "platform_type",
    "throughput", "last_onboarded_time", "id",
)

PHONE_NUMBERS = {
    PHONE_NUMBER_ID: {
        "id": PHONE_NUMBER_ID,
        "display_phone_number": "+1 555-000-1234",
        "verified_name": "Example Trading SRL",
        "quality_rating": "GREEN",
        "code_verification_status": "VERIFIED",
        "name_status": "APPROVED",
        "platform_type": "CLOUD_API",
        "status": "CONNECTED",
        "account_mode": "LIVE",
        "throughput": {"level": "STANDARD"},
        "whatsapp_business_manager_messaging_limit": "TIER_2K",
        "messaging_limit_tier": "TIER_2K",
        "is_official_business_account": False,
        "is_on_biz_app": False,
        "last_onboarded_time": "2026-10-20T09:14:03+0000",
        "webhook_configuration": {
            "whatsapp_business_account": "https://erp.example.com/whatsapp/webhook/100000000000001",
            "application": "https://connector.example.com/meta/webhook",
        },
    },
    SECOND_PHONE_NUMBER_ID: {
        "id": SECOND_PHONE_NUMBER_ID,
        "display_phone_number": "+1 555-000-4321",
        "verified_name": "Example Trading Support",
        "quality_rating": "UNKNOWN",
        "code_verification_status": "NOT_VERIFIED",
        "name_status": "PENDING_REVIEW",
        "platform_type": "NOT_APPLICABLE",
        "status": "PENDING",
        "account_mode": "LIVE",
        "throughput": {"level": "NOT_APPLICABLE"},
        "whatsapp_business_manager_messaging_limit": "TIER_250",
        "is_official_business_account": False,
        "is_on_biz_app": False,
        "webhook_configuration": {"application": "https://connector.example.com/meta/webhook"},
    },
}

WABA_PHONE_NUMBERS = {WABA_ID: [PHONE_NUMBER_ID, SECOND_PHONE_NUMBER_ID]}

TEMPLATES = {
    WABA_ID: [
        {
            "name": "order_ready_pickup",
            "parameter_format": "NAMED",
            "components": [
                {
                    "type": "HEADER",
                    "format": "TEXT",
                    "text": "Order {{order_ref}} is ready",
                    "example": {"header_text_named_params": [{"param_name": "order_ref", "example": "SO0042"}]},
                },
                {
                    "type": "BODY",
                    "text": "Hello {{customer_name}}, your order can be collected from {{pickup_date}}. "
                            "Amount due: {{amount_due}}.",
                    "example": {"body_text_named_params": [
                        {"param_name": "customer_name", "example": "Dana"},
                        {"param_name": "pickup_date", "example": "28 October 2026"},
                        {"param_name": "amount_due", "example": "EUR 120.50"},
                    ]},
                },
                {"type": "FOOTER", "text": "Reply STOP to opt out"},
                {
                    "type": "BUTTONS",
                    "buttons": [
                        {"type": "QUICK_REPLY", "text": "Change date"},
                        {
                            "type": "URL",
                            "text": "Track order",
                            "url": "https://shop.example.com/track/{{1}}",
                            "example": ["https://shop.example.com/track/SO0042"],
                        },
                    ],
                },
            ],
            "language": "en_US",
            "status": "APPROVED",
            "category": "UTILITY",
            "id": "1300000000000002",
        },
        {
            "name": "spring_promo",
            "parameter_format": "POSITIONAL",
            "components": [
                {
                    "type": "HEADER",
                    "format": "IMAGE",
                    "example": {"header_handle": ["https://scontent.whatsapp.net/v/t61.29466-34/FAKE_HANDLE"]},
                },
                {
                    "type": "BODY",
                    "text": "Hi {{1}}, use code {{2}} for 15% off until Sunday.",
                    "example": {"body_text": [["Dana", "SPRING15"]]},
                },
                {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop promotions"}]},
            ],
            "language": "en",
            "status": "PAUSED",
            "category": "MARKETING",
            "sub_category": "CUSTOM",
            "id": "1300000000000003",
        },
        {
            "name": "delivery_slot_reminder",
            "parameter_format": "POSITIONAL",
            "components": [
                {
                    "type": "BODY",
                    "text": "Your delivery is scheduled for {{1}}{{2}}.",
                    "example": {"body_text": [["Wednesday", " 14:00"]]},
                },
            ],
            "language": "en_US",
            "status": "REJECTED",
            "category": "UTILITY",
            "id": "1300000000000001",
        },
    ],
}

SCOPES = ["whatsapp_business_management", "whatsapp_business_messaging", "business_management", "public_profile"]

EXPIRED_TOKEN_MESSAGE = (
    "Error validating access token: Session has expired on Monday, 26-Oct-26 02:00:00 PDT. "
    "The current time is Monday, 26-Oct-26 03:12:45 PDT."
)
INVALID_TOKEN_MESSAGE = "Invalid OAuth access token - Cannot parse access token"
MISSING_TOKEN_MESSAGE = "An access token is required to request this resource."

HTML_ERROR_PAGE = (
    "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Error</title></head>\n"
    "<body><h1>Sorry, something went wrong.</h1><p>We're working on it and we'll get it fixed as soon as we can.</p>"
    "</body></html>\n"
)


def app_link(app_id):
    return f"https://www.facebook.com/games/?app_id={app_id}"
