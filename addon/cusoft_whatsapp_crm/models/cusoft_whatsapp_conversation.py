from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# How many of the last messages a new lead quotes in its notes: enough to see what the customer
# wants, short enough to read at a glance.
QUOTED_MESSAGES = 10


class CusoftWhatsappConversation(models.Model):
    _inherit = "cusoft.whatsapp.conversation"

    lead_ids = fields.One2many("crm.lead", "cusoft_whatsapp_conversation_id", "Leads created from it")

    @api.model_create_multi
    def create(self, vals_list):
        conversations = super().create(vals_list)
        for conversation in conversations.filtered("partner_id"):
            leads = conversation._open_leads_of_customer()
            leads._cusoft_whatsapp_log_conversation(conversation)
        return conversations

    def _open_leads_of_customer(self):
        """The customer's leads still in play, in the conversation's company (won, lost and archived
        leads do not need to hear about it)."""
        self.ensure_one()
        # sudo: the webhook that opens conversations runs without a user; the company scope is explicit.
        return self.env["crm.lead"].sudo().search([
            ("partner_id", "child_of", self.partner_id.commercial_partner_id.id),
            ("company_id", "in", [False, self.company_id.id]),
            ("probability", "<", 100), ("active", "=", True),
        ], limit=20)

    def action_create_lead(self):
        """The conversation form's button: the new lead, opened."""
        lead = self._create_lead()
        return {
            "type": "ir.actions.act_window", "res_model": "crm.lead", "res_id": lead.id,
            "views": [(False, "form")], "target": "current",
        }

    def _create_lead(self):
        """A lead prefilled from the customer and their last messages, linked back to this conversation."""
        self.ensure_one()
        self._check_chat_access()
        if not self.env["crm.lead"].has_access("create"):
            raise UserError(_("You need Sales rights to create leads."))
        partner = self.partner_id
        lead = self.env["crm.lead"].with_company(self.company_id).create({
            "name": _("WhatsApp: %s", self.name),
            "type": "lead" if self.env.user.has_group("crm.group_use_lead") else "opportunity",
            "partner_id": partner.id,
            "contact_name": False if partner else self.name,
            "phone": (partner.phone or partner.mobile) if partner and (partner.phone or partner.mobile)
            else (f"+{self.wa_id}" if self.wa_id else False),
            "description": self._lead_description(),
            "user_id": self.env.user.id,
            "company_id": self.company_id.id,
            "cusoft_whatsapp_conversation_id": self.id,
        })
        lead._cusoft_whatsapp_log_conversation(self, created_from=True)
        return lead

    def _lead_description(self):
        messages = self.env["cusoft.whatsapp.message"].search(
            [("conversation_id", "=", self.id), ("message_type", "!=", "reaction")], order="id desc", limit=QUOTED_MESSAGES,
        ).sorted("id")
        if not messages:
            return False
        lines = []
        for message in messages:
            who = self.name if message.direction == "inbound" else (message.create_uid.name or _("You"))
            when = fields.Datetime.context_timestamp(self, message.create_date).strftime("%Y-%m-%d %H:%M")
            text = message.body or f"[{message.message_type}]"
            lines.append((when, who, text))
        # Markup escapes the customer's text: their words never become HTML in the lead.
        items = Markup("").join(Markup("<li>%s · <b>%s</b>: %s</li>") % line for line in lines)
        return Markup("<p>%s</p><ul>%s</ul>") % (_("Last WhatsApp messages:"), items)
