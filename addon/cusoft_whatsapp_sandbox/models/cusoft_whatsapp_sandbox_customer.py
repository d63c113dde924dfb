import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import simulated_webhooks


class CusoftWhatsappSandboxCustomer(models.Model):
    """Someone writing to a sandbox number from their phone, as far as the sandbox pretends."""

    _name = "cusoft.whatsapp.sandbox.customer"
    _description = "WhatsApp sandbox: simulated customer"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char("Profile name", required=True)
    phone = fields.Char(help="The customer's phone number. Leave it empty for a customer known by a username only.")
    wa_id = fields.Char("WhatsApp ID", compute="_compute_wa_id", store=True, index=True)
    username = fields.Char(help="A WhatsApp username hides the phone number: the business then only gets the BSUID.")
    bsuid = fields.Char(
        "Business-scoped user ID", required=True, readonly=True, copy=False, index=True,
        default=lambda self: simulated_webhooks.new_bsuid(),
    )
    blocked = fields.Boolean(
        "Blocked the business",
        help="The customer blocked this WhatsApp number: the answers they are sent fail, as on WhatsApp.",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    conversation_ids = fields.Many2many("cusoft.whatsapp.conversation", compute="_compute_conversation_ids")

    _sql_constraints = [("bsuid_unique", "unique(bsuid)", "Each simulated customer has their own BSUID.")]

    @api.depends("phone")
    def _compute_wa_id(self):
        for customer in self:
            customer.wa_id = re.sub(r"\D", "", customer.phone or "") or False

    @api.constrains("phone", "username")
    def _check_identity(self):
        for customer in self:
            if not customer.wa_id and not customer.username:
                raise ValidationError(_("Give the simulated customer a phone number or a username."))
            if customer.phone and not 8 <= len(customer.wa_id) <= 15:
                raise ValidationError(_("%s is not a phone number: use 8 to 15 digits, country code first.", customer.phone))

    def _compute_conversation_ids(self):
        Conversation = self.env["cusoft.whatsapp.conversation"]
        for customer in self:
            domain = [("bsuid", "=", customer.bsuid)]
            if customer.wa_id:
                domain = ["|", ("wa_id", "=", customer.wa_id)] + domain
            customer.conversation_ids = Conversation.search(domain)

    @api.model
    def _for_conversation(self, conversation):
        """The simulated customer behind a conversation, if it is one."""
        domain = [("bsuid", "=", conversation.bsuid)] if conversation.bsuid else []
        if conversation.wa_id:
            domain = ["|", ("wa_id", "=", conversation.wa_id)] + domain if domain else [("wa_id", "=", conversation.wa_id)]
        return self.sudo().search(domain + [("company_id", "=", conversation.company_id.id)], limit=1) if domain else self.browse()

    def _identity(self):
        self.ensure_one()
        return {"name": self.name, "wa_id": self.wa_id or None, "bsuid": self.bsuid, "username": self.username or None}
