from . import (
    cusoft_whatsapp_account,
    cusoft_whatsapp_setup,
    cusoft_whatsapp_message,
    cusoft_whatsapp_sandbox_customer,
    cusoft_whatsapp_sandbox_demo,
    cusoft_whatsapp_sandbox_simulator,
    cusoft_whatsapp_sandbox_status,
    cusoft_whatsapp_sandbox_template,
    cusoft_whatsapp_sandbox_webhook,
    res_company,
)
