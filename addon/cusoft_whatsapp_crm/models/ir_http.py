from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        # The chat's client offers "Create lead" only where the bridge's routes exist.
        info = super().session_info()
        info["cusoft_whatsapp_crm"] = True
        return info
