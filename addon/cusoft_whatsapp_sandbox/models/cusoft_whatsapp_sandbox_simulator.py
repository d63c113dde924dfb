import base64
import hashlib
import mimetypes
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.mimetypes import guess_mimetype

from .. import simulated_webhooks
from ..graph_server import graph_server
from ..samples import sample_audio, sample_image

MESSAGE_TYPES = [
    ("text", "Text"),
    ("image", "Image"),
    ("audio", "Voice message"),
    ("location", "Location"),
    ("contacts", "Contact card"),
    ("reaction", "Reaction"),
]


class CusoftWhatsappSandboxSimulator(models.TransientModel):
    """Simulate a customer: writes to a sandbox number as if from WhatsApp, through the real webhook."""

    _name = "cusoft.whatsapp.sandbox.simulator"
    _description = "WhatsApp sandbox: simulate a customer"

    account_id = fields.Many2one(
        "cusoft.whatsapp.account", "To the number", required=True,
        domain="[('state', '=', 'connected')]", default=lambda self: self._default_account(),
    )
    customer_id = fields.Many2one("cusoft.whatsapp.sandbox.customer", "From the customer", required=True)
    customer_blocked = fields.Boolean(related="customer_id.blocked", readonly=False)
    conversation_id = fields.Many2one("cusoft.whatsapp.conversation", compute="_compute_conversation_id")
    message_type = fields.Selection(MESSAGE_TYPES, "Send", required=True, default="text")
    body = fields.Text("Message")
    image = fields.Binary(help="Leave empty to send a sample picture.")
    image_name = fields.Char()
    caption = fields.Char()
    audio = fields.Binary(help="Leave empty to send a one-second sample tone.")
    audio_name = fields.Char()
    latitude = fields.Float(digits=(10, 6), default=40.416775)
    longitude = fields.Float(digits=(10, 6), default=-3.703790)
    location_name = fields.Char("Place", default="Puerta del Sol")
    location_address = fields.Char("Address", default="Plaza de la Puerta del Sol, Madrid")
    contact_name = fields.Char("Contact's name")
    contact_phone = fields.Char("Contact's phone")
    reaction_to_id = fields.Many2one(
        "cusoft.whatsapp.message", "React to", domain="[('conversation_id', '=', conversation_id), ('message_type', '!=', 'reaction')]",
        help="A message of this conversation; empty: the last one.",
    )
    reaction_emoji = fields.Char("Emoji", default="👍", help="Leave empty to remove the customer's reaction.")

    @api.model
    def _default_account(self):
        return self.env["cusoft.whatsapp.account"].search([("state", "=", "connected")], limit=1)

    @api.depends("account_id", "customer_id")
    def _compute_conversation_id(self):
        Conversation = self.env["cusoft.whatsapp.conversation"]
        for wizard in self:
            customer, conversation = wizard.customer_id, Conversation
            if wizard.account_id and customer:
                conversation = Conversation.search([("account_id", "=", wizard.account_id.id), ("bsuid", "=", customer.bsuid)], limit=1)
                if not conversation and customer.wa_id:
                    conversation = Conversation.search([("account_id", "=", wizard.account_id.id), ("wa_id", "=", customer.wa_id)], limit=1)
            wizard.conversation_id = conversation

    # ------------------------------------------------------------ actions

    def action_send(self):
        self.ensure_one()
        account, customer = self.account_id.sudo(), self.customer_id
        if account.company_id != customer.company_id:
            raise UserError(_("%(customer)s belongs to another company than %(number)s.", customer=customer.name, number=account.name))
        content = getattr(self, f"_content_{self.message_type}")()
        number = {"phone_number_id": account.phone_number_id, "waba_id": account.waba_id,
                  "display_phone_number": account.display_phone_number}
        payload = simulated_webhooks.inbound(number, customer._identity(), self.message_type, content)
        self.env["cusoft.whatsapp.sandbox.webhook"]._post(account.company_id, payload)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _("%s's message is on its way to the webhook; it appears in the conversation in a moment.", customer.name),
                "next": self._reopen(),
            },
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "name": _("Simulate a customer"),
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_account_id": self.account_id.id,
                "default_customer_id": self.customer_id.id,
                "default_message_type": self.message_type,
            },
        }

    # ------------------------------------------------------------ contents (contract §8.4)

    def _content_text(self):
        body = (self.body or "").strip()
        if not body:
            raise UserError(_("Type the customer's message."))
        return {"body": body}

    def _content_image(self):
        content, name = (base64.b64decode(self.image), self.image_name) if self.image else (sample_image(), "sample.png")
        media = self._upload(content, name)
        if self.caption:
            media["caption"] = self.caption
        return media

    def _content_audio(self):
        content, name = (base64.b64decode(self.audio), self.audio_name) if self.audio else (sample_audio(), "sample.wav")
        media = self._upload(content, name)
        media["voice"] = media["mime_type"].startswith("audio/ogg")
        return media

    def _upload(self, content, filename):
        """The file goes to the fake Graph's media store, whence the pipeline downloads it as from Meta."""
        mime_type = guess_mimetype(content, default="") or mimetypes.guess_type(filename or "")[0] or "application/octet-stream"
        if mime_type == "audio/ogg":
            mime_type = "audio/ogg; codecs=opus"
        media_id = f"12{secrets.randbelow(10 ** 13):013d}"
        graph_server().graph.add_media(media_id, content, mime_type)
        return {"id": media_id, "mime_type": mime_type, "sha256": hashlib.sha256(content).hexdigest()}

    def _content_location(self):
        location = {"latitude": self.latitude, "longitude": self.longitude}
        if self.location_name:
            location["name"] = self.location_name
        if self.location_address:
            location["address"] = self.location_address
        return location

    def _content_contacts(self):
        name, phone = (self.contact_name or "").strip(), (self.contact_phone or "").strip()
        if not (name and phone):
            raise UserError(_("Give the shared contact a name and a phone number."))
        digits = "".join(ch for ch in phone if ch.isdigit())
        return [{
            "name": {"formatted_name": name, "first_name": name.split()[0]},
            "phones": [{"phone": phone, "wa_id": digits, "type": "CELL"}],
        }]

    def _content_reaction(self):
        target = self.reaction_to_id or self.conversation_id.message_ids.filtered(
            lambda message: message.message_type != "reaction" and message.wamid
        ).sorted("id")[-1:]
        if not target.wamid:
            raise UserError(_("There is no message to react to yet in this conversation."))
        reaction = {"message_id": target.wamid}
        if self.reaction_emoji:
            reaction["emoji"] = self.reaction_emoji
        return reaction
