import re

from odoo import _, api, fields, models


def _digits(number):
    return re.sub(r"\D", "", number or "")


class CrmLead(models.Model):
    _inherit = "crm.lead"

    cusoft_whatsapp_conversation_id = fields.Many2one(
        "cusoft.whatsapp.conversation", "Created from WhatsApp conversation", readonly=True, copy=False,
        index="btree_not_null", ondelete="set null",
    )
    cusoft_whatsapp_conversation_count = fields.Integer(
        "WhatsApp conversations", compute="_compute_cusoft_whatsapp_conversation_count",
    )

    @api.depends("partner_id", "phone", "mobile", "cusoft_whatsapp_conversation_id")
    @api.depends_context("uid")  # each user counts what their record rules let them see
    def _compute_cusoft_whatsapp_conversation_count(self):
        for lead in self:
            lead.cusoft_whatsapp_conversation_count = len(lead._cusoft_whatsapp_conversations())

    def _cusoft_whatsapp_conversations(self):
        """The lead's WhatsApp conversations, as the current user may see them: the one it was created
        from, its contact's, and those of its phone or mobile number (typed any way)."""
        self.ensure_one()
        Conversation = self.env["cusoft.whatsapp.conversation"]
        if not Conversation.has_access("read"):
            return Conversation
        domain = [("id", "=", self.cusoft_whatsapp_conversation_id.id)] if self.cusoft_whatsapp_conversation_id else []
        if self.partner_id:
            domain = ["|", *domain, ("partner_id", "child_of", self.partner_id.commercial_partner_id.id)] if domain \
                else [("partner_id", "child_of", self.partner_id.commercial_partner_id.id)]
        numbers = {_digits(n) for n in (self.phone, self.mobile, getattr(self, "phone_sanitized", False)) if _digits(n)}
        # International numbers reach Meta without "+" or "00"; a national number has no country
        # code and only matches when the customer's number was stored the same way.
        numbers |= {n[2:] for n in numbers if n.startswith("00")}
        if numbers:
            domain = ["|", *domain, ("wa_id", "in", sorted(numbers))] if domain else [("wa_id", "in", sorted(numbers))]
        if not domain:
            return Conversation
        return Conversation.search(domain, order="last_message_at desc, id desc", limit=20)

    def action_cusoft_whatsapp_open(self):
        """The smart button: the lead's conversation in the inbox (several: the list to choose from)."""
        self.ensure_one()
        return self._cusoft_whatsapp_conversations()._chat_open_action()

    def _cusoft_whatsapp_log_conversation(self, conversation, created_from=False):
        """One short line in the chatter, so that the sales team sees WhatsApp activity on the lead."""
        if created_from:
            body = _("Lead created from the WhatsApp conversation with %(customer)s on %(number)s.",
                     customer=conversation.name, number=conversation.account_id.display_name)
        else:
            body = _("%(customer)s started a WhatsApp conversation on %(number)s.",
                     customer=conversation.name, number=conversation.account_id.display_name)
        for lead in self:
            lead._message_log(body=body)
