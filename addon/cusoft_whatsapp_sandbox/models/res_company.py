import secrets

from odoo import api, models

from ..graph_server import APP_ID

CONFIG_ID = "sandbox"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._cusoft_whatsapp_sandbox_configure()  # a company made later can connect in the sandbox too
        return companies

    def _cusoft_whatsapp_sandbox_configure(self):
        """A Meta app for the sandbox: what Connect WhatsApp requires, filled only where empty. The
        secret is random: only this database signs its simulated webhooks with it."""
        Secret = self.env["cusoft.whatsapp.secret"].sudo()
        for company in self.sudo():
            company.cusoft_whatsapp_app_id = company.cusoft_whatsapp_app_id or APP_ID
            company.cusoft_whatsapp_config_id = company.cusoft_whatsapp_config_id or CONFIG_ID
            if not Secret._ids_with(company, "app_secret"):
                Secret._store(company, "app_secret", "sandbox-" + secrets.token_hex(16))
