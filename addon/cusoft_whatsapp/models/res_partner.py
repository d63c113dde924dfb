import re

from odoo import api, fields, models
from odoo.tools.sql import column_exists, create_column

# Every way a number is typed ("+1 (555) 000-9876", "0015550009876", "0555 000 9876" with a country)
# ends with the same subscriber digits: an exact match on the last eight finds the candidates
# through an index, then the full comparison below decides.
TAIL = 8
TAIL_SQL = f"NULLIF(right(regexp_replace(coalesce({{column}}, ''), '[^0-9]', '', 'g'), {TAIL}), '')"


def _tail(number):
    return re.sub(r"\D", "", number or "")[-TAIL:] or False


class ResPartner(models.Model):
    _inherit = "res.partner"

    cusoft_whatsapp_bsuid = fields.Char(
        "WhatsApp business-scoped user ID", index="btree_not_null", copy=False,
        help="Identifies a WhatsApp user who hides their phone number behind a username.",
    )
    # Our own columns rather than Odoo's `phone_sanitized`: res.partner only gets it with the `sms`
    # addon, it keeps one of the two numbers, and only numbers that parse for the contact's country.
    cusoft_whatsapp_phone_tail = fields.Char(
        "Phone's last digits (WhatsApp matching)", compute="_compute_cusoft_whatsapp_tails", store=True, index="btree_not_null", copy=False,
    )
    cusoft_whatsapp_mobile_tail = fields.Char(
        "Mobile's last digits (WhatsApp matching)", compute="_compute_cusoft_whatsapp_tails", store=True, index="btree_not_null", copy=False,
    )

    def _auto_init(self):
        # Filled in one UPDATE on install: the ORM would otherwise load every contact into Python.
        for column, source in (("cusoft_whatsapp_phone_tail", "phone"), ("cusoft_whatsapp_mobile_tail", "mobile")):
            if not column_exists(self.env.cr, self._table, column):
                create_column(self.env.cr, self._table, column, "varchar")
                self.env.cr.execute(
                    f"UPDATE {self._table} SET {column} = {TAIL_SQL.format(column=source)} WHERE {source} IS NOT NULL"
                )
        return super()._auto_init()

    @api.depends("phone", "mobile")
    def _compute_cusoft_whatsapp_tails(self):
        for partner in self:
            partner.cusoft_whatsapp_phone_tail = _tail(partner.phone)
            partner.cusoft_whatsapp_mobile_tail = _tail(partner.mobile)

    @api.model
    def _cusoft_whatsapp_partner(self, message, company):
        """The customer behind a first message: an existing contact when one matches, else a new one.

        Only contacts `company` may use are considered (its own, its parents' and shared ones, archived
        or not): another company's contact never becomes this company's customer, and its name never
        shows to this company's users. Matched by Meta's BSUID, then by phone digits.
        """
        # The webhook runs as superuser: record rules do not apply, the company scope is explicit.
        Partner = self.sudo().with_context(active_test=False)
        scope = Partner._check_company_domain(company)
        if message.bsuid:
            found = Partner.search([*scope, ("cusoft_whatsapp_bsuid", "=", message.bsuid)], limit=1, order="active desc, id")
            if found:
                return found
        if message.wa_id:
            found = Partner._cusoft_whatsapp_by_phone(message.wa_id, scope)
            if found:
                if message.bsuid and not found.cusoft_whatsapp_bsuid:
                    found.cusoft_whatsapp_bsuid = message.bsuid
                return found
        name = message.profile_name or message.username or (f"+{message.wa_id}" if message.wa_id else message.bsuid)
        vals = {
            "name": name,
            "cusoft_whatsapp_bsuid": message.bsuid or False,
            "company_id": False if company.cusoft_whatsapp_share_contacts else company.id,
        }
        if message.wa_id:
            vals["phone"] = Partner._phone_format(number=f"+{message.wa_id}", force_format="INTERNATIONAL") or f"+{message.wa_id}"
        return Partner.create(vals)

    def _cusoft_whatsapp_usable_by(self, company):
        """Whether `company` may use this contact (own, parent's or shared): the webhook of one company
        never writes on another company's contact."""
        self.ensure_one()
        scope = self._check_company_domain(company)
        return bool(self.sudo().with_context(active_test=False).filtered_domain(scope))

    @api.model
    def _cusoft_whatsapp_by_phone(self, wa_id, scope):
        tail = wa_id[-TAIL:]
        candidates = self.search(
            [*scope, "|", ("cusoft_whatsapp_phone_tail", "=", tail), ("cusoft_whatsapp_mobile_tail", "=", tail)],
            limit=50, order="active desc, id",
        )
        for partner in candidates:
            for number in (partner.phone, partner.mobile):
                digits = re.sub(r"\D", "", number or "")
                if not digits:
                    continue
                national = digits.lstrip("0")
                code = str(partner.country_id.phone_code or "")
                if digits == wa_id or (digits.startswith("00") and digits[2:] == wa_id) or (code and code + national == wa_id):
                    return partner
        return self.browse()
