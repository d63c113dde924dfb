import base64
from datetime import datetime, timedelta

from odoo import api, fields, models

from odoo.addons.cusoft_whatsapp.webhook import parse_delivery

from .. import simulated_webhooks
from ..graph_server import PHONE_NUMBER_ID, SECOND_PHONE_NUMBER_ID, TOKEN_PREFIX, WABA_ID
from ..graph_server import data as fake_data
from ..samples import sample_audio, sample_image

# (name, phone or None for a username-only customer, username, hours since their last message, assignee)
CUSTOMERS = [
    ("María García", "+34 600 100 001", None, 0.1, "admin"),
    ("John Carter", "+1 555 010 0002", None, 0.5, None),
    ("Lucía Fernández", "+34 600 100 003", None, 1, "demo"),
    ("Ahmed Benali", "+33 6 12 34 56 04", None, 2, None),
    ("sofia.r", None, "sofia.r", 3, "admin"),
    ("Chen Wei", "+86 139 0000 0006", None, 5, None),
    ("Pedro Alves", "+351 912 000 007", None, 8, "demo"),
    ("Emma Schmidt", "+49 151 0000 0008", None, 12, None),
    ("Carlos Ruiz", "+52 55 1000 0009", None, 20, "admin"),
    ("Olivia Brown", "+44 7700 900010", None, 23, None),
    ("Diego Martín", "+34 600 100 011", None, 26, "demo"),
    ("night.owl", None, "night.owl", 30, None),
    ("Giulia Rossi", "+39 312 000 0013", None, 48, "admin"),
    ("Noah Wilson", "+1 555 010 0014", None, 72, None),
    ("Ana Souza", "+55 11 90000 0015", None, 96, "demo"),
    ("Yuki Tanaka", "+81 90 0000 0016", None, 24 * 7, None),
    ("Fatima Zahra", "+212 600 000017", None, 24 * 10, "admin"),
    ("Liam Murphy", "+353 85 000 0018", None, 24 * 20, None),
    ("Valentina López", "+57 300 000 0019", None, 24 * 30, "demo"),
    ("Tom Baker", "+1 555 010 0020", None, 24 * 45, None),
]
# What each conversation says, in turn: (direction, type, content); outbound states follow the age.
SCRIPTS = [
    [("in", "text", "Hi! Is my order SO0042 ready?"), ("out", "text", "Hello! Yes, you can pick it up today."),
     ("in", "reaction", "👍")],
    [("in", "image", "The box arrived damaged"), ("out", "text", "Sorry about that! We will send a new one.")],
    [("in", "audio", None), ("out", "text", "Got your voice message, calling you back in 5 minutes.")],
    [("in", "location", None), ("out", "text", "Thanks, the driver is on his way.")],
    [("in", "contacts", None), ("in", "text", "This is my colleague, please contact him too.")],
    [("in", "text", "Do you deliver on Sundays?"), ("out", "text", "We do, between 10:00 and 14:00."),
     ("in", "text", "Perfect, thanks!")],
    [("in", "document", None), ("out", "text", "Invoice received, thank you.")],
    [("in", "interactive", "Change date"), ("out", "text", "Which day suits you better?")],
]
FAILURES = [
    (131047, "Re-engagement message", "More than 24 hours have passed since the customer last replied to this number."),
    (131026, "Message undeliverable", "The recipient cannot receive this message."),
    (131049, "This message was not delivered to maintain healthy ecosystem engagement", "Meta limited marketing messages to this user."),
]


def _unix(moment):
    return int((moment - datetime(1970, 1, 1)).total_seconds())


