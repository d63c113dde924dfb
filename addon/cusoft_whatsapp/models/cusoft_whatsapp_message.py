import json
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from psycopg2 import IntegrityError

from .cusoft_whatsapp_webhook_event import Waiting
from .inbound_batch import batch_of
from .chat_bus import inbox_channel, send_to_bus

_logger = logging.getLogger(__name__)

STATES = [
    ("queued", "Queued"), ("sent", "Sent"), ("delivered", "Delivered"), ("read", "Read"),
    ("failed", "Failed"), ("received", "Received"),
]
# Statuses only move forward whatever order Meta's retries arrive in; a failure outranks "sent"
# (Meta sends sent, then failed) but not a delivery the customer's phone confirmed.
RANK = {"queued": 0, "sent": 1, "failed": 2, "delivered": 3, "read": 4}
MEDIA_STATES = [("none", "No media"), ("pending", "Downloading"), ("done", "Downloaded"), ("error", "Download failed")]


def _placeholder(env, message):
    """What the agent reads for a message without text: never an empty bubble."""
    media = message.media
    if message.message_type == "audio":
        return env._("Voice message") if media and media.voice else env._("Audio")
    labels = {"image": env._("Photo"), "video": env._("Video"), "sticker": env._("Sticker"), "document": env._("Document")}
    if message.message_type == "document" and media and media.filename:
        return media.filename
    return labels.get(message.message_type) or env._("%s message", message.message_type)


def _naive(value):
    return value.replace(tzinfo=None) if value else False


