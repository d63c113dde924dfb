import json
import re
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from markupsafe import Markup

from .cusoft_whatsapp_conversation_send import USER_GROUP

from ..template_spec import render, variables

RESULTS = [("sent", "Sent"), ("failed", "Failed"), ("skipped", "Skipped")]


class CusoftWhatsappComposer(models.TransientModel):
    """Send WhatsApp: one approved template to the records selected in any model with a phone number
    (res.partner, crm.lead, or any model an administrator binds the action to). Variables come from
    the record through the template's field mapping; each recipient gets a result; sending again
    from the same dialog never sends twice."""

    _name = "cusoft.whatsapp.composer"
    _description = "Send a WhatsApp template"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Char(required=True, readonly=True, help="The selected records' ids, as JSON.")
    recipient_count = fields.Integer(compute="_compute_recipient_count", string="Recipients")
    account_id = fields.Many2one("cusoft.whatsapp.account", "From number", required=True,
                                 domain="[('state', 'in', ('connected', 'error'))]")
    template_id = fields.Many2one("cusoft.whatsapp.template", "Template",
                                  domain="[('account_id', '=', account_id), ('status', '=', 'APPROVED')]")
    line_ids = fields.One2many("cusoft.whatsapp.composer.line", "composer_id", "Variables")
    preview = fields.Text(compute="_compute_preview", help="The message the first recipient will read.")
    batch_key = fields.Char(default=lambda self: uuid.uuid4().hex, readonly=True,
                            help="Makes a repeated send of this dialog answer the messages it already queued.")
    state = fields.Selection([("draft", "To send"), ("done", "Sent")], default="draft", readonly=True)
    result_ids = fields.One2many("cusoft.whatsapp.composer.result", "composer_id", "Results", readonly=True)
    sent_count = fields.Integer(compute="_compute_counts")
    failed_count = fields.Integer(compute="_compute_counts")
    skipped_count = fields.Integer(compute="_compute_counts")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        model = values.get("res_model") or context.get("active_model")
        ids = context.get("active_ids") or ([context["active_id"]] if context.get("active_id") else [])
        if model and "res_model" in fields_list:
            values["res_model"] = model
        if ids and "res_ids" in fields_list and not values.get("res_ids"):
            values["res_ids"] = json.dumps([int(i) for i in ids])
        if "account_id" in fields_list and not values.get("account_id"):
            account = self.env["cusoft.whatsapp.account"].search(
                [("state", "in", ("connected", "error")), ("company_id", "in", self.env.companies.ids)], limit=1)
            values["account_id"] = account.id or False
        return values

    def _records(self):
        self.ensure_one()
        if self.res_model not in self.env:
            raise UserError(_("Nothing to send to: the selected records are of an unknown kind."))
        records = self.env[self.res_model].browse(json.loads(self.res_ids or "[]")).exists()
        records.check_access("read")
        return records

    @api.depends("res_ids")
    def _compute_recipient_count(self):
        for composer in self:
            composer.recipient_count = len(json.loads(composer.res_ids or "[]"))

    @api.depends("result_ids.state")
    def _compute_counts(self):
        for composer in self:
            states = composer.result_ids.mapped("state")
            composer.sent_count = states.count("sent")
            composer.failed_count = states.count("failed")
            composer.skipped_count = states.count("skipped")

    @api.onchange("account_id")
    def _onchange_account_id(self):
        if self.template_id.account_id != self.account_id:
            self.template_id = False

    @api.onchange("template_id")
    def _onchange_template_id(self):
        """One line per variable, mapped as the template says for this model; with one record, its
        values are filled in so the user sees and may change them."""
        lines = [(5, 0, 0)]
        template = self.template_id
        spec = template._spec() if template else None
        if spec:
            mappings = {m.variable_key: m for m in self.env["cusoft.whatsapp.template.field"].search([
                ("template_id", "=", template.id), ("model", "=", self.res_model)])}
            records = self._records() if self.res_ids else self.env[self.res_model or "res.partner"]
            single = records[:1] if len(records) == 1 else None
            for sequence, variable in enumerate(variables(spec)):
                mapping = mappings.get(variable["key"])
                value = ""
                if single is not None and mapping:
                    value = self._mapped_value(single, mapping.field_path, mapping.fallback)
                lines.append((0, 0, {
                    "sequence": sequence, "variable_key": variable["key"], "example": variable.get("example") or False,
                    "field_path": mapping.field_path if mapping else False,
                    "fallback": mapping.fallback if mapping else False, "value": value or False,
                }))
        self.line_ids = lines

    @api.depends("template_id", "line_ids.value", "line_ids.field_path", "line_ids.fallback")
    def _compute_preview(self):
        for composer in self:
            spec = composer.template_id._spec() if composer.template_id else None
            if not spec:
                composer.preview = False
                continue
            records = composer._records() if composer.res_ids and composer.res_model else None
            composer.preview = render(spec, composer._values_for(records[:1] if records else None))["text"]

    # ------------------------------------------------------------ values

    def _mapped_value(self, record, path, fallback):
        lang = self._recipient_partner(record).lang or None
        value = self.env["cusoft.whatsapp.template.field"]._resolve(record, path, lang) if path else ""
        return value or fallback or ""

    def _values_for(self, record):
        """{variable key: value} for `record`: a typed value wins, else the mapped field, else the fallback."""
        values = {}
        for line in self.line_ids:
            value = line.value or ""
            if not value and record:
                value = self._mapped_value(record, line.field_path, line.fallback)
            values[line.variable_key] = value or (line.fallback or "")
        return values

    # ------------------------------------------------------------ recipients

    def _recipient_partner(self, record):
        if record._name == "res.partner":
            return record
        partner = record["partner_id"] if "partner_id" in record._fields else self.env["res.partner"]
        return partner if partner._name == "res.partner" else self.env["res.partner"]

    def _recipient_number(self, record):
        """The record's number as WhatsApp digits (E.164 without '+'), from its own phone fields, else
        its contact's; None when there is none."""
        for source in (record, self._recipient_partner(record)):
            if not source:
                continue
            for fname in source._phone_get_number_fields() or [f for f in ("mobile", "phone") if f in source._fields]:
                raw = source[fname] if fname in source._fields else False
                if not raw:
                    continue
                formatted = source._phone_format(number=raw) or (raw if raw.strip().startswith(("+", "00")) else False)
                digits = re.sub(r"\D", "", formatted or "")
                if formatted and formatted.strip().startswith("00"):
                    digits = digits[2:]
                if len(digits) >= 8:
                    return digits
        return None

    def _conversation_for(self, wa_id, partner):
        Conversation = self.env["cusoft.whatsapp.conversation"].sudo()
        conversation = Conversation.search([("account_id", "=", self.account_id.id), ("wa_id", "=", wa_id)], limit=1)
        if not conversation:
            # sudo: conversations are otherwise opened by the webhook; this one is opened by an agent
            # writing first, for a number of the agent's own company (checked by the caller).
            shareable = partner and partner.company_id in (self.env["res.company"], self.account_id.company_id)
            conversation = Conversation.create({
                "account_id": self.account_id.id, "wa_id": wa_id,
                "partner_id": partner.id if shareable else False,
                "profile_name": partner.name if partner else False,
            })
        return conversation.with_env(self.env)

    # ------------------------------------------------------------ sending

    def action_send(self):
        """Queues the template for every selected record, once per number, and records the outcome of
        each. Pressing it again (after a failure, or twice) answers the messages already queued."""
        self.ensure_one()
        if not self.env.user.has_group(USER_GROUP):
            raise AccessError(_("You need WhatsApp access rights for this."))
        if not self.template_id:
            raise UserError(_("Choose the template to send."))
        self.account_id.check_access("read")
        self.template_id._check_sendable()
        records = self._records()
        if not records:
            raise UserError(_("The selected records no longer exist."))
        Marketing = self.env["cusoft.whatsapp.marketing"]
        marketing = self.template_id.category == "MARKETING"
        results, seen = [], {}
        for record in records:
            result = {"res_id": record.id, "name": record.display_name}
            number = self._recipient_number(record)
            partner = self._recipient_partner(record)
            if not number:
                results.append({**result, "state": "skipped", "reason": _("No phone number.")})
                continue
            result["phone"] = f"+{number}"
            if number in seen:
                results.append({**result, "state": "skipped", "reason": _("Same number as %s: sent once.", seen[number])})
                continue
            seen[number] = record.display_name
            conversation = self._conversation_for(number, partner)
            if marketing:
                try:
                    Marketing._check_marketing_allowed(conversation)
                except UserError:
                    results.append({**result, "state": "skipped", "reason": _("Opted out of marketing messages.")})
                    continue
            try:
                with self.env.cr.savepoint():
                    message_id = conversation.send_template(
                        self.template_id, self._values_for(record), client_id=f"rec-{self.batch_key}-{number}")
            except UserError as error:
                results.append({**result, "state": "failed", "reason": str(error)})
                continue
            message = self.env["cusoft.whatsapp.message"].sudo().browse(message_id)
            if not message.origin_res_id:
                message.write({"origin_model": record._name, "origin_res_id": record.id})
                self._log_on_record(record, message)
            results.append({**result, "state": "sent", "message_id": message_id, "reason": False})
        self.result_ids = [(5, 0, 0)] + [(0, 0, values) for values in results]
        self.state = "done"
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new", "name": _("Send WhatsApp"),
        }

    def _log_on_record(self, record, message):
        if hasattr(record, "_message_log"):
            number = "+" + (message.conversation_id.wa_id or "")
            title = _("WhatsApp template %(template)s sent to %(number)s:", template=self.template_id.name, number=number)
            record._message_log(body=Markup("%s <i>%s</i>") % (title, message.body or ""))


