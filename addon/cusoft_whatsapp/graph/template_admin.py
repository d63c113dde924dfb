"""Managing a WABA's message templates (contract §7.2, §7.2a): create, edit, delete, and the
Resumable Upload that turns a header example file into Meta's handle. Plain functions over a
GraphClient, like messaging.py."""

import re

from .endpoints import _node
from .errors import local_error

# §7.2: lowercase letters, digits and underscores, at most 512 characters.
NAME_RE = re.compile(r"[a-z0-9_]{1,512}")
# §7.2a: the types the Resumable Upload API takes for template examples.
UPLOAD_TYPES = ("application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4")


def create_template(client, waba_id, payload):
    """Submits a new template for review; Meta's answer ({id, status, category})."""
    # Not repeated after a lost answer: a second POST would be refused as a duplicate name, or
    # create a twin in another language.
    answer = client.post(f"{_node(waba_id)}/message_templates", json=payload, idempotent=False)
    if not isinstance(answer, dict) or not answer.get("id"):
        raise local_error("Meta accepted the template but returned no id", "odd_answer", 200)
    return answer


def edit_template(client, template_id, payload):
    """Replaces the components (and category) of a template; Meta reviews it again."""
    # Editing sets a state: repeating it after a lost answer changes nothing more.
    return client.post(_node(template_id), json=payload, idempotent=True)


def delete_template(client, waba_id, name, template_id=None):
    """Deletes one language (`template_id`) or every language of `name` at Meta."""
    params = {"name": name}
    if template_id:
        params["hsm_id"] = str(template_id)
    return client.delete(f"{_node(waba_id)}/message_templates", params=params)


def upload_example(client, app_id, filename, content, mime_type):
    """The handle of a header example file: open an upload session on the app, then send the bytes."""
    if mime_type not in UPLOAD_TYPES:
        raise ValueError(f"Meta's Resumable Upload does not take {mime_type!r}")
    session = client._call(
        "POST", f"{_node(app_id)}/uploads", idempotent=True,
        params={"file_name": filename, "file_length": len(content), "file_type": mime_type},
    )
    session_id = session.get("id") if isinstance(session, dict) else None
    if not session_id or not str(session_id).startswith("upload:"):
        raise local_error("Meta opened no upload session", "odd_answer", 200)
    # §7.2a: the bytes go with "OAuth" rather than "Bearer", from offset 0; repeating the whole
    # upload after a lost answer only sends the same bytes again.
    answer = client._call(
        "POST", str(session_id), data=content, idempotent=True, auth_scheme="OAuth",
        extra_headers={"file_offset": "0", "Content-Type": "application/octet-stream"},
    )
    handle = answer.get("h") if isinstance(answer, dict) else None
    if not handle:
        raise local_error("Meta stored the file but returned no handle", "odd_answer", 200)
    return handle
