from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError

ACTIONS = [
    ("connect", "Number connected"),
    ("reauthorize", "Number reconnected"),
    ("disconnect", "Number disconnected"),
    ("secret", "Secret changed"),
    ("retention", "Retention changed"),
    ("purge", "Retention purge"),
    ("export", "Contact data exported"),
    ("erase", "Contact data erased"),
    ("opt_out", "Contact opted out"),
    ("opt_in", "Contact opted back in"),
]


class CusoftWhatsappAudit(models.Model):
    """Who did what to numbers, secrets, retentions and customers' data: kept as written.

    Rows are added by server code only (sudo); nobody but the superuser changes or deletes one, so an
    administrator cannot cover their own tracks.
    """

    _name = "cusoft.whatsapp.audit"
    _description = "WhatsApp audit log"
    _order = "id desc"
    _rec_name = "action"

    create_date = fields.Datetime("When", readonly=True, index=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True, index=True)
    description = fields.Char(readonly=True)
    user_id = fields.Many2one("res.users", "User", readonly=True, ondelete="set null", index=True)
    client_ip = fields.Char("IP address", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    res_model = fields.Char("Concerns", readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", readonly=True)

    def write(self, vals):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(self.env._("The WhatsApp audit log cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if self.env.uid != SUPERUSER_ID:
            raise AccessError(self.env._("The WhatsApp audit log cannot be deleted."))
        return super().unlink()

    @api.model
    def _log(self, action, description, company=None, record=None):
        from odoo.http import request  # only present when a browser asked for the action

        httprequest = request.httprequest if request else None
        return self.sudo().create({
            "action": action,
            "description": description,
            "user_id": self.env.uid,
            "client_ip": httprequest.remote_addr if httprequest else False,
            "company_id": (company or self.env.company).id,
            "res_model": record._name if record else False,
            "res_id": record.id if record else False,
        })
