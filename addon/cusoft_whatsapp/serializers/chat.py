"""The chat's JSON payloads (docs/chat-api.md): every answer of controllers/chat.py is built here.

Dates are UTC strings "YYYY-MM-DD HH:MM:SS" (the client turns them into luxon DateTimes); ids are
integers; absent values are null, never false.
"""

from odoo import fields

from ..graph.error_table import explain, normalize_lang

PREVIEW_CHARS = 120


def _at(value):
    return fields.Datetime.to_string(value) if value else None


def _user(user):
    return {"id": user.id, "name": user.name} if user else None


def _preview(message):
    body = message.body or ""
    return body if len(body) <= PREVIEW_CHARS else body[:PREVIEW_CHARS - 1] + "…"


# ------------------------------------------------------------ conversations

def conversation(record, unread_count):
    last = record.last_message_id
    return {
        "id": record.id,
        "account_id": record.account_id.id,
        "name": record.name or "",
        "phone": f"+{record.wa_id}" if record.wa_id else None,
        "username": record.username or None,
        "partner_id": record.partner_id.id or None,
        "avatar_url": f"/web/image/res.partner/{record.partner_id.id}/avatar_128" if record.partner_id else None,
        "last_message": {
            "id": last.id,
            "direction": last.direction,
            "type": last.message_type,
            "preview": _preview(last),
            "state": last.state,
            "timestamp": _at(last.timestamp),
        } if last else None,
        "last_message_at": _at(record.last_message_at),
        "unread_count": unread_count,
        "assignee": _user(record.user_id),
        "window_expires_at": _at(record.window_expires_at),
    }


def conversation_page(records, next_cursor):
    """The inbox list: `records` already paged and filtered with the user's access rights."""
    # sudo: the rows are the user's (searched with their rules); the assignee and last message they
    # point to are shown as names and previews only.
    unread = records._unread_counts()
    rows = records.sudo()
    return {
        "conversations": [conversation(record, unread.get(record.id, 0)) for record in rows],
        "next_cursor": next_cursor,
    }


def one_conversation(record):
    return conversation(record.sudo(), record._unread_counts().get(record.id, 0))


def read_state(record, last_read_message_id):
    return {
        "conversation_id": record.id,
        "last_read_message_id": last_read_message_id,
        "unread_count": record._unread_counts().get(record.id, 0),
    }


def colleagues(users):
    return {"users": [_user(user) for user in users]}


# ------------------------------------------------------------ messages

def _error(env, message):
    if message.state != "failed":
        return None
    kind = message.error_kind or "meta"
    lang = normalize_lang(env.lang)
    uncertain = kind == "uncertain"
    if uncertain:
        explanation = env._("WhatsApp did not confirm this message: it may or may not have reached the customer.")
        fix = env._("Check with the customer before sending it again; Odoo does not resend it on its own.")
    elif kind == "no_token":
        explanation = env._("The WhatsApp number is not connected, so nothing can be sent from it.")
        fix = env._("Ask an administrator to reconnect the number, then retry.")
    elif kind == "internal":
        explanation = env._("Odoo could not prepare this message for WhatsApp.")
        fix = env._("Retry; if it fails again, tell your administrator (the server log has the details).")
    else:
        explanation, fix = explain(message.error_code or None, lang, message=message.error_title or None)
        if kind == "gave_up":
            fix = env._("Odoo stopped retrying after several attempts. Retry later.")
    return {
        "kind": kind,
        "code": message.error_code or None,
        "title": message.error_title or None,
        "explanation": explanation,
        "fix": fix,
        "details": message.error_details or None,
        "uncertain": uncertain,
    }


def _media(message):
    if message.media_state == "none" and not message.attachment_id:
        return None
    return {
        "state": message.media_state,
        # What the file really is when Odoo checked it (models/media_safety.py), else what was declared.
        "mime_type": message.media_detected_type or message.media_mime_type or None,
        "filename": message.media_filename or None,
        "voice": bool(message.media_voice),
        "caption": message.media_caption or None,
        "url": f"/cusoft_whatsapp/chat/media/{message.id}" if message.attachment_id else None,
        "error": message.media_error or None if message.media_state == "error" else None,
    }


def message(env, record, reactions=()):
    reply = record.reply_to_id
    return {
        "id": record.id,
        "conversation_id": record.conversation_id.id,
        "direction": record.direction,
        "type": record.message_type,
        "body": record.body or "",
        "timestamp": _at(record.timestamp),
        "state": record.state,
        "client_id": record.client_id or None,
        "author": _user(record.author_id),
        "reply_to": {
            "id": reply.id,
            "direction": reply.direction,
            "type": reply.message_type,
            "body": _preview(reply),
        } if reply else None,
        "media": _media(record),
        "reactions": list(reactions),
        "error": _error(env, record),
        "retry_at": _at(record.send_next_try) if record.state == "queued" else None,
    }


def messages(env, records):
    reactions = records._chat_reactions()
    return [message(env, record, reactions.get(record.id, ())) for record in records.sudo()]


def message_page(env, conversation_record, records, has_older, has_newer):
    """A page of a thread, oldest first; reactions ride on their targets instead of being rows."""
    return {
        "conversation_id": conversation_record.id,
        "messages": messages(env, records),
        "has_older": has_older,
        "has_newer": has_newer,
        "last_read_message_id": conversation_record._read_markers().get(conversation_record.id, 0),
    }


def sent(env, record):
    """The answer to a send or a retry: the message as it now stands (usually still queued)."""
    return {"message": messages(env, record)[0]}


def assigned(record):
    """The answer to claim, assign and release: the conversation as the list shows it now."""
    return {"conversation": one_conversation(record)}


def contact_created(record):
    """The answer to Create contact: the conversation with its contact, the form to open."""
    return {"conversation": one_conversation(record)}


def counters(attention):
    """`attention` stops at 100, like unread badges ("99+")."""
    return {"attention": attention}


def typing(sent_now):
    """Whether the typing bubble was asked for (false when throttled or outside the window)."""
    return {"sent": bool(sent_now)}


def uploaded(attachment, kind):
    """The answer of the (multipart HTTP) upload route: the file, ready to be sent by its id."""
    return {
        "id": attachment.id, "name": attachment.name, "mime_type": attachment.mimetype,
        "size": attachment.file_size, "kind": kind,
    }


def upload_refused(message):
    return {"error": message}
