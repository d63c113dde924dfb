"""The chat routes' real answers for the contract fixtures (mixed into test_contract.TestContract).

Ids are renumbered per kind first (conversations 1…, messages 101…, users 201…, partners 301…,
accounts 401…):
the contract's normalizer then maps them in order of appearance, and ids of different tables that
happen to be equal in one run cannot make the fixture differ in the next.
"""

import re
from datetime import timedelta

from odoo import fields, http
from odoo.tools import mute_logger

from .common import TOKEN
from .fake_graph import Reply

CHAT = "/cusoft_whatsapp/chat/"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)
KINDS = {"conversation": 1, "message": 101, "user": 201, "partner": 301, "account": 401, "template": 501}
# Which kind of record an "id" is, by the key that holds its object.
ID_OWNER = {
    "conversations": "conversation", "conversation": "conversation", "messages": "message", "message": "message",
    "last_message": "message", "reply_to": "message", "author": "user", "assignee": "user", "users": "user",
    "templates": "template",
}
# Accounts too: a raw account id depends on the tests run before (sequences survive rollbacks) and
# could equal a renumbered id, which the contract's normalizer would then merge.
ID_FIELDS = {"conversation_id": "conversation", "last_read_message_id": "message", "partner_id": "partner",
             "account_id": "account"}


class _Renumber:
    def __init__(self):
        self.seen = {kind: {} for kind in KINDS}

    def id(self, kind, value):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            return value
        known = self.seen[kind]
        return known.setdefault(value, KINDS[kind] + len(known))

    def __call__(self, value, key=None, owner=None):
        if isinstance(value, dict):
            owner = ID_OWNER.get(key, owner)
            return {k: self.field(k, v, owner) for k, v in value.items()}
        if isinstance(value, list):
            return [self(item, key, owner) for item in value]
        return value

    def field(self, key, value, owner):
        if key == "id" and owner:
            return self.id(owner, value)
        if key in ID_FIELDS:
            return self.id(ID_FIELDS[key], value)
        if key == "timestamp" and value:
            return "2026-11-25 09:57:00"
        if key == "next_cursor" and value:
            return "<cursor>"
        if key in ("avatar_url", "url") and isinstance(value, str):
            kind = "partner" if key == "avatar_url" else "message"
            return re.sub(r"/(\d+)(?=/|$)", lambda m: f"/{self.id(kind, int(m.group(1)))}", value)
        return self(value, key, owner)


