from . import (
    cusoft_whatsapp_secret,
    res_company,
    cusoft_whatsapp_api_log,
    cusoft_whatsapp_account,
    cusoft_whatsapp_template,
    res_config_settings,
)
