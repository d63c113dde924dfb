from . import (
    cusoft_whatsapp_secret,
    res_company,
    cusoft_whatsapp_api_log,
    cusoft_whatsapp_account,
    cusoft_whatsapp_template,
    cusoft_whatsapp_onboarding,
    res_config_settings,
    res_partner,
    cusoft_whatsapp_conversation,
    cusoft_whatsapp_message,
    cusoft_whatsapp_webhook_event,
    cusoft_whatsapp_media,
)
