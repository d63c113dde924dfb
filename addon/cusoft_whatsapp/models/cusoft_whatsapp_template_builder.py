import base64
import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..graph import GraphError
from ..graph.template_admin import create_template, delete_template, edit_template, upload_example
from ..template_spec import build, parse_components, render, variables

HEADERS = [("none", "None"), ("text", "Text"), ("image", "Image"), ("video", "Video"), ("document", "Document (PDF)"),
           ("location", "Location")]
BUTTONS = [("quick_reply", "Quick reply"), ("url", "Link"), ("phone", "Call"), ("copy_code", "Copy code")]
MEDIA_TYPES = {"image": ("image/jpeg", "image/png"), "video": ("video/mp4",), "document": ("application/pdf",)}


class CusoftWhatsappTemplateBuilder(models.TransientModel):
    """Create a template in Odoo and submit it to Meta for review, or edit one (Meta reviews it again)."""

    _name = "cusoft.whatsapp.template.builder"
    _description = "WhatsApp template builder"

    account_id = fields.Many2one("cusoft.whatsapp.account", "Number", required=True,
                                 default=lambda self: self._default_account(),
                                 domain="[('state', 'in', ('connected', 'error'))]")
    template_id = fields.Many2one("cusoft.whatsapp.template", "Template edited", readonly=True)
    name = fields.Char(required=True, help="Lowercase letters, digits and underscores, e.g. order_ready.")
    name_problem = fields.Char(compute="_compute_problems")
    language = fields.Char(required=True, default="en", help="Meta's code, e.g. en, en_US, es, es_MX.")
    category = fields.Selection([("UTILITY", "Utility"), ("MARKETING", "Marketing")], required=True, default="UTILITY")
    header_type = fields.Selection(HEADERS, default="none", required=True)
    header_text = fields.Char(help="At most 60 characters and one variable, e.g. Order {{1}}.")
    header_example = fields.Char(help="An example value for the header's variable.")
    header_file = fields.Binary(help="An example picture, video or PDF for Meta's review.")
    header_filename = fields.Char()
    body = fields.Text(required=True, help="At most 1,024 characters; variables as {{1}}, {{2}}… or {{name}}.")
    body_examples = fields.Text(help="One example value per line, in the order of the variables.")
    footer = fields.Char(help="At most 60 characters, no variable.")
    button_ids = fields.One2many("cusoft.whatsapp.template.builder.button", "builder_id", "Buttons")
    preview = fields.Text(compute="_compute_problems")
    problems = fields.Text(compute="_compute_problems", help="What Meta would refuse, fixed before submitting.")

    @api.model
    def _default_account(self):
        """The number templates are usually made for: the current company's connected one."""
        return self.env["cusoft.whatsapp.account"].search(
            [("state", "in", ("connected", "error")), ("company_id", "in", self.env.companies.ids)], limit=1)

    def _draft(self, handle=None):
        self.ensure_one()
        header = None
        if self.header_type == "text":
            header = {"format": "text", "text": self.header_text or "", "example": self.header_example or ""}
        elif self.header_type in MEDIA_TYPES:
            header = {"format": self.header_type, "handle": handle or ("pending" if self.header_file else None)}
        elif self.header_type == "location":
            header = {"format": "location"}
        return {
            "name": self.name or "", "category": self.category, "header": header, "body": self.body or "",
            "body_examples": (self.body_examples or "").splitlines(), "footer": self.footer or "",
            "buttons": [{"type": b.button_type, "text": b.text or "", "url": b.url or "", "phone": b.phone or "",
                         "example": b.example or ""} for b in self.button_ids],
        }

    @api.depends("name", "header_type", "header_text", "header_example", "header_file", "body", "body_examples",
                 "footer", "button_ids", "button_ids.button_type", "button_ids.text", "button_ids.url",
                 "button_ids.phone", "button_ids.example")
    def _compute_problems(self):
        for builder in self:
            draft = builder._draft()
            problem = build.name_problem(draft["name"])
            builder.name_problem = self._name_text(problem, draft["name"]) if problem else False
            builder.problems = "\n".join(builder._problem_text(kind, detail) for kind, detail in build.problems(draft)) or False
            try:
                spec = parse_components(build.components(draft))
            except Exception:  # noqa: BLE001 - an unfinished draft simply has no preview yet
                builder.preview = False
                continue
            examples = {v["key"]: v["example"] for v in variables(spec) if v.get("example")}
            builder.preview = render(spec, examples)["text"]

    def _name_text(self, problem, name):
        if problem == "empty":
            return _("Give the template a name.")
        if problem == "length":
            return _("A template name holds at most 512 characters.")
        return _("Use lowercase letters, digits and underscores only, e.g. %s.", build.suggested_name(name) or "order_ready")

    def _problem_text(self, kind, detail):
        texts = {
            "name": lambda: self._name_text(detail, self.name),
            "header_empty": lambda: _("Write the header's text, or choose no header."),
            "header_length": lambda: _("The header holds at most %s characters.", detail),
            "header_variables": lambda: _("The header holds at most one variable."),
            "header_example": lambda: _("Give an example for the header's variable."),
            "header_file": lambda: _("Attach an example file for the header: Meta reviews it."),
            "body_empty": lambda: _("Write the message."),
            "body_length": lambda: _("The message holds at most %s characters.", detail),
            "numbering": lambda: _("Number the variables {{1}}, {{2}}, {{3}}… without gaps."),
            "adjacent": lambda: _("Put words between two variables: Meta refuses variables side by side."),
            "edge": lambda: _("The message cannot start or end with a variable."),
            "body_examples": lambda: _("Give one example per variable of the message (%s), one per line.", detail),
            "footer_length": lambda: _("The footer holds at most %s characters.", detail),
            "footer_variables": lambda: _("The footer cannot hold a variable."),
            "buttons": lambda: _("A template holds at most %s buttons.", detail),
            "button_count": lambda: _("Too many buttons of the kind “%s”: at most 10 quick replies, 2 links, 1 call and 1 code.",
                                      dict(BUTTONS).get(detail, detail)),
            "button_text_empty": lambda: _("Give every button a label."),
            "button_text": lambda: _("A button's label holds at most %s characters.", detail),
            "button_url": lambda: _("A link button needs an address starting with https://."),
            "button_example": lambda: _("Give an example for the variable of the link."),
            "button_phone": lambda: _("A call button needs a phone number of at most %s digits.", detail),
            "button_code": lambda: _("A copy-code button needs an example code of 1 to %s characters.", detail),
            "quick_reply_group": lambda: _("Put the quick replies together, before or after the other buttons."),
        }
        return texts[kind]()

    # ------------------------------------------------------------ submitting

    def action_submit(self):
        """Uploads the header example (Resumable Upload), then creates the template at Meta, or edits the
        template being edited; the template then follows Meta's review through webhooks and syncs."""
        self.ensure_one()
        self.account_id.check_access("write")
        if self.problems:
            raise UserError(self.problems)
        account = self.account_id.sudo()
        handle = None
        try:
            with account._graph_client() as client:
                if self.header_type in MEDIA_TYPES:
                    handle = self._upload_header(client, account)
                draft = self._draft(handle)
                payload = {"category": self.category, "components": build.components(draft)}
                if self.template_id:
                    edit_template(client, self.template_id.meta_id, payload)
                    answer = {"id": self.template_id.meta_id, "status": "PENDING"}
                else:
                    payload.update(name=self.name, language=self.language, parameter_format=build.parameter_format(draft))
                    answer = create_template(client, account.waba_id, payload)
        except GraphError as error:
            raise UserError(_("Meta refused the template: %(explanation)s %(details)s",
                              explanation=error.explanation(self.env.lang), details=error.details or "")) from None
        Template = self.env["cusoft.whatsapp.template"].sudo()
        vals = Template._vals_from_meta(account, {
            "id": answer["id"], "name": self.name, "language": self.language, "status": answer.get("status") or "PENDING",
            "category": answer.get("category") or self.category, "components": payload["components"],
            "parameter_format": build.parameter_format(draft),
        })
        template = self.template_id.sudo() if self.template_id else Template.with_context(active_test=False).search(
            [("account_id", "=", account.id), ("meta_id", "=", str(answer["id"]))], limit=1)
        if template:
            template.write({**vals, "rejection_reason": False})
        else:
            template = Template.create(vals)
        return {"type": "ir.actions.act_window", "res_model": template._name, "res_id": template.id,
                "view_mode": "form", "target": "current"}

    def _upload_header(self, client, account):
        if not self.header_file:
            raise UserError(_("Attach an example file for the header: Meta reviews it."))
        content = base64.b64decode(self.header_file)
        mime = self.env["ir.attachment"]._compute_mimetype({"raw": content, "name": self.header_filename or ""})
        if mime not in MEDIA_TYPES[self.header_type]:
            raise UserError(_("This header takes %(types)s; the attached file is %(type)s.",
                              types=", ".join(MEDIA_TYPES[self.header_type]), type=mime))
        app_id = account.company_id.cusoft_whatsapp_app_id
        if not app_id:
            raise UserError(_("Enter the Meta app's ID in Settings → WhatsApp: Meta uploads example files to the app."))
        return upload_example(client, app_id, self.header_filename or "example", content, mime)


