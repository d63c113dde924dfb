"""The chat's routes (docs/chat-api.md). Thin: access, then the model, then serializers/chat.py.

Every route runs with the user's own rights, so the record rules decide which conversations exist
for them. Anyone who is not a WhatsApp user (portal, public, other internal users) gets HTTP 403,
also on the JSON routes (with a JSON-RPC error body, which Odoo's rpc client reads as usual).
"""

import functools
import json

from werkzeug.exceptions import abort

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import Response, request

from ..graph.messaging import outbound_media
from ..models.cusoft_whatsapp_conversation_send import USER_GROUP
from ..serializers import chat as payloads
from ..serializers import chat_templates

SEND_KINDS = ("text", "media", "reaction", "template")
ASSIGN_ACTIONS = ("claim", "assign", "release")


def _forbidden(message):
    body = {"jsonrpc": "2.0", "id": None, "error": {
        "code": 403, "message": message,
        "data": {"name": "odoo.exceptions.AccessError", "message": message, "arguments": [message]},
    }}
    if request.dispatcher.routing_type == "json":
        abort(Response(json.dumps(body), status=403, content_type="application/json"))
    abort(Response(message, status=403, content_type="text/plain; charset=utf-8"))


def whatsapp_user(route):
    """Refuses with 403 whoever is not an internal WhatsApp user, and any access error on the way."""

    @functools.wraps(route)
    def wrapper(*args, **kwargs):
        user = request.env.user
        if user._is_public() or user.share or not user.has_group(USER_GROUP):
            _forbidden(_("You need WhatsApp access rights for this."))
        try:
            return route(*args, **kwargs)
        except AccessError as error:
            _forbidden(str(error))

    return wrapper


def _conversation(conversation_id):
    try:
        record = request.env["cusoft.whatsapp.conversation"].browse(int(conversation_id)).exists()
    except (TypeError, ValueError):
        raise UserError(_("Unknown conversation.")) from None
    if not record:
        raise UserError(_("This conversation no longer exists."))
    record._check_chat_access()
    return record


def _message(message_id):
    try:
        record = request.env["cusoft.whatsapp.message"].browse(int(message_id)).exists()
    except (TypeError, ValueError):
        raise UserError(_("Unknown message.")) from None
    if not record:
        raise UserError(_("This message no longer exists."))
    record.check_access("read")
    return record


def _conversation_file(conversation, attachment_id):
    attachment = request.env["ir.attachment"].browse(int(attachment_id or 0)).exists()
    # Only a file uploaded to this conversation (by /chat/attachment) may leave through it.
    # sudo: only to compare where the file belongs; it is read with the user's rights when sent.
    if not attachment or (attachment.sudo().res_model, attachment.sudo().res_id) != (conversation._name, conversation.id):
        raise UserError(_("Upload the file to this conversation before sending it."))
    return attachment


