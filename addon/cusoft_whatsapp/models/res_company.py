from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cusoft_whatsapp_app_id = fields.Char("Meta App ID", groups="base.group_user")
    cusoft_whatsapp_config_id = fields.Char(
        "Embedded Signup configuration ID",
        groups="base.group_user",
        help="The Facebook Login for Business configuration used by the Connect WhatsApp button.",
    )
    cusoft_whatsapp_share_contacts = fields.Boolean(
        "Share WhatsApp contacts",
        help="New customers who write to this company's numbers become contacts shared with every company. "
        "Off: they are contacts of this company only.",
    )
    cusoft_whatsapp_setup_done_at = fields.Datetime(
        "WhatsApp setup completed at", readonly=True, copy=False,
        help="When every step of the WhatsApp setup checklist was first done: a step undone later shows as a warning.",
    )

    def _cusoft_whatsapp_app_secret(self):
        self.ensure_one()
        return self.env["cusoft.whatsapp.secret"]._reveal(self, "app_secret")