class CusoftWhatsappTemplateBuilderButton(models.TransientModel):
    _name = "cusoft.whatsapp.template.builder.button"
    _description = "Button of a WhatsApp template being built"
    _order = "sequence, id"

    builder_id = fields.Many2one("cusoft.whatsapp.template.builder", required=True, ondelete="cascade")
    sequence = fields.Integer()
    button_type = fields.Selection(BUTTONS, "Type", required=True, default="quick_reply")
    text = fields.Char("Label", help="At most 25 characters.")
    url = fields.Char("Address", help="https://…, with at most one variable at the end, e.g. https://shop.example.com/{{1}}.")
    phone = fields.Char()
    example = fields.Char(help="The link's variable, or the code to copy.")


class CusoftWhatsappTemplateAdmin(models.Model):
    _inherit = "cusoft.whatsapp.template"

    def action_edit_in_builder(self):
        """Opens the builder on this template; submitting it sends the new content to Meta's review."""
        self.ensure_one()
        self.check_access("write")
        if self.status not in ("APPROVED", "REJECTED", "PAUSED"):
            raise UserError(_("Meta lets only approved, rejected or paused templates be edited."))
        spec = self._spec() or {}
        header = spec.get("header") or {}
        header_vars = header.get("variables") or []
        body_vars = (spec.get("body") or {}).get("variables") or []
        buttons = []
        for button in spec.get("buttons") or []:
            if button["type"] not in dict(BUTTONS):
                continue
            example = (button.get("variables") or [{}])[0].get("example") if button.get("variables") else False
            buttons.append((0, 0, {"button_type": button["type"], "text": button.get("text") or False,
                                   "url": button.get("url") or False, "phone": button.get("phone") or False,
                                   "example": example or False}))
        builder = self.env["cusoft.whatsapp.template.builder"].create({
            "account_id": self.account_id.id, "template_id": self.id, "name": self.name, "language": self.language,
            "category": self.category if self.category in ("UTILITY", "MARKETING") else "UTILITY",
            "header_type": header.get("format") if header.get("format") in dict(HEADERS) else "none",
            "header_text": header.get("text") or False,
            "header_example": header_vars[0]["example"] if header_vars else False,
            "body": (spec.get("body") or {}).get("text") or "",
            "body_examples": "\n".join(v.get("example") or "" for v in body_vars) or False,
            "footer": spec.get("footer") or False,
            "button_ids": buttons,
        })
        return {"type": "ir.actions.act_window", "res_model": builder._name, "res_id": builder.id,
                "view_mode": "form", "target": "new", "name": _("Edit template")}

    def action_delete_at_meta(self):
        """Deletes this language of the template at Meta (the form asks for a confirmation first)."""
        self.ensure_one()
        self.check_access("unlink")
        if self.status == "DISABLED":
            raise UserError(_("Meta does not let disabled templates be deleted."))
        account = self.account_id.sudo()
        try:
            with account._graph_client() as client:
                delete_template(client, account.waba_id, self.name, self.meta_id)
        except GraphError as error:
            raise UserError(_("Meta did not delete the template: %s", error.explanation(self.env.lang))) from None
        self.sudo().write({"status": "DELETED", "active": False})
        return True
