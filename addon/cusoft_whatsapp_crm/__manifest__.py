{
    "name": "WhatsApp Business in CRM",
    "summary": "Chat on WhatsApp from CRM leads and opportunities",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Cusoft",
    "website": "https://github.com/cusoft/cusoft_whatsapp",
    "license": "LGPL-3",
    "depends": ["cusoft_whatsapp", "crm"],
    "data": [
        "views/crm_lead_views.xml",
        "views/cusoft_whatsapp_composer_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