class CusoftWhatsappMessage(models.Model):
    _name = "cusoft.whatsapp.message"
    _description = "WhatsApp message"
    _order = "timestamp desc, id desc"
    _check_company_auto = True

    conversation_id = fields.Many2one(
        "cusoft.whatsapp.conversation", required=True, ondelete="cascade", index=True, check_company=True,
    )
    account_id = fields.Many2one(related="conversation_id.account_id", store=True, index=True)
    company_id = fields.Many2one(related="conversation_id.company_id", store=True)
    direction = fields.Selection([("inbound", "From the customer"), ("outbound", "To the customer")], required=True)
    message_type = fields.Char(required=True, default="text")
    body = fields.Text()
    wamid = fields.Char("WhatsApp message ID", index=True, copy=False)
    timestamp = fields.Datetime(default=fields.Datetime.now, index=True)
    state = fields.Selection(STATES, required=True, default="queued", index=True)
    error_code = fields.Integer(copy=False)
    error_title = fields.Char(copy=False)
    error_details = fields.Text(copy=False)
    reply_to_id = fields.Many2one("cusoft.whatsapp.message", "In reply to", ondelete="set null", check_company=True)
    reply_to_wamid = fields.Char(copy=False)
    sent_at = fields.Datetime(copy=False)
    delivered_at = fields.Datetime(copy=False)
    read_at = fields.Datetime(copy=False)
    media_id = fields.Char("Meta media ID", copy=False)
    media_mime_type = fields.Char("Declared type", copy=False, help="The file type the sender's phone declared.")
    media_detected_type = fields.Char(
        "Detected type", copy=False,
        help="The type found in the file itself. Web pages, SVG, XML and scripts are kept as plain text, never run.",
    )
    media_sha256 = fields.Char(copy=False)
    media_filename = fields.Char(copy=False)
    media_voice = fields.Boolean(copy=False)
    media_state = fields.Selection(MEDIA_STATES, default="none", required=True, index=True, copy=False)
    media_attempts = fields.Integer(copy=False)
    media_next_try = fields.Datetime(copy=False)
    media_error = fields.Char(copy=False)
    attachment_id = fields.Many2one("ir.attachment", copy=False, ondelete="set null", check_company=True)
    payload = fields.Text("Meta's payload", help="The message as Meta sent it (JSON), for what the fields above do not hold.")

    _sql_constraints = [
        ("wamid_unique", "unique(account_id, wamid)", "A WhatsApp message is stored once per number."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        messages = super().create(vals_list)
        # Statuses can outrun our own record of a message (sent from elsewhere, or a slow commit).
        self.env["cusoft.whatsapp.message.status"]._apply_waiting(messages.filtered("wamid"))
        return messages

    def write(self, vals):
        # What the customer wrote and what Meta reported are evidence: only the webhook and the
        # addon's own send methods (with sudo) change a message, never a user's RPC.
        if not self.env.su:
            raise AccessError(self.env._("WhatsApp messages are written by WhatsApp itself and cannot be edited."))
        return super().write(vals)

    # ------------------------------------------------------------ webhook application

    @api.model
    def _apply_delivery(self, parsed, event):
        """Stores what a parsed delivery says; returns the problems to keep on the event.

        Only numbers of the companies the event may write into are touched (see
        `_allowed_companies`): a delivery signed by one company's Meta app never reaches another's.
        """
        allowed = event._allowed_companies()
        batch = batch_of(self.env)
        Account = self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        known = batch.accounts(parsed.phone_number_ids)
        numbers = Account.browse(known) if known is not None else Account.search([("phone_number_id", "in", list(parsed.phone_number_ids))])
        accounts = {a.phone_number_id: a for a in numbers if a.company_id in allowed}
        foreign = {a.phone_number_id for a in numbers if a.company_id not in allowed}

        def unknown(item, what):
            if item.phone_number_id in foreign:
                return _("%s is for the WhatsApp number id %s of another company, but was signed with a Meta app that company"
                         " does not use: refused.", what, item.phone_number_id)
            return Waiting(_("%s is for the unknown WhatsApp number id %s: retried until that number is connected.", what, item.phone_number_id))

        problems, touched, notify = [], self.env["cusoft.whatsapp.account"], []
        for message in parsed.messages:
            account = accounts.get(message.phone_number_id)
            if not account:
                problems.append(unknown(message, _("Message %s", message.wamid)))
                continue
            if not message.sender_key:
                problems.append(_("Message %s names no sender.", message.wamid))
                continue
            stored = self._store_inbound(account, message)
            touched |= account
            if stored:
                notify.append(stored)
        for status in parsed.statuses:
            account = accounts.get(status.phone_number_id)
            if not account:
                problems.append(unknown(status, _("Status of %s", status.wamid)))
                continue
            touched |= account
            changed = self.env["cusoft.whatsapp.message.status"]._record(account, status)
            if changed:
                notify.append(changed)
        problems += self.env["cusoft.whatsapp.account"].sudo()._apply_waba_updates(parsed, allowed)
        if touched and batch.deferred:
            batch.touched.update(touched.ids)  # once for the chunk
        elif touched:
            touched._mark_webhook_received()
        self.browse([m.id for m in notify])._notify_bus()
        return problems

    @api.model
    def _store_inbound(self, account, message):
        """The new message, or None when Meta's retry repeats one we already have, or when it is written
        with the rest of its chunk (see inbound_batch.py)."""
        batch = batch_of(self.env)
        stored = batch.stored(account.id, message.wamid)
        if stored is None:
            stored = bool(self.search_count([("account_id", "=", account.id), ("wamid", "=", message.wamid)]))
        if stored:
            return None
        conversation = self.env["cusoft.whatsapp.conversation"].sudo()._for_sender(account, message)
        media = message.media
        reply_to = message.reply_to_wamid or (message.reaction.message_id if message.reaction else None)
        vals = {
            "conversation_id": conversation.id,
            "direction": "inbound",
            "message_type": message.message_type,
            "body": message.body or _placeholder(self.env, message),
            "wamid": message.wamid,
            "timestamp": _naive(message.timestamp) or fields.Datetime.now(),
            "state": "received",
            "reply_to_wamid": reply_to,
            "reply_to_id": self.search([("account_id", "=", account.id), ("wamid", "=", reply_to)], limit=1).id if reply_to else False,
            "payload": json.dumps(message.raw),
        }
        if message.errors:
            error = message.errors[0]
            vals.update(error_code=error.code or 0, error_title=error.title, error_details=error.details or error.message)
        has_media = bool(media and media.id)
        if has_media:
            vals.update(
                media_id=media.id, media_mime_type=media.mime_type, media_sha256=media.sha256,
                media_filename=media.filename, media_voice=bool(media.voice), media_state="pending",
            )
        window_end = _naive(message.window_expires_at)
        if batch.deferred:
            batch.add(account.id, vals, window_end, has_media)
            self._cusoft_whatsapp_apply_opt_out(conversation, message)  # cusoft_whatsapp_opt_out.py
            return None
        try:
            with self.env.cr.savepoint():
                created = self.sudo().create(vals)
        except IntegrityError:
            return None  # the same delivery, processed concurrently: already stored
        conversation._register_inbound(vals["timestamp"], window_end)
        self._cusoft_whatsapp_apply_opt_out(conversation, message)  # cusoft_whatsapp_opt_out.py
        if has_media:
            self.env.ref("cusoft_whatsapp.ir_cron_download_media")._trigger()
        return created

    def _notify_bus(self):
        """Open chats update live: each message goes, as one bus row, to the chat channel of the
        conversation's company, which every WhatsApp user of that company listens to (ir_websocket.py).
        `alert_user_ids` names those a customer's message rings for (the number's notified users and
        the assignee); the others' tabs refresh silently."""
        notes = []
        for message in self:
            conversation = message.conversation_id.sudo()
            notes.append((inbox_channel(conversation.company_id), "cusoft_whatsapp/message", {
                "conversation_id": conversation.id,
                "message_id": message.id,
                "state": message.state,
                "direction": message.direction,
                "alert_user_ids": conversation._watchers().ids,
            }))
        send_to_bus(self.env, notes)

    def _apply_status(self, status, at, errors):
        """Moves the state forward only; every timestamp is kept whatever the order."""
        self.ensure_one()
        vals = {}
        stamp = _naive(at)
        if status in ("sent", "delivered", "read") and stamp:
            column = f"{status}_at"
            if not self[column] or stamp < self[column]:
                vals[column] = stamp
        if status in RANK and RANK[status] > RANK.get(self.state, -1):
            vals["state"] = status
            if status == "failed" and errors:
                error = errors[0]
                vals.update(error_code=error.code or 0, error_title=error.title or error.message, error_details=error.details)
        if vals:
            self.write(vals)
        return bool(vals.get("state"))


class CusoftWhatsappMessageStatus(models.Model):
    """Statuses Meta reported, kept for the messages Odoo does not know (yet)."""

    _name = "cusoft.whatsapp.message.status"
    _description = "WhatsApp status waiting for its message"
    _order = "id"

    account_id = fields.Many2one("cusoft.whatsapp.account", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    wamid = fields.Char(required=True, index=True)
    status = fields.Char(required=True)
    timestamp = fields.Datetime()
    errors = fields.Text(help="Meta's errors, as JSON.")

    @api.model
    def _record(self, account, status):
        Message = self.env["cusoft.whatsapp.message"].sudo()
        message = Message.search([("account_id", "=", account.id), ("wamid", "=", status.wamid)], limit=1)
        if message:
            return message if message._apply_status(status.status, status.timestamp, status.errors) else None
        self.sudo().create({
            "account_id": account.id,
            "wamid": status.wamid,
            "status": status.status,
            "timestamp": _naive(status.timestamp),
            "errors": json.dumps([
                {"code": e.code, "title": e.title, "message": e.message, "details": e.details} for e in status.errors
            ]),
        })
        return None

    @api.model
    def _apply_waiting(self, messages):
        if not messages:
            return
        waiting = self.sudo().search([("wamid", "in", messages.mapped("wamid"))])
        for message in messages:
            for row in waiting.filtered(lambda w: w.wamid == message.wamid and w.account_id == message.account_id):
                message._apply_status(row.status, row.timestamp, _ErrorRow.from_json(row.errors))
                row.unlink()


class _ErrorRow:
    def __init__(self, data):
        self.code = data.get("code")
        self.title = data.get("title")
        self.message = data.get("message")
        self.details = data.get("details")

    @classmethod
    def from_json(cls, text):
        try:
            return [cls(item) for item in json.loads(text or "[]") if isinstance(item, dict)]
        except ValueError:
            return []