class ChatContract:
    """Produces every chat route's answers in the situations the inbox client meets."""

    def produce_chat(self, account):
        env = self.env
        env["cusoft.whatsapp.secret"]._store(account, "token", TOKEN)
        account.sudo().write({"state": "connected"})
        Conversation, Message = env["cusoft.whatsapp.conversation"].sudo(), env["cusoft.whatsapp.message"].sudo()
        partner = env["res.partner"].create({"name": "Maria Lopez"})
        now = fields.Datetime.now()
        maria = Conversation.create({
            "account_id": account.id, "wa_id": "15550009876", "profile_name": "Maria", "partner_id": partner.id,
            "window_expires_at": now + timedelta(hours=23),
        })
        ana = Conversation.create({
            "account_id": account.id, "wa_id": "15550001111", "profile_name": "Ana",
            "window_expires_at": now - timedelta(hours=2), "user_id": self.wa_user.id,
        })

        def receive(conversation, body, wamid, **vals):
            return Message.create({"conversation_id": conversation.id, "direction": "inbound", "body": body,
                                   "wamid": wamid, "state": "received", **vals})

        receive(ana, "Where is invoice 77?", "wamid.CONTRACT.A1")
        question = receive(maria, "Hello, is my order ready?", "wamid.CONTRACT.M1")
        receive(maria, "Photo", "wamid.CONTRACT.M2", message_type="image", media_state="pending",
                media_mime_type="image/jpeg")

        def call(route, login="wa_user", **params):
            return self.rpc(login, CHAT + route, **params)

        answers = {CHAT + route: {} for route in (
            "conversations", "messages", "mark_read", "send", "retry", "typing", "assign", "colleagues", "counters",
            "templates", "create_contact")}

        def keep(route, situation, answer):
            answers[CHAT + route][situation] = answer

        keep("conversations", "all", call("conversations"))
        keep("conversations", "first_of_two_pages", call("conversations", limit=1))
        keep("conversations", "unread", call("conversations", filter="unread"))
        keep("conversations", "search", call("conversations", search="invoice 77"))
        keep("conversations", "attention", call("conversations", filter="attention"))
        keep("counters", "attention", call("counters"))
        keep("send", "text", call("send", conversation_id=maria.id, client_id="contract-text-1",
                                  body="Yes, it is ready", reply_to_id=question.id))
        keep("send", "reaction", call("send", conversation_id=maria.id, client_id="contract-react-1",
                                      kind="reaction", message_id=question.id, emoji="👍"))
        attachment = env["ir.attachment"].create({
            "name": "receipt.png", "raw": PNG, "res_model": maria._name, "res_id": maria.id,
        })
        keep("send", "media", call("send", conversation_id=maria.id, client_id="contract-media-1", kind="media",
                                   attachment_id=attachment.id, caption="Your receipt"))
        env["cusoft.whatsapp.message"]._cron_send(budget=5)
        self.graph.enqueue("POST", f"{account.phone_number_id}/messages",
                           Reply.error(131026, "(#131026) Message undeliverable"))
        failed = call("send", conversation_id=maria.id, client_id="contract-text-2", body="Are you there?")
        env["cusoft.whatsapp.message"]._cron_send(budget=5)
        keep("messages", "newest", call("messages", conversation_id=maria.id))
        keep("messages", "older", call("messages", conversation_id=maria.id, before=question.id + 1, limit=1))
        keep("messages", "live_update", call("messages", conversation_id=maria.id, ids=[failed["message"]["id"]]))
        keep("retry", "requeued", call("retry", message_id=failed["message"]["id"]))
        keep("mark_read", "read", call("mark_read", conversation_id=maria.id))
        keep("typing", "sent", call("typing", conversation_id=maria.id))
        keep("typing", "throttled", call("typing", conversation_id=maria.id))
        keep("assign", "claimed", call("assign", conversation_id=maria.id, action="claim"))
        keep("assign", "released", call("assign", conversation_id=maria.id, action="release"))
        keep("colleagues", "list", call("colleagues", conversation_id=maria.id))
        self.wa_user.groups_id += env.ref("base.group_partner_manager")  # Odoo's default for new users
        keep("create_contact", "created", call("create_contact", conversation_id=ana.id))
        answers[CHAT + "attachment"] = {
            "uploaded": self.upload_file(maria, "photo.png", PNG),
            "refused_type": self.upload_file(maria, "tool.exe", b"MZ\x90\x00" + b"\x00" * 64),
        }
        # Templates: Meta's page synced, then one sent where only a template may go (Ana wrote 25 h ago).
        # The picker meets every kind of header and button: spring_promo approved (image header,
        # positional, marketing) and a location template with phone and copy-code buttons.
        meta_templates = self.graph.graph.templates[account.waba_id]
        for item in meta_templates:
            if item["name"] == "spring_promo":
                item["status"] = "APPROVED"
        meta_templates.append({
            "id": "1300000000000009", "name": "visit_our_shop", "language": "es", "status": "APPROVED",
            "category": "MARKETING", "parameter_format": "POSITIONAL", "quality_score": {"score": "GREEN"},
            "components": [
                {"type": "HEADER", "format": "LOCATION"},
                {"type": "BODY", "text": "Hola {{1}}, te esperamos en la tienda.", "example": {"body_text": [["Dana"]]}},
                {"type": "FOOTER", "text": "Cusoft"},
                {"type": "BUTTONS", "buttons": [
                    {"type": "PHONE_NUMBER", "text": "Llamar", "phone_number": "+34910000000"},
                    {"type": "COPY_CODE", "example": "VISIT10"},
                ]},
            ],
        })
        account.sudo().action_sync_templates()
        keep("templates", "outside_window", call("templates", conversation_id=ana.id))
        keep("templates", "inside_window", call("templates", conversation_id=maria.id))
        order_ready = env["cusoft.whatsapp.template"].search([("name", "=", "order_ready_pickup")])
        keep("send", "template", call("send", conversation_id=ana.id, client_id="contract-template-1", kind="template",
                                      template_id=order_ready.id, values={
                                          "header.order_ref": "SO0042", "body.customer_name": "Ana",
                                          "body.pickup_date": "Monday", "body.amount_due": "EUR 12.00",
                                          "button.1.1": "SO0042"}))
        renumber = _Renumber()
        return {route: {situation: renumber(answer) for situation, answer in situations.items()}
                for route, situations in answers.items()}

    def upload_file(self, conversation, name, content, login="wa_user"):
        """The multipart upload's JSON answer (an http route, but the browser parses its JSON too)."""
        self.authenticate(login, login)
        self._logged_in = login
        with mute_logger("odoo.http"):
            response = self.url_open(CHAT + "attachment", data={
                "csrf_token": http.Request.csrf_token(self), "conversation_id": conversation.id,
            }, files={"ufile": (name, content)})
        return response.json()
