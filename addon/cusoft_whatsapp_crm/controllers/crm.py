"""The CRM side of the chat: leads from conversations, and a lead's conversations for its panel."""

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.cusoft_whatsapp.controllers.chat import _conversation, whatsapp_user
from odoo.addons.cusoft_whatsapp.serializers import chat as chat_payloads

from ..serializers import crm as payloads


class CusoftWhatsappCrmController(http.Controller):

    @http.route("/cusoft_whatsapp/crm/create_lead", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def create_lead(self, conversation_id):
        lead = _conversation(conversation_id)._create_lead()
        return payloads.lead_created(lead)

    @http.route("/cusoft_whatsapp/crm/lead_conversations", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def lead_conversations(self, lead_id):
        try:
            lead = request.env["crm.lead"].browse(int(lead_id)).exists()
        except (TypeError, ValueError):
            raise UserError(_("Unknown lead.")) from None
        if not lead:
            raise UserError(_("This lead no longer exists."))
        lead.check_access("read")
        return chat_payloads.conversation_page(lead._cusoft_whatsapp_conversations(), None)
