from types import SimpleNamespace

from odoo import _, models
from odoo.exceptions import AccessError


class CusoftWhatsappConversationContact(models.Model):
    """Create contact, for a customer known only by number or username (their contact was deleted,
    or they wrote before the number was connected to contacts)."""

    _inherit = "cusoft.whatsapp.conversation"

    def _create_contact(self):
        """Links the conversation to its customer's contact: the one the company already has for this
        number or username when there is one (no duplicate), else a new one named as WhatsApp shows them."""
        self.ensure_one()
        self._check_chat_access()
        if self.partner_id:
            return self.partner_id
        if not self.env["res.partner"].has_access("create"):
            raise AccessError(_("Creating contacts needs the Contact Creation right: ask an administrator."))
        # The same lookup and naming as a first message (res_partner.py), within this company's contacts.
        customer = SimpleNamespace(bsuid=self.bsuid, wa_id=self.wa_id, profile_name=self.profile_name,
                                   username=self.username)
        partner = self.env["res.partner"]._cusoft_whatsapp_partner(customer, self.company_id)
        # The user's own write: partner_id is one of the fields the chat lets them change.
        self.partner_id = partner
        return partner
