from odoo import models


class CusoftWhatsappSetup(models.AbstractModel):
    _inherit = "cusoft.whatsapp.setup"

    def _step_public_url(self, facts):
        """The sandbox's Meta lives inside this Odoo and calls it directly: a trial on localhost is
        not held back by the one step only a real number needs. The address is still quoted."""
        step = super()._step_public_url(facts)
        if not step["done"]:
            _ = self.env._
            step["done"] = True
            step["detail"] = _("Sandbox: the simulated Meta reaches this Odoo without a public address. Before you connect a "
                               "real number, set web.base.url to this Odoo's public https:// address (Settings → Technical → "
                               "System Parameters).")
        return step
