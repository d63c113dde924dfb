from odoo import models


class CusoftWhatsappMessage(models.Model):
    _inherit = "cusoft.whatsapp.message"

    def _send_one(self):
        """Once the fake Graph accepted the message, the customer's phone 'answers' with statuses."""
        super()._send_one()
        if self.state == "sent" and self.wamid:
            self.env["cusoft.whatsapp.sandbox.status"]._schedule(self)
