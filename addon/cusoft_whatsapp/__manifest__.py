{
    "name": "WhatsApp Business (Cloud API)",
    "summary": "Connect WhatsApp Business numbers through Meta's Embedded Signup and chat "
    "with customers from Odoo",
    "version": "18.0.1.0.0",
    "category": "Marketing/WhatsApp",
    "author": "Cusoft",
    "website": "https://github.com/cusoft/cusoft_whatsapp",
    "license": "LGPL-3",
    "depends": [
        "base",
        "web",
        "mail",
        "bus",
        "contacts",
        "phone_validation",
        "base_setup",
    ],
    "external_dependencies": {"python": ["requests", "cryptography"]},
    "data": [
        "security/cusoft_whatsapp_security.xml",
        "security/ir.model.access.csv",
        "security/cusoft_whatsapp_rules.xml",
        "data/ir_cron.xml",
        "data/ir_cron_send.xml",
        "data/ir_cron_privacy.xml",
        "views/cusoft_whatsapp_account_views.xml",
        "views/cusoft_whatsapp_onboarding_views.xml",
        "views/cusoft_whatsapp_webhook_views.xml",
        "views/res_config_settings_views.xml",
        "views/cusoft_whatsapp_menus.xml",
        "views/cusoft_whatsapp_privacy_views.xml",
        "views/res_partner_views.xml",
    ],
    "assets": {
        # Built from static_src/ by `npm run build`; committed so the addon installs without npm.
        "web.assets_backend": [
            "cusoft_whatsapp/static/src/cusoft_whatsapp.js",
            "cusoft_whatsapp/static/src/cusoft_whatsapp.xml",
            "cusoft_whatsapp/static/src/cusoft_whatsapp.scss",
        ],
        "web.assets_tests": [
            "cusoft_whatsapp/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
