import json
import logging

from odoo import api, fields, models

from ..graph import GraphError
from ..template_spec import TemplateFormatError, parse_components, render, variables

_logger = logging.getLogger(__name__)

# Meta's statuses (contract §7.2); only APPROVED can be sent.
STATUSES = [
    ("APPROVED", "Approved"),
    ("PENDING", "Pending review"),
    ("REJECTED", "Rejected"),
    ("PAUSED", "Paused"),
    ("DISABLED", "Disabled"),
    ("IN_APPEAL", "In appeal"),
    ("PENDING_DELETION", "Being deleted"),
    ("DELETED", "Deleted"),
    ("LIMIT_EXCEEDED", "Limit exceeded"),
    ("ARCHIVED", "Archived"),
    ("LOCKED", "Locked"),
    ("UNKNOWN", "Other (see Meta)"),
]
CATEGORIES = [("MARKETING", "Marketing"), ("UTILITY", "Utility"), ("AUTHENTICATION", "Authentication")]
QUALITIES = [("GREEN", "High"), ("YELLOW", "Medium"), ("RED", "Low"), ("UNKNOWN", "Not rated yet")]
HEADER_FORMATS = [
    ("none", "None"), ("text", "Text"), ("image", "Image"), ("video", "Video"), ("document", "Document"),
    ("location", "Location"), ("other", "Other"),
]


def _choice(value, choices, default):
    value = str(value or "").upper()
    return value if value in dict(choices) else default


