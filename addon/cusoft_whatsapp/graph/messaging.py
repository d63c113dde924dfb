"""Sending through the Cloud API (contract §5, §6): message payloads, media upload, read receipts.

Plain functions over a GraphClient, like download_media: the queue that calls them decides what a
failure means for the message, so nothing here retries a send on its own.
"""

from .endpoints import _node
from .errors import local_error

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
MB = 1024 * 1024
# §6.2: what Meta accepts outbound, by MIME type → (message type, maximum bytes).
OUTBOUND_MEDIA = {
    "image/jpeg": ("image", 5 * MB),
    "image/png": ("image", 5 * MB),
    "image/webp": ("sticker", 500 * 1024),
    "video/mp4": ("video", 16 * MB),
    "video/3gpp": ("video", 16 * MB),
    "audio/aac": ("audio", 16 * MB),
    "audio/amr": ("audio", 16 * MB),
    "audio/mpeg": ("audio", 16 * MB),
    "audio/mp4": ("audio", 16 * MB),
    "audio/ogg": ("audio", 16 * MB),
    "text/plain": ("document", 100 * MB),
    "application/pdf": ("document", 100 * MB),
    "application/msword": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("document", 100 * MB),
    "application/vnd.ms-excel": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("document", 100 * MB),
    "application/vnd.ms-powerpoint": ("document", 100 * MB),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("document", 100 * MB),
}
CAPTIONED = ("image", "video", "document")


def outbound_media(mime_type, size):
    """(message type, None) when Meta takes the file, else (None, "type") or (type, "size")."""
    mime = (mime_type or "").split(";")[0].strip().lower()
    kind, limit = OUTBOUND_MEDIA.get(mime, (None, 0))
    if kind is None:
        return None, "type"
    if size > limit:
        return kind, "size"
    return kind, None


def media_limit(kind):
    return max(limit for k, limit in OUTBOUND_MEDIA.values() if k == kind)


def recipient(wa_id, bsuid):
    # §5.1: "+" and the country code, or the business-scoped user id for customers without a number.
    if wa_id:
        return {"to": f"+{wa_id}"}
    if bsuid:
        return {"recipient": bsuid}
    raise ValueError("The conversation has neither a phone number nor a business-scoped user id.")


def message_payload(to, msg_type, content, context_wamid=None, callback=None):
    payload = {"messaging_product": "whatsapp", "recipient_type": "individual", **to, "type": msg_type, msg_type: content}
    if context_wamid:
        payload["context"] = {"message_id": context_wamid}
    if callback:
        payload["biz_opaque_callback_data"] = callback[:512]
    return payload


def text_content(body):
    return {"body": body, "preview_url": "http://" in body or "https://" in body}


def media_content(kind, media_id, caption=None, filename=None, voice=False):
    content = {"id": str(media_id)}
    if caption and kind in CAPTIONED:
        content["caption"] = caption
    if filename and kind == "document":
        content["filename"] = filename
    if voice and kind == "audio":
        content["voice"] = True
    return content


def reaction_content(target_wamid, emoji):
    # An empty emoji removes the reaction (§5.3).
    return {"message_id": target_wamid, "emoji": emoji or ""}


def send_message(client, phone_number_id, payload):
    """The new message's wamid. Never repeated by the client: a lost answer may hide a sent message."""
    answer = client.post(f"{_node(phone_number_id)}/messages", json=payload, idempotent=False)
    messages = answer.get("messages") if isinstance(answer, dict) else None
    wamid = messages[0].get("id") if messages and isinstance(messages[0], dict) else None
    if not wamid:
        raise local_error("Meta accepted the message but returned no message id", "odd_answer", 200)
    return wamid


def upload_media(client, phone_number_id, content, mime_type, filename):
    """Meta's media id for `content`. Repeating an upload only leaves an unused copy at Meta, so a
    lost answer may be retried, unlike a send."""
    files = {
        "messaging_product": (None, "whatsapp"),
        "type": (None, mime_type),
        "file": (filename or "file", content, mime_type),
    }
    answer = client.post(f"{_node(phone_number_id)}/media", files=files, idempotent=True)
    media_id = answer.get("id") if isinstance(answer, dict) else None
    if not media_id:
        raise local_error("Meta stored the file but returned no media id", "odd_answer", 200)
    return str(media_id)


def mark_read(client, phone_number_id, wamid, typing=False):
    """Read receipt up to `wamid` (§5.4), with the typing bubble when asked; harmless to repeat."""
    payload = {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
    if typing:
        payload["typing_indicator"] = {"type": "text"}
    return client.post(f"{_node(phone_number_id)}/messages", json=payload, idempotent=True)
