from odoo import models

from .chat_bus import inbox_channel
from .cusoft_whatsapp_conversation_send import USER_GROUP


class IrWebsocket(models.AbstractModel):
    _inherit = "ir.websocket"

    def _build_bus_channel_list(self, channels):
        """Every WhatsApp user listens to the chat channel of each company they belong to: one bus row
        per message reaches all the inboxes showing it, however many users there are."""
        channels = super()._build_bus_channel_list(channels)
        channels.extend(self._cusoft_whatsapp_inbox_channels())
        return channels

    def _cusoft_whatsapp_inbox_channels(self):
        user = self.env.user
        if not user or user._is_public() or user.share or not user.has_group(USER_GROUP):
            return []
        return [inbox_channel(company) for company in user.company_ids]
