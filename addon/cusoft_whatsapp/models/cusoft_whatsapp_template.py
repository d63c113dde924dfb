import json

from odoo import fields, models


class CusoftWhatsappTemplate(models.Model):
    """A message template of a WhatsApp Business Account, as Meta last reported it."""

    _name = "cusoft.whatsapp.template"
    _description = "WhatsApp message template"
    _order = "name, language"

    account_id = fields.Many2one("cusoft.whatsapp.account", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    meta_id = fields.Char("Meta template ID", required=True, index=True)
    name = fields.Char(required=True)
    language = fields.Char(required=True)
    status = fields.Char(help="APPROVED, PENDING, REJECTED, PAUSED, DISABLED…")
    category = fields.Char(help="MARKETING, UTILITY or AUTHENTICATION")
    components = fields.Text(help="Meta's component list, as JSON.")
    rejection_reason = fields.Char(help="Meta's reason, when the template was rejected.")
    quality = fields.Char(help="Meta's quality score: GREEN, YELLOW, RED or UNKNOWN.")

    _sql_constraints = [
        ("meta_id_unique", "unique(account_id, meta_id)", "A Meta template is stored once per number."),
    ]

    def _sync_from_meta(self, account, templates):
        """Upserts Meta's list for `account` and removes the templates Meta no longer has."""
        existing = {t.meta_id: t for t in self.search([("account_id", "=", account.id)])}
        seen = set()
        for item in templates:
            meta_id = str(item.get("id"))
            seen.add(meta_id)
            vals = {
                "account_id": account.id,
                "meta_id": meta_id,
                "name": item.get("name") or meta_id,
                "language": item.get("language") or "",
                "status": item.get("status"),
                "category": item.get("category"),
                "components": json.dumps(item.get("components") or []),
            }
            if meta_id in existing:
                existing[meta_id].write(vals)
            else:
                self.create(vals)
        self.browse([t.id for meta_id, t in existing.items() if meta_id not in seen]).unlink()
        return len(seen)
