from odoo import api, fields, models

from .cusoft_whatsapp_account import (
    ADMIN_GROUP,
    DEFAULT_GRAPH_URL,
    DEFAULT_GRAPH_VERSION,
    GRAPH_URL_PARAM,
    GRAPH_VERSION_PARAM,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cusoft_whatsapp_app_id = fields.Char(
        related="company_id.cusoft_whatsapp_app_id", readonly=False, groups=ADMIN_GROUP
    )
    cusoft_whatsapp_config_id = fields.Char(
        related="company_id.cusoft_whatsapp_config_id", readonly=False, groups=ADMIN_GROUP
    )
    cusoft_whatsapp_share_contacts = fields.Boolean(
        related="company_id.cusoft_whatsapp_share_contacts", readonly=False, groups=ADMIN_GROUP
    )
    # Not a config_parameter field and not stored: Odoo 18's default_get returns config_parameter
    # values to any internal user, and a stored transient column would keep the secret in clear.
    cusoft_whatsapp_app_secret = fields.Char(
        "Meta App Secret",
        compute="_compute_cusoft_whatsapp_app_secret",
        inverse="_inverse_cusoft_whatsapp_app_secret",
        groups=ADMIN_GROUP,
        exportable=False,
    )
    cusoft_whatsapp_app_secret_set = fields.Boolean(compute="_compute_cusoft_whatsapp_app_secret")
    cusoft_whatsapp_graph_url = fields.Char(
        "Graph API URL", config_parameter=GRAPH_URL_PARAM, default=DEFAULT_GRAPH_URL, groups=ADMIN_GROUP
    )
    cusoft_whatsapp_graph_version = fields.Char(
        "Graph API version", config_parameter=GRAPH_VERSION_PARAM, default=DEFAULT_GRAPH_VERSION, groups=ADMIN_GROUP
    )

    @api.depends("company_id")
    def _compute_cusoft_whatsapp_app_secret(self):
        Secret = self.env["cusoft.whatsapp.secret"]
        for settings in self:
            settings.cusoft_whatsapp_app_secret = False
            settings.cusoft_whatsapp_app_secret_set = bool(
                Secret._ids_with(settings.company_id, "app_secret")
            )

    def _inverse_cusoft_whatsapp_app_secret(self):
        Secret = self.env["cusoft.whatsapp.secret"]
        for settings in self:
            if settings.cusoft_whatsapp_app_secret:
                Secret._store(settings.company_id, "app_secret", settings.cusoft_whatsapp_app_secret)
