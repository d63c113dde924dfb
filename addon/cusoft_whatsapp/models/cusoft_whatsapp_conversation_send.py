import logging
import re
import time
import uuid
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..graph import RETRYABLE, GraphError
from ..graph.messaging import CAPTION_LIMIT, TEXT_LIMIT, mark_read, media_limit, outbound_media

_logger = logging.getLogger(__name__)

USER_GROUP = "cusoft_whatsapp.group_cusoft_whatsapp_user"
CLIENT_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{8,64}")
TYPING_INTERVAL = timedelta(seconds=20)
# Meta recommends read receipts within 30 days; older ones are not worth a call.
RECEIPT_MAX_AGE = timedelta(days=30)


class CusoftWhatsappConversationSend(models.Model):
    """Answering a customer: text, media and reactions, queued at once and sent by the send cron.

    Each send is a message row created as `queued` in the caller's transaction and committed with it;
    the cron sends it after that commit (no transaction stays open while Meta is called), so the
    caller gets the message id immediately and the bus reports `sent`, `delivered`, `read` later.
    """

    _inherit = "cusoft.whatsapp.conversation"

    typing_sent_at = fields.Datetime(readonly=True, copy=False)
    typing_pending = fields.Boolean(readonly=True, copy=False)
    receipt_message_id = fields.Integer(
        readonly=True, copy=False, help="Newest inbound message Meta should be told was read (sent by the cron)."
    )
    receipt_sent_id = fields.Integer(readonly=True, copy=False, help="Newest inbound message Meta was told was read.")

    # ------------------------------------------------------------ access and window

    def _check_chat_access(self):
        """A WhatsApp user of the conversation's company (the record rule decides the company)."""
        if self.env.su:
            return
        if not self.env.user.has_group(USER_GROUP):
            raise AccessError(_("You need WhatsApp access rights for this."))
        self.check_access("read")

    def _window_open(self):
        self.ensure_one()
        return bool(self.window_expires_at and self.window_expires_at > fields.Datetime.now())

    def _check_window(self):
        if not self._window_open():
            raise UserError(_(
                "More than 24 hours have passed since %s last wrote, so WhatsApp only allows an approved "
                "template now. Free messages are possible again once the customer answers.", self.name,
            ))

    # ------------------------------------------------------------ public sending API

    def send_text(self, body, reply_to=None, client_id=None):
        """Queues a text for the customer; returns the message id (the first one's for a repeated client id)."""
        self.ensure_one()
        self._check_chat_access()
        body = (body or "").strip()
        if not body:
            raise UserError(_("Write a message before sending."))
        if len(body) > TEXT_LIMIT:
            raise UserError(_("WhatsApp messages hold at most %(limit)s characters; this one has %(count)s.",
                              limit=TEXT_LIMIT, count=len(body)))
        return self._queue_outbound({"message_type": "text", "body": body}, reply_to, client_id)

    def send_media(self, attachment, caption=None, reply_to=None, client_id=None):
        """Queues a file (uploaded to Meta's media endpoint by the cron, then sent); returns the message id."""
        self.ensure_one()
        self._check_chat_access()
        if not attachment.exists():
            raise UserError(_("The file to send no longer exists."))
        attachment.check_access("read")
        caption = (caption or "").strip()
        kind, problem = outbound_media(attachment.mimetype, attachment.file_size)
        if problem == "type":
            raise UserError(_("WhatsApp does not accept files of type %s. Send a picture (JPEG, PNG), a video (MP4), "
                              "an audio file or a document (PDF, Word, Excel, PowerPoint, text).", attachment.mimetype))
        if problem == "size":
            raise UserError(_("%(name)s is too large for WhatsApp: at most %(limit)s MB for this kind of file.",
                              name=attachment.name, limit=round(media_limit(kind) / 1048576, 1)))
        if len(caption) > CAPTION_LIMIT:
            raise UserError(_("A caption holds at most %s characters.", CAPTION_LIMIT))
        vals = {
            "message_type": kind,
            "body": caption or attachment.name,
            "media_caption": caption or False,
            "media_mime_type": attachment.mimetype,
            "media_filename": attachment.name,
            "media_state": "done",
        }
        return self._queue_outbound(vals, reply_to, client_id, attachment=attachment)

    def send_reaction(self, message, emoji, client_id=None):
        """Reacts to a customer's message; an empty emoji removes our reaction. Returns the message id."""
        self.ensure_one()
        self._check_chat_access()
        message.check_access("read")
        # Meta takes reactions to what the customer wrote (contract §5.3), never to a reaction.
        if (message.conversation_id != self or message.direction != "inbound" or not message.wamid
                or message.message_type == "reaction"):
            raise UserError(_("Only a customer's message in this conversation can get a reaction."))
        emoji = (emoji or "").strip()
        if len(emoji) > 16:
            raise UserError(_("A reaction is a single emoji."))
        return self._queue_outbound({"message_type": "reaction", "body": emoji}, message, client_id, reaction=True)

    # ------------------------------------------------------------ queueing

    def _queue_outbound(self, vals, reply_to, client_id, attachment=None, reaction=False, window=True):
        Message = self.env["cusoft.whatsapp.message"]
        client_id = self._clean_client_id(client_id)
        existing = self._earlier_send(client_id)
        if existing:
            return self._same_send(existing)
        # Checked after the idempotency lookup: a retried request must get its message back even if
        # the window closed in between. Templates (window=False) are what WhatsApp allows outside it.
        if window:
            self._check_window()
        if reply_to:
            reply_to = reply_to if isinstance(reply_to, models.BaseModel) else Message.browse(int(reply_to))
            reply_to = reply_to.sudo().exists()
            if not reply_to or reply_to.conversation_id != self.sudo():
                raise UserError(_("The quoted message is not part of this conversation."))
            if not reaction and not reply_to.wamid:
                raise UserError(_("This message cannot be quoted yet: it has not reached WhatsApp."))
        vals = {
            **vals,
            "conversation_id": self.id,
            "direction": "outbound",
            "state": "queued",
            "client_id": client_id,
            "author_id": self.env.uid,
            "timestamp": fields.Datetime.now(),
            "reply_to_id": reply_to.id if reply_to else False,
            "reply_to_wamid": reply_to.wamid if reply_to else False,
        }
        try:
            # sudo: users cannot create messages directly, only through this checked path.
            with self.env.cr.savepoint():
                message = Message.sudo().create(vals)
        except IntegrityError:
            # Another request with the same client id committed first (two tabs, a retried request).
            return self._same_send(Message.sudo().browse(self._committed_send(client_id)))
        if attachment:
            if not (attachment.res_model == self._name and attachment.res_id == self.id):
                attachment = attachment.sudo().copy({"res_model": self._name, "res_id": self.id,
                                                      "company_id": self.company_id.id})
            message.attachment_id = attachment.sudo()
        message._queue_send()
        return message.id

    def _earlier_send(self, client_id):
        """The message already queued on this number with `client_id`, if any."""
        if client_id is None:
            return self.env["cusoft.whatsapp.message"]
        return self.env["cusoft.whatsapp.message"].sudo().search(
            [("account_id", "=", self.account_id.id), ("client_id", "=", self._clean_client_id(client_id))], limit=1)

    def _same_send(self, message):
        if message.conversation_id != self.sudo():
            raise UserError(_("This send was already used for another conversation; reload the page and try again."))
        return message.id

    def _committed_send(self, client_id):
        """The message a concurrent transaction committed with `client_id`, read outside our snapshot."""
        with self.env.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM cusoft_whatsapp_message WHERE account_id = %s AND client_id = %s",
                (self.account_id.id, client_id),
            )
            row = cr.fetchone()
        if not row:
            raise UserError(_("The message could not be queued; please try again."))
        return row[0]

    @staticmethod
    def _clean_client_id(client_id):
        if client_id is None:
            return uuid.uuid4().hex  # server-side callers that never retry need no id of their own
        client_id = str(client_id)
        if not CLIENT_ID_RE.fullmatch(client_id):
            raise UserError(_("Invalid send id: 8 to 64 letters, digits, dots, dashes or underscores expected."))
        return client_id

    # ------------------------------------------------------------ read receipts and typing

    def mark_read(self, message_id=None):
        """Marks the conversation read for the current user up to `message_id` (default: everything) and
        asks the cron to send Meta's read receipt for the last inbound message. Returns the new marker."""
        self.ensure_one()
        self._check_chat_access()
        conversation = self.sudo()
        upto = min(int(message_id), conversation.last_message_id.id) if message_id else conversation.last_message_id.id
        marker = self.env["cusoft.whatsapp.read.marker"]._advance(conversation, self.env.user, upto or 0)
        receipt = conversation.last_inbound_message_id if conversation.last_inbound_message_id <= marker else self.env[
            "cusoft.whatsapp.message"].sudo().search([
                ("conversation_id", "=", self.id), ("direction", "=", "inbound"), ("id", "<=", marker),
                ("message_type", "!=", "reaction"),
            ], order="id desc", limit=1).id
        if receipt and receipt > max(conversation.receipt_message_id, conversation.receipt_sent_id):
            self.flush_recordset(["receipt_message_id"])
            self.env.cr.execute(
                "UPDATE cusoft_whatsapp_conversation SET receipt_message_id = GREATEST(receipt_message_id, %s) WHERE id = %s",
                (receipt, self.id),
            )
            self.invalidate_recordset(["receipt_message_id"])
            self.env["cusoft.whatsapp.message"]._trigger_send()
        for partner in self.env.user.partner_id:
            # The user's other tabs clear the badge too.
            self.env["bus.bus"]._sendone(partner, "cusoft_whatsapp/read", {
                "conversation_id": self.id, "last_read_message_id": marker, "unread_count": self._unread_counts()[self.id],
            })
        return marker

    def send_typing(self):
        """Shows the customer that someone is typing; at most once every 20 s per conversation."""
        self.ensure_one()
        self._check_chat_access()
        if not self.sudo().last_inbound_message_id or not self._window_open():
            return False
        self.flush_recordset(["typing_sent_at", "typing_pending"])
        self.env.cr.execute(
            """UPDATE cusoft_whatsapp_conversation SET typing_sent_at = %(now)s, typing_pending = true
                WHERE id = %(id)s AND (typing_sent_at IS NULL OR typing_sent_at < %(since)s)
            RETURNING id""",
            {"id": self.id, "now": fields.Datetime.now(), "since": fields.Datetime.now() - TYPING_INTERVAL},
        )
        if not self.env.cr.fetchone():
            return False
        self.invalidate_recordset(["typing_sent_at", "typing_pending"])
        self.env["cusoft.whatsapp.message"]._trigger_send()
        return True

    # ------------------------------------------------------------ the send cron's part

    def init(self):
        super().init()
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS cusoft_whatsapp_conversation_receipt_due_idx ON cusoft_whatsapp_conversation (id)"
            " WHERE receipt_message_id > COALESCE(receipt_sent_id, 0) OR typing_pending"
        )

    @api.model
    def _cron_send_receipts(self, limit=100, deadline=None):
        """Read receipts and typing bubbles the users asked for; both are harmless to repeat."""
        self.flush_model()
        self.env.cr.execute(
            """SELECT id FROM cusoft_whatsapp_conversation
                WHERE receipt_message_id > COALESCE(receipt_sent_id, 0) OR typing_pending
                ORDER BY id LIMIT %s""",
            (limit,),
        )
        Message = self.env["cusoft.whatsapp.message"]
        for conversation in self.sudo().browse([row[0] for row in self.env.cr.fetchall()]):
            if deadline and time.monotonic() >= deadline:
                self.env["cusoft.whatsapp.message"]._trigger_send()
                break
            conversation._send_receipt()
            Message._commit()

    def _send_receipt(self):
        self.ensure_one()
        now = fields.Datetime.now()
        typing = bool(self.typing_pending and self.typing_sent_at and now - self.typing_sent_at < TYPING_INTERVAL
                      and self._window_open())
        target_id = self.last_inbound_message_id if typing else self.receipt_message_id
        target = self.env["cusoft.whatsapp.message"].sudo().browse(target_id).exists()
        done = {"typing_pending": False, "receipt_sent_id": max(self.receipt_sent_id, target_id)}
        if not target or not target.wamid or (target.timestamp and now - target.timestamp > RECEIPT_MAX_AGE):
            self.write(done)
            return
        Message = self.env["cusoft.whatsapp.message"]
        try:
            with self.account_id._graph_client() as client:
                client.max_retries = 1
                client.timeout = Message._graph_send_timeout
                phone_number_id, wamid = self.account_id.phone_number_id, target.wamid
                Message._commit()  # no transaction stays open while Meta works
                mark_read(client, phone_number_id, wamid, typing=typing)
        except UserError:
            pass  # the number has no token: there is nobody to tell
        except GraphError as error:
            if error.category == RETRYABLE:
                _logger.info("WhatsApp conversation %s: read receipt postponed (%r)", self.id, error)
                self.write({"typing_pending": False})
                return
            _logger.info("WhatsApp conversation %s: read receipt refused (%r)", self.id, error)
        self.write(done)
