import json

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..graph.messaging import message_payload, recipient
from ..template_spec import graph_template

# Meta's verdicts on a template itself (contract §1.4): the template is marked so nobody picks it again.
TEMPLATE_STATUS_BY_ERROR = {132015: "PAUSED", 132016: "DISABLED"}


class CusoftWhatsappMessageTemplate(models.Model):
    """A template message: which template, the values it was filled with, and its send payload."""

    _inherit = "cusoft.whatsapp.message"

    template_id = fields.Many2one("cusoft.whatsapp.template", "Template", readonly=True, ondelete="set null",
                                  index="btree_not_null", check_company=True)
    template_values = fields.Text(readonly=True, copy=False, help="The variables' values, as JSON.")

    def action_retry(self):
        for message in self.filtered(lambda m: m.message_type == "template"):
            message.sudo().template_id._check_sendable()
        return super().action_retry()

    def _graph_payload(self):
        if self.message_type != "template":
            return super()._graph_payload()
        template = self.template_id.sudo()
        spec = template._spec() if template else None
        if not spec:
            raise UserError(_("The template of this message no longer exists."))
        conversation = self.conversation_id.sudo()
        content = graph_template(template.name, template.language, spec, json.loads(self.template_values or "{}"),
                                 media_id=self.media_id or None, filename=self.media_filename or None)
        return message_payload(recipient(conversation.wa_id, conversation.bsuid), "template", content)

    def _send_failed(self, error):
        status = TEMPLATE_STATUS_BY_ERROR.get(error.code)
        if status and self.message_type == "template" and self.template_id:
            self.template_id.sudo().write({"status": status})
        return super()._send_failed(error)
