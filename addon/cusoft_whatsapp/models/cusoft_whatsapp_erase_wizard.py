from odoo import api, fields, models
from odoo.exceptions import UserError


class CusoftWhatsappEraseWizard(models.TransientModel):
    """The confirmation before a contact's WhatsApp data is erased: what will go, and a checkbox."""

    _name = "cusoft.whatsapp.erase.wizard"
    _description = "Erase a contact's WhatsApp data"

    partner_id = fields.Many2one("res.partner", required=True, readonly=True, ondelete="cascade")
    conversation_count = fields.Integer(compute="_compute_counts")
    message_count = fields.Integer(compute="_compute_counts")
    confirmed = fields.Boolean("I understand this cannot be undone")

    @api.depends("partner_id")
    def _compute_counts(self):
        for wizard in self:
            conversations = wizard.partner_id._cusoft_whatsapp_conversations()
            wizard.conversation_count = len(conversations)
            wizard.message_count = len(conversations.message_ids)

    def action_erase(self):
        self.ensure_one()
        if not self.confirmed:
            raise UserError(self.env._("Tick the confirmation box to erase this contact's WhatsApp data."))
        self.partner_id._cusoft_whatsapp_erase()
        return {"type": "ir.actions.act_window_close"}
