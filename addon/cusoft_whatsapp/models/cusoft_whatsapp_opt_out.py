import logging
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)
KEYWORDS_PARAM = "cusoft_whatsapp.opt_out_keywords"
DEFAULT_KEYWORDS = "STOP, BAJA"
# The quick-reply button Meta adds to marketing templates ("Stop promotions"): its tap arrives as a
# `button` message whose payload and text are the button's label (contract §8.4, `button`).
STOP_BUTTON = "stop promotions"
REASONS = [
    ("keyword", "Wrote an opt-out keyword on WhatsApp"),
    ("button", "Pressed Meta's stop-promotions button"),
]


def _e164(number):
    digits = re.sub(r"\D", "", number or "")
    digits = digits[2:] if (number or "").strip().startswith("00") else digits
    return f"+{digits}" if digits else False


class PhoneBlacklist(models.Model):
    """One opt-out list for SMS and WhatsApp (Odoo's own), with why WhatsApp put a number on it."""

    _inherit = "phone.blacklist"

    cusoft_whatsapp_reason = fields.Selection(REASONS, "WhatsApp opt-out", readonly=True, tracking=True)

    def write(self, vals):
        # Opting back in (Odoo's "unblacklist" archives the entry) is recorded: the chatter tracks
        # `active`, and the WhatsApp audit log says who did it.
        if "active" in vals and not vals["active"]:
            for entry in self.filtered(lambda e: e.active and e.cusoft_whatsapp_reason):
                self.env["cusoft.whatsapp.audit"]._log(
                    "opt_in", self.env._("%s may receive marketing messages again.", entry.number), record=entry,
                )
            vals = {**vals, "cusoft_whatsapp_reason": False}
        return super().write(vals)


class CusoftWhatsappMessageOptOut(models.Model):
    _inherit = "cusoft.whatsapp.message"

    @api.model
    def _cusoft_whatsapp_opt_out_reason(self, message):
        """`keyword` or `button` when this inbound message asks to stop marketing, else None."""
        if message.message_type == "button" and message.reply:
            if any((value or "").strip().lower() == STOP_BUTTON for value in (message.reply.id, message.reply.title)):
                return "button"
        if message.message_type == "text" and message.body:
            keywords = self.env["ir.config_parameter"].sudo().get_param(KEYWORDS_PARAM, DEFAULT_KEYWORDS)
            wanted = {word.strip().casefold() for word in (keywords or "").split(",") if word.strip()}
            if message.body.strip().strip(".!").casefold() in wanted:
                return "keyword"
        return None

    @api.model
    def _cusoft_whatsapp_apply_opt_out(self, conversation, message):
        """Puts the sender's number on Odoo's phone blacklist when the message asks to stop marketing."""
        reason = self._cusoft_whatsapp_opt_out_reason(message)
        number = _e164(conversation.wa_id)
        if not reason or not number:
            return False
        Blacklist = self.env["phone.blacklist"].sudo()
        label = dict(Blacklist._fields["cusoft_whatsapp_reason"]._description_selection(self.env))[reason]
        try:
            with self.env.cr.savepoint():
                entries = Blacklist._add([number], message=label)
                entries.write({"cusoft_whatsapp_reason": reason})
        except UserError as error:
            # Odoo's blacklist refuses numbers its phone library thinks invalid: the customer's message
            # is stored all the same, and the refusal is in the audit log for a person to act on.
            _logger.warning("WhatsApp opt-out of %s not recorded: %s", number, error)
            self.env["cusoft.whatsapp.audit"]._log(
                "opt_out", self.env._("%(number)s asked to stop marketing, but Odoo's opt-out list refused the number: %(error)s",
                                      number=number, error=error),
                company=conversation.company_id, record=conversation,
            )
            return False
        self.env["cusoft.whatsapp.audit"]._log(
            "opt_out", self.env._("%(number)s: %(reason)s", number=number, reason=label),
            company=conversation.company_id, record=conversation,
        )
        return True


class CusoftWhatsappMarketing(models.AbstractModel):
    _name = "cusoft.whatsapp.marketing"
    _description = "WhatsApp marketing consent"

    @api.model
    def _check_marketing_allowed(self, target):
        """Raises a clear UserError when `target` (a conversation or a contact) opted out of marketing.
        Every path that sends a MARKETING template calls it first."""
        numbers = set()
        if target._name == "cusoft.whatsapp.conversation":
            numbers.add(_e164(target.wa_id))
            partners = target.partner_id
        else:
            partners = target
            conversations = self.env["cusoft.whatsapp.conversation"].sudo().search([("partner_id", "in", partners.ids)])
            numbers.update(_e164(wa_id) for wa_id in conversations.mapped("wa_id"))
        for partner in partners:
            for phone in (partner.phone, partner.mobile):
                if phone:
                    # E.164 as Odoo stores blacklisted numbers (country-aware with the phonenumbers
                    # library), and the digits of an international number when the library is absent.
                    numbers.add(partner._phone_format(number=phone))
                    numbers.add(_e164(phone) if phone.strip().startswith(("+", "00")) else False)
        numbers.discard(False)
        if not numbers:
            return True
        entry = self.env["phone.blacklist"].sudo().search([("number", "in", sorted(numbers))], limit=1)
        if entry:
            raise UserError(self.env._(
                "%(who)s asked not to receive marketing messages (%(number)s is on the opt-out list since %(date)s). "
                "Marketing templates are not sent to them; service replies and utility templates still are.",
                who=target.display_name, number=entry.number, date=fields.Date.to_string(entry.create_date.date()),
            ))
        return True