class CusoftWhatsappSandboxDemo(models.AbstractModel):
    """Demo data (only with demo data): every screen of the addon has something to show at once."""

    _name = "cusoft.whatsapp.sandbox.demo"
    _description = "WhatsApp sandbox: demo data"

    @api.model
    def _load_demo(self):
        company = self.env.company
        company._cusoft_whatsapp_sandbox_configure()
        sales = self._demo_number(company, PHONE_NUMBER_ID, "Sales line", "GREEN")
        support = self._demo_number(company, SECOND_PHONE_NUMBER_ID, "Support line", "YELLOW")
        users = {"admin": self.env.ref("base.user_admin"), "demo": self.env.ref("base.user_demo", raise_if_not_found=False)}
        now = fields.Datetime.now()
        for index, (name, phone, username, hours, assignee) in enumerate(CUSTOMERS):
            account = sales if index % 3 else support
            customer = self.env["cusoft.whatsapp.sandbox.customer"].create({
                "name": name, "phone": phone, "username": username, "company_id": company.id,
                "blocked": index == 17,
            })
            last = now - timedelta(hours=hours)
            conversation = self._demo_conversation(account, customer, SCRIPTS[index % len(SCRIPTS)], last, index)
            if assignee and users.get(assignee):
                conversation.write({"user_id": users[assignee].id})
            if hours > 4:
                conversation.write({"unread_count": 0})
        # From the fake Graph server, which has a template in each status (graph_server.EXTRA_TEMPLATES):
        # later syncs then agree with the demo.
        (sales | support).action_sync_templates()
        return True

    def _demo_number(self, company, phone_number_id, name, quality):
        fake = fake_data.PHONE_NUMBERS[phone_number_id]
        Account = self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        account = Account.search([("phone_number_id", "=", phone_number_id)]) or Account.create({
            "name": name, "waba_id": WABA_ID, "phone_number_id": phone_number_id, "company_id": company.id,
        })
        account.write({
            "token": f"{TOKEN_PREFIX}-demo-{phone_number_id}", "state": "connected", "active": True,
            "display_phone_number": fake["display_phone_number"], "verified_name": fake["verified_name"],
            "quality_rating": quality, "name_status": "APPROVED", "number_status": "CONNECTED",
            "messaging_limit": "TIER_2K", "last_checked_at": fields.Datetime.now(),
            "last_webhook_at": fields.Datetime.now() - timedelta(minutes=6),
        })
        return account

    def _demo_conversation(self, account, customer, script, last, index):
        Message = self.env["cusoft.whatsapp.message"].sudo()
        number = {"phone_number_id": account.phone_number_id, "waba_id": account.waba_id,
                  "display_phone_number": account.display_phone_number}
        steps = len(script)
        conversation = self.env["cusoft.whatsapp.conversation"]
        last_wamid = None
        for position, (direction, msg_type, text) in enumerate(script):
            at = last - timedelta(minutes=7 * (steps - 1 - position))
            if direction == "in":
                content = self._demo_content(msg_type, text, last_wamid)
                payload = simulated_webhooks.inbound(number, customer._identity(), msg_type, content, timestamp=_unix(at))
                parsed = parse_delivery(payload).messages[0]
                message = Message._store_inbound(account, parsed)
                if message.media_id:
                    self._demo_media(message, msg_type)
                conversation = message.conversation_id
            else:
                message = Message.create(self._demo_outbound(conversation, text, at, index, position == steps - 1))
            last_wamid = message.wamid
        return conversation

    def _demo_content(self, msg_type, text, last_wamid):
        media_id = f"12{abs(hash((msg_type, text, last_wamid))) % 10 ** 13:013d}"
        if msg_type == "text":
            return {"body": text}
        if msg_type == "image":
            return {"id": media_id, "mime_type": "image/png", "sha256": "0" * 64, "caption": text}
        if msg_type == "audio":
            return {"id": media_id, "mime_type": "audio/wav", "sha256": "0" * 64}
        if msg_type == "document":
            return {"id": media_id, "mime_type": "text/plain", "sha256": "0" * 64, "filename": "invoice-2026-118.txt"}
        if msg_type == "location":
            return {"latitude": 40.4168, "longitude": -3.7038, "name": "Puerta del Sol", "address": "Madrid"}
        if msg_type == "contacts":
            return [{"name": {"formatted_name": "Pedro Pérez", "first_name": "Pedro"},
                     "phones": [{"phone": "+34 600 333 444", "wa_id": "34600333444", "type": "CELL"}]}]
        if msg_type == "reaction":
            return {"message_id": last_wamid, "emoji": text}
        if msg_type == "interactive":
            return {"type": "button_reply", "button_reply": {"id": "change-date", "title": text}}
        raise ValueError(msg_type)

    def _demo_media(self, message, msg_type):
        content, mimetype, name = {
            "image": (sample_image(), "image/png", "photo.png"),
            "audio": (sample_audio(), "audio/wav", "voice.wav"),
            "document": (b"Invoice 2026-118\nTotal: EUR 120.50\n", "text/plain", "invoice-2026-118.txt"),
        }[msg_type]
        attachment = self.env["ir.attachment"].sudo().create({
            "name": name, "datas": base64.b64encode(content), "mimetype": mimetype,
            "res_model": message._name, "res_id": message.id, "company_id": message.company_id.id,
        })
        message.write({"attachment_id": attachment.id, "media_state": "done", "media_detected_type": mimetype})

    def _demo_outbound(self, conversation, text, at, index, last_in_script):
        vals = {
            "conversation_id": conversation.id, "direction": "outbound", "message_type": "text", "body": text,
            "wamid": simulated_webhooks.new_wamid(), "timestamp": at, "state": "read", "sent_at": at,
            "delivered_at": at + timedelta(seconds=5), "read_at": at + timedelta(minutes=1),
            "author_id": self.env.ref("base.user_admin").id,
        }
        if last_in_script and index % 5 == 4:
            code, title, details = FAILURES[index // 5 % len(FAILURES)]
            vals.update(state="failed", delivered_at=False, read_at=False, error_code=code, error_title=title,
                        error_details=details, error_kind="meta")
        elif last_in_script and index % 4 == 1:
            vals.update(state="delivered", read_at=False)
        elif last_in_script and index % 4 == 2:
            vals.update(state="sent", delivered_at=False, read_at=False)
        return vals
