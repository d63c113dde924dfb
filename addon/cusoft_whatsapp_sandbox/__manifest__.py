{
    "name": "WhatsApp Business (Cloud API): sandbox",
    "summary": "Try the WhatsApp addon without a Meta app: a simulated Graph API, Embedded Signup and customers. "
    "Never install it on a production database",
    "version": "18.0.1.0.0",
    "category": "Marketing/WhatsApp",
    "author": "Cusoft",
    "website": "https://github.com/cusoft/cusoft_whatsapp",
    "license": "LGPL-3",
    "depends": ["cusoft_whatsapp"],
    "data": [
        "security/ir.model.access.csv",
        "security/cusoft_whatsapp_sandbox_rules.xml",
        "data/ir_cron.xml",
        "views/cusoft_whatsapp_sandbox_customer_views.xml",
        "views/cusoft_whatsapp_sandbox_simulator_views.xml",
        "views/cusoft_whatsapp_sandbox_template_views.xml",
        "views/res_config_settings_views.xml",
        "views/cusoft_whatsapp_sandbox_menus.xml",
    ],
    "demo": [
        "demo/cusoft_whatsapp_sandbox_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "cusoft_whatsapp_sandbox/static/src/**/*",
        ],
        "web.assets_tests": [
            "cusoft_whatsapp_sandbox/static/tests/tours/*.js",
        ],
    },
    "pre_init_hook": "_refuse_real_numbers",
    "post_init_hook": "_configure_sandbox",
    "installable": True,
}
