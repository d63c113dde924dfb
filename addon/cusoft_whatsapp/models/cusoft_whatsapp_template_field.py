from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date, format_datetime


class CusoftWhatsappTemplateField(models.Model):
    """Where a template variable takes its value when the template is sent from a record: a field
    path of that model (`partner_id.name`, `expected_revenue`), and the text used when it is empty."""

    _name = "cusoft.whatsapp.template.field"
    _description = "WhatsApp template variable mapped to a field"
    _order = "template_id, model, variable_key"

    template_id = fields.Many2one("cusoft.whatsapp.template", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    model = fields.Char(required=True, help="Technical name of the model, e.g. res.partner or crm.lead.")
    variable_key = fields.Char("Variable", required=True, help="e.g. body.customer_name or body.1")
    field_path = fields.Char(help="Field names joined by dots, e.g. partner_id.name.")
    fallback = fields.Char(help="Sent when the field is empty.")

    _sql_constraints = [
        ("variable_unique", "unique(template_id, model, variable_key)", "A variable is mapped once per model."),
    ]

    @api.constrains("model", "field_path")
    def _check_field_path(self):
        for mapping in self.filtered("field_path"):
            if mapping.model not in self.env:
                raise ValidationError(_("%s is not a model of this database.", mapping.model))
            model = self.env[mapping.model]
            for name in mapping.field_path.split("."):
                field = model._fields.get(name)
                if field is None:
                    raise ValidationError(_("%(model)s has no field %(field)s.", model=model._description, field=name))
                model = self.env[field.comodel_name] if field.relational else model

    @api.model
    def _resolve(self, record, path, lang=None):
        """The text of `path` on `record`, formatted for a reader of `lang`: dates and amounts as they
        write them, records by their name. Empty when any step is empty."""
        if not path:
            return ""
        value, field, owner = record, None, record
        for name in path.split("."):
            if not value:
                return ""
            owner = value[:1]
            field = owner._fields.get(name)
            if field is None:
                return ""
            value = owner[name]
        env = record.with_context(lang=lang).env if lang else record.env
        if field.type == "date" and value:
            return format_date(env, value)
        if field.type == "datetime" and value:
            return format_datetime(env, value, dt_format="medium")
        if field.type == "monetary" and value is not False:
            currency = owner[field.get_currency_field(owner)] if hasattr(field, "get_currency_field") else owner.env.company.currency_id
            return format_amount(env, value, currency or owner.env.company.currency_id)
        if field.type in ("many2one", "one2many", "many2many"):
            return ", ".join(value.mapped("display_name"))
        if field.type == "selection":
            return dict(field._description_selection(env)).get(value, "") if value else ""
        if field.type == "boolean":
            return _("Yes") if value else _("No")
        if value is False or value is None:
            return ""
        return str(value)
