from odoo import api, fields, models


class ResPartnerChat(models.Model):
    """A contact's WhatsApp conversations, for the smart button of the contact form."""

    _inherit = "res.partner"

    cusoft_whatsapp_conversation_count = fields.Integer(
        "WhatsApp conversations", compute="_compute_cusoft_whatsapp_conversation_count",
    )

    @api.depends_context("uid")  # each user counts what their record rules let them see
    def _compute_cusoft_whatsapp_conversation_count(self):
        Conversation = self.env["cusoft.whatsapp.conversation"]
        if not Conversation.has_access("read"):
            self.cusoft_whatsapp_conversation_count = 0
            return
        # A company's conversations count on the company and on its people (child_of), as Odoo's
        # own smart buttons (sales, invoices) do; record rules decide which ones the user sees.
        for partner in self:
            partner.cusoft_whatsapp_conversation_count = Conversation.search_count(
                [("partner_id", "child_of", partner.ids)]
            ) if partner.id else 0

    def action_cusoft_whatsapp_open(self):
        self.ensure_one()
        conversations = self.env["cusoft.whatsapp.conversation"].search(
            [("partner_id", "child_of", self.ids)], order="last_message_at desc, id desc",
        )
        return conversations._chat_open_action()