class CusoftWhatsappChatController(http.Controller):

    @http.route("/cusoft_whatsapp/chat/conversations", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def conversations(self, filter="all", account_id=None, search=None, cursor=None, limit=40, ids=None, partner_id=None):
        Conversation = request.env["cusoft.whatsapp.conversation"]
        records, next_cursor = Conversation._chat_search(filter, account_id, search, cursor, limit, ids, partner_id)
        return payloads.conversation_page(records, next_cursor)

    @http.route("/cusoft_whatsapp/chat/messages", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def messages(self, conversation_id, before=None, after=None, around=None, limit=40, ids=None):
        conversation = _conversation(conversation_id)
        if ids is not None:
            # Live updates: the bus names messages, the client fetches them (reactions → their targets).
            found = request.env["cusoft.whatsapp.message"].search(
                [("conversation_id", "=", conversation.id), ("id", "in", [int(i) for i in ids])], order="id",
            )
            targets = found.filtered(lambda m: m.message_type == "reaction").reply_to_id
            rows = (found.filtered(lambda m: m.message_type != "reaction") | targets).sorted("id")
            return payloads.message_page(request.env, conversation, rows, None, None)
        rows, has_older, has_newer = conversation._chat_messages(before, after, around, limit)
        return payloads.message_page(request.env, conversation, rows, has_older, has_newer)

    @http.route("/cusoft_whatsapp/chat/mark_read", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def mark_read(self, conversation_id, message_id=None):
        conversation = _conversation(conversation_id)
        marker = conversation.mark_read(message_id)
        return payloads.read_state(conversation, marker)

    @http.route("/cusoft_whatsapp/chat/send", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def send(self, conversation_id, client_id, kind="text", body=None, attachment_id=None, caption=None,
             reply_to_id=None, message_id=None, emoji=None, template_id=None, values=None):
        conversation = _conversation(conversation_id)
        if kind not in SEND_KINDS:
            raise UserError(_("Unknown kind of message."))
        reply_to = _message(reply_to_id) if reply_to_id else None
        if kind == "template":
            attachment = _conversation_file(conversation, attachment_id) if attachment_id else None
            new_id = conversation.send_template(template_id, values or {}, client_id=client_id, attachment=attachment)
        elif kind == "text":
            new_id = conversation.send_text(body, reply_to=reply_to, client_id=client_id)
        elif kind == "reaction":
            new_id = conversation.send_reaction(_message(message_id), emoji, client_id=client_id)
        else:
            attachment = _conversation_file(conversation, attachment_id)
            new_id = conversation.send_media(attachment, caption=caption, reply_to=reply_to, client_id=client_id)
        return payloads.sent(request.env, request.env["cusoft.whatsapp.message"].browse(new_id))

    @http.route("/cusoft_whatsapp/chat/templates", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def templates(self, conversation_id):
        conversation = _conversation(conversation_id)
        return chat_templates.template_list(conversation, conversation._chat_templates())

    @http.route("/cusoft_whatsapp/chat/retry", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def retry(self, message_id):
        message = _message(message_id)
        message.action_retry()
        return payloads.sent(request.env, message)

    @http.route("/cusoft_whatsapp/chat/typing", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def typing(self, conversation_id):
        return payloads.typing(_conversation(conversation_id).send_typing())

    @http.route("/cusoft_whatsapp/chat/assign", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def assign(self, conversation_id, action, user_id=None):
        conversation = _conversation(conversation_id)
        if action not in ASSIGN_ACTIONS:
            raise UserError(_("Unknown assignment action."))
        if action == "claim":
            conversation.action_claim()
        elif action == "release":
            conversation.action_release()
        else:
            if not user_id:
                raise UserError(_("Choose the colleague who takes the conversation."))
            conversation.action_assign(request.env["res.users"].browse(int(user_id)))
        return payloads.assigned(conversation)

    @http.route("/cusoft_whatsapp/chat/create_contact", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def create_contact(self, conversation_id):
        """Create contact from the conversation's header: the conversation, now with its contact."""
        conversation = _conversation(conversation_id)
        conversation._create_contact()
        return payloads.contact_created(conversation)

    @http.route("/cusoft_whatsapp/chat/colleagues", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def colleagues(self, conversation_id):
        return payloads.colleagues(_conversation(conversation_id)._colleagues())

    @http.route("/cusoft_whatsapp/chat/counters", type="json", auth="public", methods=["POST"])
    @whatsapp_user
    def counters(self):
        """The systray's number: conversations that need the current user."""
        return payloads.counters(request.env["cusoft.whatsapp.conversation"]._attention_count())

    # ------------------------------------------------------------ files

    @http.route("/cusoft_whatsapp/chat/attachment", type="http", auth="public", methods=["POST"])
    @whatsapp_user
    def upload(self, conversation_id, ufile, **_kwargs):
        """Step one of sending a file: stores it on the conversation after checking Meta's limits."""
        try:
            conversation = _conversation(conversation_id)
        except AccessError:
            raise  # 403, by the decorator
        except UserError as error:
            return request.make_json_response(payloads.upload_refused(str(error)), status=404)
        content = ufile.read()
        # sudo: users cannot create attachments on conversations by themselves; access was checked above.
        attachment = request.env["ir.attachment"].sudo().create({
            "name": ufile.filename or "file",
            "raw": content,
            "res_model": conversation._name,
            "res_id": conversation.id,
            "company_id": conversation.company_id.id,
        })
        kind, problem = outbound_media(attachment.mimetype, attachment.file_size)
        if problem:
            message = (_("WhatsApp does not accept files of type %s.", attachment.mimetype) if problem == "type"
                       else _("This file is too large for WhatsApp."))
            attachment.unlink()
            return request.make_json_response(payloads.upload_refused(message), status=400)
        return request.make_json_response(payloads.uploaded(attachment, kind))

    @http.route("/cusoft_whatsapp/chat/media/<int:message_id>", type="http", auth="public", methods=["GET"])
    @whatsapp_user
    def media(self, message_id, download=False, **_kwargs):
        """A message's file, streamed to whoever may read the message (record rules apply)."""
        message = request.env["cusoft.whatsapp.message"].browse(message_id).exists()
        if not message:
            return request.not_found()
        message.check_access("read")
        try:
            attachment = message.attachment_id
            if not attachment:
                return request.not_found()
            stream = request.env["ir.binary"]._get_stream_from(attachment)
        except MissingError:
            return request.not_found()
        return stream.get_response(as_attachment=bool(download))
