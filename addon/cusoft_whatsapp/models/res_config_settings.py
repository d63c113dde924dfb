from odoo import api, fields, models
from odoo.exceptions import UserError

from ..crypto import CONFIG, ENVIRONMENT, FILE, KEY_ENV, KEY_OPTION

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

    # Where the encryption key of the secrets is, so that whoever backs up Odoo keeps it too.
    cusoft_whatsapp_key_kind = fields.Selection(
        [(CONFIG, "Odoo configuration file"), (ENVIRONMENT, "Environment variable"), (FILE, "Generated key file")],
        string="Encryption key source", compute="_compute_cusoft_whatsapp_key", groups=ADMIN_GROUP,
    )
    cusoft_whatsapp_key_location = fields.Char(
        "Encryption key location", compute="_compute_cusoft_whatsapp_key", groups=ADMIN_GROUP
    )
    cusoft_whatsapp_key_problem = fields.Char(
        "Encryption key problem", compute="_compute_cusoft_whatsapp_key", groups=ADMIN_GROUP
    )

    def _compute_cusoft_whatsapp_key(self):
        Secret = self.env["cusoft.whatsapp.secret"].sudo()
        kind, location, problem = False, False, False
        try:
            source = Secret._key_source()
            kind = source.kind
            location = {CONFIG: f"{KEY_OPTION} (odoo.conf)", ENVIRONMENT: KEY_ENV}.get(source.kind, source.path)
        except UserError as error:
            problem = str(error.args[0])
        for settings in self:
            settings.cusoft_whatsapp_key_kind = kind
            settings.cusoft_whatsapp_key_location = location
            settings.cusoft_whatsapp_key_problem = problem

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
