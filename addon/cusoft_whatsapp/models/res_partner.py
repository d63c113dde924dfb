import re

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cusoft_whatsapp_bsuid = fields.Char(
        "WhatsApp business-scoped user ID", index="btree_not_null", copy=False,
        help="Identifies a WhatsApp user who hides their phone number behind a username.",
    )

    @api.model
    def _cusoft_whatsapp_partner(self, message, company):
        """The customer behind a first message: an existing contact when one matches, else a new one.

        Matched by Meta's BSUID, then by phone digits (whatever format the contact's number was typed
        in); never a duplicate for the same person.
        """
        Partner = self.sudo().with_context(active_test=False)
        if message.bsuid:
            found = Partner.search([("cusoft_whatsapp_bsuid", "=", message.bsuid)], limit=1)
            if found:
                return found
        if message.wa_id:
            found = Partner._cusoft_whatsapp_by_phone(message.wa_id)
            if found:
                if message.bsuid and not found.cusoft_whatsapp_bsuid:
                    found.cusoft_whatsapp_bsuid = message.bsuid
                return found
        name = message.profile_name or message.username or (f"+{message.wa_id}" if message.wa_id else message.bsuid)
        vals = {"name": name, "cusoft_whatsapp_bsuid": message.bsuid or False, "company_id": False}
        if message.wa_id:
            vals["phone"] = Partner._phone_format(number=f"+{message.wa_id}", force_format="INTERNATIONAL") or f"+{message.wa_id}"
        return Partner.create(vals)

    @api.model
    def _cusoft_whatsapp_by_phone(self, wa_id):
        # Numbers are typed in any format ("+1 (555) 000-9876"): compare digits, not strings.
        self.env.cr.execute(
            """SELECT id FROM res_partner
                WHERE regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') LIKE %(tail)s
                   OR regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g') LIKE %(tail)s
                ORDER BY id LIMIT 50""",
            {"tail": "%" + wa_id[-8:]},
        )
        for partner in self.browse([row[0] for row in self.env.cr.fetchall()]):
            for number in (partner.phone, partner.mobile):
                digits = re.sub(r"\D", "", number or "")
                if not digits:
                    continue
                national = digits.lstrip("0")
                code = str(partner.country_id.phone_code or "")
                if digits == wa_id or (digits.startswith("00") and digits[2:] == wa_id) or (code and code + national == wa_id):
                    return partner
        return self.browse()
