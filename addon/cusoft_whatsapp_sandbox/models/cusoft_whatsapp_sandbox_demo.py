from odoo import api, models


class CusoftWhatsappSandboxDemo(models.AbstractModel):
    _name = "cusoft.whatsapp.sandbox.demo"
    _description = "WhatsApp sandbox: demo data"

    @api.model
    def _load_demo(self):
        return True