class CusoftWhatsappTemplate(models.Model):
    """A message template of a WhatsApp Business Account, as Meta last reported it."""

    _name = "cusoft.whatsapp.template"
    _description = "WhatsApp message template"
    _order = "name, language"
    # Meta's page size for the sync; tests lower it to go through several pages.
    _sync_page_size = 100

    active = fields.Boolean(default=True, help="Archived when Meta no longer has the template.")
    account_id = fields.Many2one("cusoft.whatsapp.account", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    meta_id = fields.Char("Meta template ID", required=True, index=True)
    name = fields.Char(required=True)
    language = fields.Char(required=True)
    status = fields.Selection(STATUSES, default="PENDING", required=True, index=True)
    category = fields.Selection(CATEGORIES)
    sub_category = fields.Char()
    parameter_format = fields.Selection([("positional", "Positional {{1}}"), ("named", "Named {{name}}")],
                                        default="positional")
    components = fields.Text(help="Meta's component list, as JSON.")
    parsed_components = fields.Text(help="The components parsed into header, body, footer and buttons (JSON).")
    header_format = fields.Selection(HEADER_FORMATS, default="none")
    body_text = fields.Text("Body")
    footer_text = fields.Char("Footer")
    variable_count = fields.Integer("Variables")
    button_count = fields.Integer("Buttons")
    preview = fields.Text(compute="_compute_preview", help="The message with Meta's example values.")
    rejection_reason = fields.Char(help="Meta's reason, when the template was rejected.")
    quality = fields.Selection(QUALITIES, help="Meta's quality score.")
    last_event = fields.Char("Last event from Meta", help="The last status webhook, e.g. FLAGGED or FIRST_PAUSE.")
    synced_at = fields.Datetime("Last synced", readonly=True)
    field_ids = fields.One2many("cusoft.whatsapp.template.field", "template_id", "Variables from records")
    is_admin = fields.Boolean(compute="_compute_is_admin")

    _sql_constraints = [
        ("meta_id_unique", "unique(account_id, meta_id)", "A Meta template is stored once per number."),
    ]

    def _compute_is_admin(self):
        self.is_admin = self.env.user.has_group("cusoft_whatsapp.group_cusoft_whatsapp_admin")

    @api.depends("parsed_components")
    def _compute_preview(self):
        for template in self:
            spec = template._spec()
            if not spec:
                template.preview = False
                continue
            examples = {v["key"]: v["example"] for v in variables(spec) if v.get("example")}
            template.preview = render(spec, examples)["text"]

    # ------------------------------------------------------------ parsed components

    def _spec(self):
        """The parsed components (template_spec.parse), or None when Meta's cannot be read."""
        self.ensure_one()
        if self.parsed_components:
            return json.loads(self.parsed_components)
        try:
            return parse_components(json.loads(self.components or "[]"), self.parameter_format)
        except (TemplateFormatError, ValueError):
            return None

    @api.model
    def _vals_from_meta(self, account, item):
        components = item.get("components") or []
        try:
            spec = parse_components(components, item.get("parameter_format"))
        except TemplateFormatError as error:
            _logger.warning("WhatsApp template %s of account %s cannot be read: %s", item.get("id"), account.id, error)
            spec = None
        quality = item.get("quality_score")
        quality = quality.get("score") if isinstance(quality, dict) else quality
        reason = item.get("rejected_reason")
        status = _choice(item.get("status"), STATUSES, "UNKNOWN")
        header = (spec or {}).get("header") or {}
        return {
            "account_id": account.id,
            "meta_id": str(item.get("id")),
            "name": item.get("name") or str(item.get("id")),
            "language": item.get("language") or "",
            "status": status,
            "category": _choice(item.get("category"), CATEGORIES, False),
            "sub_category": item.get("sub_category") or False,
            "parameter_format": (spec or {}).get("parameter_format") or "positional",
            "components": json.dumps(components, sort_keys=True),
            "parsed_components": json.dumps(spec, sort_keys=True) if spec else False,
            "header_format": header.get("format") or "none",
            "body_text": ((spec or {}).get("body") or {}).get("text") or False,
            "footer_text": (spec or {}).get("footer") or False,
            "variable_count": len(variables(spec)) if spec else 0,
            "button_count": len((spec or {}).get("buttons") or []),
            "quality": _choice(quality, QUALITIES, False) if quality else False,
            # Meta says "NONE" when there is no reason; a sync never erases the webhook's sentence.
            **({"rejection_reason": reason} if reason and reason != "NONE" else {}),
            **({"rejection_reason": False} if status == "APPROVED" else {}),
            "active": True,
        }

    # ------------------------------------------------------------ sync

    def _sync_from_meta(self, account, templates):
        """Upserts Meta's complete list for `account`: changed templates are rewritten, new ones
        created, those Meta no longer has archived (messages sent with them keep their link).
        Returns how many templates Meta has."""
        existing = {t.meta_id: t for t in self.with_context(active_test=False).search([("account_id", "=", account.id)])}
        now = fields.Datetime.now()
        seen = set()
        for item in templates:
            if not isinstance(item, dict) or not item.get("id"):
                continue
            vals = self._vals_from_meta(account, item)
            seen.add(vals["meta_id"])
            record = existing.get(vals["meta_id"])
            if record is None:
                self.create({**vals, "synced_at": now})
                continue
            changed = {key: value for key, value in vals.items() if record._fields[key].convert_to_write(record[key], record) != value}
            if changed:
                record.write({**changed, "synced_at": now})
        gone = self.browse([t.id for meta_id, t in existing.items() if meta_id not in seen and t.active])
        gone.write({"active": False})
        return len(seen)

    @api.model
    def _sync_account(self, account):
        """Pulls every page of `account`'s templates; a Graph failure is stored on the account."""
        try:
            with account._graph_client() as client:
                templates = client.list_templates(account.waba_id, limit=self._sync_page_size)
        except GraphError as error:
            account.sudo().write(account._error_vals(error))
            return False
        count = self.sudo()._sync_from_meta(account, templates)
        account.sudo().write({"template_count_synced": count, "templates_synced_at": fields.Datetime.now()})
        return True

    @api.model
    def _cron_sync(self):
        """Daily: every connected number's templates, each number in its own transaction."""
        accounts = self.env["cusoft.whatsapp.account"].sudo().search([("state", "in", ("connected", "error"))])
        for account in accounts.filtered("token_set"):
            try:
                with self.env.cr.savepoint():
                    self._sync_account(account)
            except Exception:  # noqa: BLE001 - one number's trouble never stops the others' sync
                _logger.exception("WhatsApp templates of account %s could not be synced", account.id)
            self.env["cusoft.whatsapp.message"]._commit()
        return True
