import re
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..graph_server import add_template


class CusoftWhatsappSandboxTemplate(models.TransientModel):
    """A new message template, as if created in Meta's WhatsApp Manager: synced pending, approved a
    few seconds later by a simulated template status webhook."""

    _name = "cusoft.whatsapp.sandbox.template"
    _description = "WhatsApp sandbox: new template"

    account_id = fields.Many2one(
        "cusoft.whatsapp.account", "Number", required=True, domain="[('state', '=', 'connected')]",
        default=lambda self: self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")], limit=1),
    )
    name = fields.Char(required=True, help="Lowercase letters, digits and underscores, as Meta requires.")
    language = fields.Char(required=True, default="en_US")
    category = fields.Selection([("UTILITY", "Utility"), ("MARKETING", "Marketing")], required=True, default="UTILITY")
    body = fields.Text(required=True, help="{{1}}, {{2}}… are the variables.")

    @api.constrains("name")
    def _check_name(self):
        for wizard in self:
            if not re.fullmatch(r"[a-z0-9_]{1,512}", wizard.name or ""):
                raise UserError(_("A template name has lowercase letters, digits and underscores only."))

    def action_create(self):
        self.ensure_one()
        account = self.account_id.sudo()
        count = len(re.findall(r"\{\{\d+\}\}", self.body))
        component = {"type": "BODY", "text": self.body}
        if count:
            component["example"] = {"body_text": [[f"example {n}" for n in range(1, count + 1)]]}
        meta_id = f"13{secrets.randbelow(10 ** 14):014d}"
        add_template(account.waba_id, {
            "id": meta_id, "name": self.name, "language": self.language, "status": "PENDING",
            "category": self.category, "parameter_format": "POSITIONAL", "components": [component],
        })
        accounts = account.search([("waba_id", "=", account.waba_id), ("state", "=", "connected")])
        accounts.action_sync_templates()
        templates = self.env["cusoft.whatsapp.template"].sudo().search([("meta_id", "=", meta_id)])
        if not templates:
            raise UserError(_("The new template did not come back from the sync; see the number's last error."))
        self.env["cusoft.whatsapp.sandbox.status"]._schedule_review(templates)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("Template %s is pending review; Meta's simulated approval arrives in a few seconds.", self.name),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