class CusoftWhatsappComposerLine(models.TransientModel):
    _name = "cusoft.whatsapp.composer.line"
    _description = "Variable of a WhatsApp template to send"
    _order = "sequence, id"

    composer_id = fields.Many2one("cusoft.whatsapp.composer", required=True, ondelete="cascade")
    sequence = fields.Integer()
    variable_key = fields.Char("Variable", required=True, readonly=True)
    example = fields.Char(readonly=True, help="Meta's example for this variable.")
    field_path = fields.Char("From field", readonly=True, help="Mapped on the template, per model.")
    fallback = fields.Char(readonly=True)
    value = fields.Char(help="Sent to every recipient when set; otherwise each gets the mapped field.")


class CusoftWhatsappComposerResult(models.TransientModel):
    _name = "cusoft.whatsapp.composer.result"
    _description = "Outcome of a WhatsApp template for one recipient"
    _order = "id"

    composer_id = fields.Many2one("cusoft.whatsapp.composer", required=True, ondelete="cascade")
    res_id = fields.Integer(readonly=True)
    name = fields.Char("Recipient", readonly=True)
    phone = fields.Char(readonly=True)
    state = fields.Selection(RESULTS, readonly=True)
    reason = fields.Char(readonly=True)
    message_id = fields.Many2one("cusoft.whatsapp.message", readonly=True)


class CusoftWhatsappMessageOrigin(models.Model):
    _inherit = "cusoft.whatsapp.message"

    origin_model = fields.Char("Sent from model", readonly=True, copy=False)
    origin_res_id = fields.Many2oneReference("Sent from record", model_field="origin_model", readonly=True, copy=False)
