import json

from odoo import _, models
from odoo.exceptions import UserError

from ..template_spec import render, validate, variables


class CusoftWhatsappTemplateSendable(models.Model):
    _inherit = "cusoft.whatsapp.template"

    def _check_sendable(self):
        """Only an approved template Meta still has can be sent; anything else is refused in plain words."""
        self.ensure_one()
        if not self.active:
            raise UserError(_("The template %s no longer exists at Meta. Sync the templates and choose another one.", self.name))
        if self.status == "PAUSED":
            raise UserError(_("The template %s is paused by Meta because customers reported it or ignored it. "
                              "Choose another template, or edit this one in WhatsApp Manager.", self.name))
        if self.status != "APPROVED":
            status = dict(self._fields["status"]._description_selection(self.env)).get(self.status, self.status)
            raise UserError(_("The template %(name)s cannot be sent: its status at Meta is “%(status)s”; only approved "
                              "templates can be sent.", name=self.name, status=status))
        if not self._spec():
            raise UserError(_("Odoo cannot read the template %s. Sync the templates and try again.", self.name))

    def _problem_text(self, problem):
        """One validation problem (template_spec.Problem) in the user's words."""
        where = self._variable_label(problem.key) if problem.key else ""
        if problem.kind == "missing":
            return _("Fill in %s.", where)
        if problem.kind == "layout":
            return _("%s cannot contain line breaks, tabs or more than four spaces in a row.", where)
        if problem.kind == "too_long":
            return _("%(where)s holds at most %(limit)s characters.", where=where, limit=problem.limit)
        if problem.kind == "header_too_long":
            return _("The header holds at most %s characters once filled in: shorten its value.", problem.limit)
        if problem.kind == "body_too_long":
            return _("The message holds at most %s characters once filled in: shorten the values.", problem.limit)
        if problem.kind == "media_missing":
            return _("This template starts with a file: attach %s to show in its header.", self._media_label(problem.expected))
        if problem.kind == "media_type":
            return _("The header of this template takes %s; the attached file is of another type.", self._media_label(problem.expected))
        if problem.kind == "media_size":
            return _("The header file is too large: at most %s MB.", round(problem.limit / 1048576))
        return _("%s is not a valid coordinate.", where)

    def _variable_label(self, key):
        part, _dot, name = key.partition(".")
        if part == "header":
            return {
                "latitude": _("the header's latitude"), "longitude": _("the header's longitude"),
                "name": _("the place's name"), "address": _("the place's address"), "media": _("the header's file"),
            }.get(name) if self.header_format == "location" or name == "media" else _("{{%s}} in the header", name)
        if part == "body":
            return _("{{%s}} in the message", name)
        index, _dot, name = name.partition(".")
        spec = self._spec() or {}
        buttons = spec.get("buttons") or []
        label = buttons[int(index)]["text"] if index.isdigit() and int(index) < len(buttons) else index
        if name == "code":
            return _("the code of the button “%s”", label)
        return _("the link of the button “%s”", label)

    def _media_label(self, kind):
        return {"image": _("a picture (JPEG or PNG)"), "video": _("a video (MP4)"), "document": _("a PDF document")}.get(kind, kind)


class CusoftWhatsappConversationTemplate(models.Model):
    """Sending an approved template: the only message WhatsApp allows outside the 24-hour window."""

    _inherit = "cusoft.whatsapp.conversation"

    def _chat_templates(self):
        """The templates the picker offers here: approved ones of the conversation's number that
        Odoo can read (with the user's rights: the company rule applies)."""
        self.ensure_one()
        self._check_chat_access()
        templates = self.env["cusoft.whatsapp.template"].search([
            ("account_id", "=", self.account_id.id), ("status", "=", "APPROVED"),
        ], order="name, language, id")
        return templates.filtered(lambda t: t._spec())

    def send_template(self, template, params, client_id=None, attachment=None):
        """Queues an approved template filled with `params` ({variable key: value}, see template_spec);
        `attachment` is the file of a media header. Returns the message id (the first one's for a
        repeated client id). Allowed outside the 24-hour window."""
        self.ensure_one()
        self._check_chat_access()
        existing = self._earlier_send(client_id)
        if existing:
            return self._same_send(existing)
        Template = self.env["cusoft.whatsapp.template"]
        if not isinstance(template, models.BaseModel):
            try:
                template = Template.with_context(active_test=False).browse(int(template or 0))
            except (TypeError, ValueError):
                raise UserError(_("Choose a template to send.")) from None
        template = template.exists()
        if not template:
            raise UserError(_("This template no longer exists. Sync the templates and choose another one."))
        template.check_access("read")
        if template.account_id != self.account_id:
            raise UserError(_("The template %s belongs to another WhatsApp number than this conversation.", template.name))
        template._check_sendable()
        if template.category == "MARKETING":
            self.env["cusoft.whatsapp.marketing"]._check_marketing_allowed(self)
        spec = template._spec()
        known = {v["key"] for v in variables(spec)}
        if spec.get("header") and spec["header"].get("format") == "location":
            known |= {"header.latitude", "header.longitude", "header.name", "header.address"}
        if not isinstance(params, dict):
            raise UserError(_("The template's values must be given by variable."))
        values = {key: str(value).strip() for key, value in params.items() if key in known and value is not None}
        media_kind = (spec.get("header") or {}).get("format") in ("image", "video", "document")
        if attachment is not None:
            if not attachment.exists():
                raise UserError(_("The file to send no longer exists."))
            attachment.check_access("read")
            if not media_kind:
                raise UserError(_("The template %s has no file in its header.", template.name))
        problems = validate(spec, values, attachment.mimetype if attachment else None,
                            attachment.file_size if attachment else None)
        if problems:
            raise UserError("\n".join(dict.fromkeys(template._problem_text(problem) for problem in problems)))
        vals = {
            "message_type": "template",
            "body": render(spec, values)["text"],
            "template_id": template.id,
            "template_values": json.dumps(values, sort_keys=True),
        }
        if attachment is not None:
            vals.update({"media_mime_type": attachment.mimetype, "media_filename": attachment.name, "media_state": "done"})
        return self._queue_outbound(vals, None, client_id, attachment=attachment, window=False)
