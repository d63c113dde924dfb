"""Default behaviour of the fake Graph server: authentication and the endpoints of contract §0 the
client uses, over in-memory state that tests may edit (phone numbers, templates, subscriptions…)."""

import base64
import copy
import hashlib
import itertools
import re
from urllib.parse import urlencode

from . import data
from .replies import Reply

_ROUTES = (
    ("GET", re.compile(r"oauth/access_token"), "_oauth_access_token", None),
    ("GET", re.compile(r"debug_token"), "_debug_token", "app"),
    ("GET", re.compile(r"me"), "_me", "user"),
    ("GET", re.compile(r"(?P<id>\d+)"), "_phone_number", "user"),
    ("GET", re.compile(r"(?P<id>\d+)/phone_numbers"), "_phone_numbers", "user"),
    ("POST", re.compile(r"(?P<id>\d+)/register"), "_register", "user"),
    ("POST", re.compile(r"(?P<id>\d+)/messages"), "_send", "user"),
    ("GET", re.compile(r"(?P<id>\d+)/subscribed_apps"), "_subscribed_apps", "user"),
    ("POST", re.compile(r"(?P<id>\d+)/subscribed_apps"), "_subscribe", "user"),
    ("DELETE", re.compile(r"(?P<id>\d+)/subscribed_apps"), "_unsubscribe", "user"),
    ("GET", re.compile(r"(?P<id>\d+)/message_templates"), "_templates", "user"),
)
DEFAULT_PAGE_SIZE = 25


def _unauthorized(message, subcode=None):
    return Reply.error(190, message, status=401, subcode=subcode)


def _bad_param(message, **kwargs):
    return Reply.error(100, f"(#100) {message}", **kwargs)


def _cursor(index):
    return base64.urlsafe_b64encode(f"cursor:{index}".encode()).decode().rstrip("=")


def _uncursor(value):
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        return int(text.removeprefix("cursor:"))
    except ValueError:
        return None


# ============================================================ chat: sending, media upload, read receipts, typing
# One block (routes + mixin) so it moves as a piece with the rest of the fake server. Failures,
# throttling and timeouts are scripted with FakeGraphServer.enqueue (Reply.error, Reply(delay=…)).

_CHAT_ROUTES = (
    ("POST", re.compile(r"(?P<id>\d+)/messages"), "_chat_messages", "user"),
    ("POST", re.compile(r"(?P<id>\d+)/media"), "_chat_upload", "user"),
)
_CHAT_TYPES = {"text", "image", "audio", "video", "document", "sticker", "reaction", "location", "contacts",
               "interactive", "template"}
_CHAT_MEDIA = {"image", "audio", "video", "document", "sticker"}


def _multipart(request):
    """{name: (filename, bytes, content type)} of a multipart/form-data body."""
    from email.parser import BytesParser
    from email.policy import HTTP

    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        return None
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        parts[name] = (part.get_filename(), part.get_payload(decode=True) or b"", part.get_content_type())
    return parts


class FakeChatMixin:
    """Cloud API sending (§5), outbound media (§6.1) and read receipts / typing (§5.4)."""

    def _chat_messages(self, request, version, rel, id):
        if id not in self.phone_numbers:
            return self._unknown(request, id)
        body = request.form()
        if body.get("messaging_product") != "whatsapp":
            return _bad_param("The parameter messaging_product is required.")
        if body.get("status") == "read":
            if not str(body.get("message_id") or "").startswith("wamid."):
                return _bad_param("Invalid parameter", details="message_id must be the wamid of a received message.")
            typing = body.get("typing_indicator")
            if typing is not None and typing != {"type": "text"}:
                return _bad_param("Invalid parameter", details="typing_indicator.type must be 'text'.")
            return Reply.success()
        recipient = str(body.get("to") or body.get("recipient") or "")
        if not recipient:
            return Reply.error(131008, "(#131008) Required parameter is missing", details="Parameter 'to' is required.")
        msg_type = body.get("type") or "text"
        content = body.get(msg_type)
        if msg_type not in _CHAT_TYPES or not isinstance(content, dict):
            return Reply.error(131051, "(#131051) Unsupported message type")
        if msg_type == "text" and not (0 < len(content.get("body") or "") <= 4096):
            return _bad_param("Invalid parameter", details="text.body must hold 1 to 4096 characters.")
        if msg_type == "reaction" and not str(content.get("message_id") or "").startswith("wamid."):
            return Reply.error(131009, "(#131009) Parameter value is not valid",
                               details="reaction.message_id must be a wamid.")
        if msg_type in _CHAT_MEDIA and "link" not in content and str(content.get("id")) not in self.media:
            return Reply.error(131053, "(#131053) Media upload error", details="Unknown media id.")
        message = {"id": f"wamid.FAKE{next(self._serial):012d}"}
        if msg_type == "template":
            message["message_status"] = "accepted"
        contact = {"input": recipient}
        if body.get("to"):
            contact["wa_id"] = re.sub(r"\D", "", recipient)
        return Reply.json({"messaging_product": "whatsapp", "contacts": [contact], "messages": [message]})

    def _chat_upload(self, request, version, rel, id):
        if id not in self.phone_numbers:
            return self._unknown(request, id)
        parts = _multipart(request)
        if parts is None:
            return _bad_param("Invalid parameter", details="Upload the file as multipart/form-data.")
        if (parts.get("messaging_product") or (None, b""))[1] != b"whatsapp":
            return _bad_param("The parameter messaging_product is required.")
        if "file" not in parts:
            return _bad_param("The parameter file is required.")
        _filename, content, part_type = parts["file"]
        declared = (parts.get("type") or (None, b""))[1].decode() or part_type
        if not content:
            return Reply.error(131053, "(#131053) Media upload error", details="The file is empty.")
        media_id = f"12{next(self._serial):013d}"
        self.add_media(media_id, content, declared)
        return Reply.json({"id": media_id})

# ============================================================ end of the chat block

# ============================================================ template management (contract §7.2, §7.2a)
# Create, edit and delete a WABA's templates, and the Resumable Upload of header examples.

_TEMPLATE_ROUTES = (
    ("POST", re.compile(r"(?P<id>\d+)/message_templates"), "_create_template", "user"),
    ("DELETE", re.compile(r"(?P<id>\d+)/message_templates"), "_delete_template", "user"),
    ("POST", re.compile(r"(?P<id>\d+)/uploads"), "_upload_session", "user"),
    ("POST", re.compile(r"upload:(?P<session>[A-Za-z0-9_-]+)"), "_upload_bytes", "oauth"),
    ("POST", re.compile(r"(?P<id>\d+)"), "_edit_template", "user"),
)
_TEMPLATE_NAME = re.compile(r"[a-z0-9_]{1,512}")
_UPLOAD_TYPES = {"application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4"}


class FakeTemplateAdminMixin:
    """Needs self.templates, self.app_id and self._serial (FakeGraph)."""

    def _template_problem(self, body):
        components = body.get("components")
        if not isinstance(components, list) or not any(
                isinstance(c, dict) and str(c.get("type", "")).upper() == "BODY" for c in components):
            return _bad_param("Invalid parameter", details="A template needs exactly one BODY component.")
        for component in components:
            if str(component.get("type", "")).upper() == "HEADER" and component.get("format") in ("IMAGE", "VIDEO", "DOCUMENT"):
                handle = ((component.get("example") or {}).get("header_handle") or [None])[0]
                if handle not in self.upload_handles:
                    return _bad_param("Invalid parameter", details="example.header_handle must be a handle of the Resumable Upload API.")
        return None

    def _create_template(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        body = request.form()
        name, language = str(body.get("name") or ""), str(body.get("language") or "")
        if not _TEMPLATE_NAME.fullmatch(name):
            return _bad_param("Invalid parameter", details="name may hold lowercase letters, digits and underscores only.")
        if body.get("category") not in ("MARKETING", "UTILITY", "AUTHENTICATION") or not language:
            return _bad_param("Invalid parameter", details="category and language are required.")
        existing = self.templates.setdefault(id, [])
        if any(t["name"] == name and t["language"] == language for t in existing):
            return Reply.error(100, "(#100) Invalid parameter", subcode=2388024,
                               details=f"Content in this language already exists for {name}.")
        problem = self._template_problem(body)
        if problem:
            return problem
        template_id = f"13{next(self._serial):014d}"
        existing.append({"id": template_id, "name": name, "language": language, "status": "PENDING",
                         "category": body["category"], "parameter_format": str(body.get("parameter_format") or "POSITIONAL").upper(),
                         "components": body["components"]})
        return Reply.json({"id": template_id, "status": "PENDING", "category": body["category"]})

    def _find_template(self, template_id):
        for waba, templates in self.templates.items():
            for template in templates:
                if str(template["id"]) == template_id:
                    return waba, template
        return None, None

    def _edit_template(self, request, version, rel, id):
        _waba, template = self._find_template(id)
        if template is None:
            return self._unknown(request, id)
        if template["status"] not in ("APPROVED", "REJECTED", "PAUSED"):
            return _bad_param("Invalid parameter", details="Only approved, rejected or paused templates can be edited.")
        body = request.form()
        if "components" in body:
            problem = self._template_problem(body)
            if problem:
                return problem
            template["components"] = body["components"]
        template["status"] = "PENDING"
        return Reply.json({"success": True})

    def _delete_template(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        name, hsm_id = request.query.get("name"), request.query.get("hsm_id")
        templates = self.templates.get(id, [])
        doomed = [t for t in templates if t["name"] == name and (not hsm_id or str(t["id"]) == hsm_id)]
        if not doomed:
            return Reply.error(100, "(#100) Invalid parameter", subcode=2593002, details=f"Template {name} not found.")
        self.templates[id] = [t for t in templates if t not in doomed]
        return Reply.success()

    def _upload_session(self, request, version, rel, id):
        if id != self.app_id:
            return self._unknown(request, id)
        query = request.query
        if query.get("file_type") not in _UPLOAD_TYPES or not query.get("file_name") or not query.get("file_length"):
            return _bad_param("Invalid parameter", details="file_name, file_length and a supported file_type are required.")
        session = f"FAKE{next(self._serial):010d}"
        self.upload_sessions[session] = {"length": int(query["file_length"]), "type": query["file_type"]}
        return Reply.json({"id": f"upload:{session}"})

    def _upload_bytes(self, request, version, rel, session):
        pending = self.upload_sessions.get(session)
        if pending is None:
            return _bad_param("Invalid upload session")
        if request.headers.get("file_offset") != "0" or len(request.body) != pending["length"]:
            return _bad_param("Invalid parameter", details="Send the whole file from file_offset 0.")
        handle = f"4::aW1hZ2U={session}"
        self.upload_handles[handle] = request.body
        return Reply.json({"h": handle})

# ============================================================ end of template management


class FakeGraph(FakeChatMixin, FakeTemplateAdminMixin):
    """State and endpoint logic; the HTTP side lives in server.py."""

    def __init__(self, tokens=(), expired_tokens=(), apps=None):
        self.tokens = set(tokens)
        self.expired_tokens = set(expired_tokens)
        # app id → secret; None accepts any "id|secret" app token (enough for most tests).
        self.apps = dict(apps) if apps is not None else None
        self.app_id = data.APP_ID
        self.phone_numbers = copy.deepcopy(data.PHONE_NUMBERS)
        self.waba_phone_numbers = copy.deepcopy(data.WABA_PHONE_NUMBERS)
        self.templates = copy.deepcopy(data.TEMPLATES)
        self.subscriptions = {}  # waba id → override callback URI (None when subscribed without one)
        self.pins = {}  # phone number id → PIN it was registered with
        self.token_data = {}  # token → debug_token fields to override (e.g. missing scopes)
        self.codes = None  # ES code → token it yields; None lets any code work once
        self.used_codes = set()
        self.base_url = ""
        self.media = {}  # media id → (bytes, mime type); downloads come from base_url/media-download/<id>
        self.upload_sessions = {}  # Resumable Upload session → expected length and type
        self.upload_handles = {}  # header example handle → bytes
        self._serial = itertools.count(1)

    # ------------------------------------------------------------ dispatch

    def route(self, method, rel):
        for route_method, pattern, handler, auth in _CHAT_ROUTES + _TEMPLATE_ROUTES + _ROUTES:
            match = pattern.fullmatch(rel)
            if match and route_method == method:
                return handler, auth, match
        return None

    def authenticate(self, request, auth):
        if auth == "oauth":
            # The Resumable Upload's second step: "Authorization: OAuth <token>", never Bearer (§7.2a).
            value = request.headers.get("authorization", "")
            token = value[6:] if value.startswith("OAuth ") else None
            return None if token in self.tokens else _unauthorized(data.INVALID_TOKEN_MESSAGE if token else data.MISSING_TOKEN_MESSAGE)
        token = request.bearer or request.query.get("access_token")
        if auth is None or token in self.tokens:
            return None
        if auth == "app" and token and "|" in token:
            app_id, _sep, secret = token.partition("|")
            known = self.apps is None or self.apps.get(app_id) == secret
            if app_id and secret and known:
                return None
            return _unauthorized("Invalid OAuth access token signature.")
        if token in self.expired_tokens:
            return _unauthorized(data.EXPIRED_TOKEN_MESSAGE, subcode=463)
        return _unauthorized(data.INVALID_TOKEN_MESSAGE if token else data.MISSING_TOKEN_MESSAGE)

    def dispatch(self, request, rel, version, route):
        if route is None:
            return self._unknown(request, rel.split("/", 1)[0])
        handler, _auth, match = route
        return getattr(self, handler)(request, version, rel, **match.groupdict())

    def _unknown(self, request, object_id):
        return Reply.error(
            100,
            f"Unsupported {request.method.lower()} request. Object with ID '{object_id}' does not exist, cannot be "
            "loaded due to missing permissions, or does not support this operation. Please read the Graph API "
            "documentation at https://developers.facebook.com/docs/graph-api",
            subcode=33, error_type="GraphMethodException",
        )

    def _is_waba(self, object_id):
        return object_id in self.waba_phone_numbers or object_id in self.templates

    # ------------------------------------------------------------ helpers

    def _select(self, record, fields, default=None, known=None, node="WhatsAppBusinessPhoneNumber"):
        wanted = [name for name in (fields or "").split(",") if name] or list(default or record)
        for name in wanted:
            if known is not None and name not in known:
                return _bad_param(f"Tried accessing nonexisting field ({name}) on node type ({node})")
        selected = {name: copy.deepcopy(record[name]) for name in wanted if name in record}
        selected["id"] = record["id"]
        return selected

    def _page(self, request, version, rel, items):
        query = request.query
        try:
            limit = int(query.get("limit") or DEFAULT_PAGE_SIZE)
        except ValueError:
            return _bad_param("Param limit must be a number")
        start = _uncursor(query["after"]) if query.get("after") else 0
        if start is None or limit < 1:
            return _bad_param("Invalid cursor or limit")
        chunk = items[start:start + limit]
        answer = {"data": chunk}
        if chunk:
            answer["paging"] = {"cursors": {"before": _cursor(start), "after": _cursor(start + len(chunk))}}
            if start + limit < len(items):
                params = {k: v for k, v in query.items() if k not in ("access_token", "after", "before")}
                params.update(limit=limit, after=_cursor(start + len(chunk)))
                answer["paging"]["next"] = f"{self.base_url}/{version}/{rel}?{urlencode(params)}"
        return Reply.json(answer)

    # ------------------------------------------------------------ endpoints

    def _oauth_access_token(self, request, version, rel):
        query = request.query
        for name in ("client_id", "client_secret", "code"):
            if not query.get(name):
                return _bad_param(f"Missing {name} parameter.")
        if self.apps is not None and self.apps.get(query["client_id"]) != query["client_secret"]:
            return Reply.error(1, "Error validating client secret.")
        code = query["code"]
        if code in self.used_codes:
            return _bad_param("This authorization code has been used.", subcode=36009)
        if self.codes is not None and code not in self.codes:
            return _bad_param("Invalid verification code format.", subcode=36008)
        self.used_codes.add(code)
        token = self.codes[code] if self.codes is not None else f"EAAFAKEBISU{next(self._serial):04d}ZDZD"
        self.tokens.add(token)
        return Reply.json({"access_token": token, "token_type": "bearer"})

    def _debug_token(self, request, version, rel):
        token = request.query.get("input_token")
        if not token:
            return _bad_param("The parameter input_token is required")
        bearer = request.bearer or request.query.get("access_token") or ""
        app_id = bearer.partition("|")[0] if "|" in bearer else self.app_id
        if token not in self.tokens and token not in self.expired_tokens:
            return Reply.json({"data": {"error": {"code": 190, "message": "Invalid OAuth access token."},
                                        "is_valid": False, "scopes": []}})
        wabas = sorted(set(self.waba_phone_numbers) | set(self.templates))
        info = {
            "app_id": app_id, "type": "SYSTEM_USER", "application": data.APP_NAME,
            "data_access_expires_at": 0, "expires_at": 0, "is_valid": True, "issued_at": data.ISSUED_AT,
            "scopes": list(data.SCOPES),
            "granular_scopes": [
                {"scope": "whatsapp_business_management", "target_ids": wabas},
                {"scope": "whatsapp_business_messaging", "target_ids": wabas},
                {"scope": "business_management", "target_ids": [data.BUSINESS_ID]},
            ],
            "user_id": data.SYSTEM_USER_ID,
        }
        if token in self.expired_tokens:
            info.update(is_valid=False, expires_at=data.ISSUED_AT + 3600,
                        error={"code": 190, "message": data.EXPIRED_TOKEN_MESSAGE, "subcode": 463})
        info.update(self.token_data.get(token, {}))
        return Reply.json({"data": info})

    def _me(self, request, version, rel):
        # A business token answers as its system user (public_profile: id and name).
        return Reply.json({"id": data.SYSTEM_USER_ID, "name": data.SYSTEM_USER_NAME})

    def add_media(self, media_id, content, mime_type="image/jpeg"):
        self.media[str(media_id)] = (content, mime_type)

    def media_info(self, media_id):
        content, mime_type = self.media[media_id]
        return Reply.json({
            "messaging_product": "whatsapp", "id": media_id, "mime_type": mime_type,
            "sha256": hashlib.sha256(content).hexdigest(), "file_size": len(content),
            "url": f"{self.base_url}/media-download/{media_id}",
        })

    def _phone_number(self, request, version, rel, id):
        if id in self.media:
            return self.media_info(id)
        record = self.phone_numbers.get(id)
        if record is None:
            return self._unknown(request, id)
        selected = self._select(record, request.query.get("fields"), data.PHONE_NUMBER_DEFAULT_FIELDS,
                                data.PHONE_NUMBER_NODE_FIELDS)
        return selected if isinstance(selected, Reply) else Reply.json(selected)

    def _phone_numbers(self, request, version, rel, id):
        if id not in self.waba_phone_numbers:
            return self._unknown(request, id)
        items = []
        for number_id in self.waba_phone_numbers[id]:
            selected = self._select(self.phone_numbers[number_id], request.query.get("fields"),
                                    data.PHONE_NUMBER_DEFAULT_FIELDS, data.PHONE_NUMBER_NODE_FIELDS)
            if isinstance(selected, Reply):
                return selected
            items.append(selected)
        return self._page(request, version, rel, items)

    def _register(self, request, version, rel, id):
        if id not in self.phone_numbers:
            return self._unknown(request, id)
        body = request.form()
        if body.get("messaging_product") != "whatsapp":
            return _bad_param("The parameter messaging_product is required.")
        pin = body.get("pin")
        if not (isinstance(pin, str) and re.fullmatch(r"\d{6}", pin)):
            return _bad_param("Invalid parameter", details="Param pin must be a 6-digit number.")
        if self.pins.get(id, pin) != pin:
            return Reply.error(133005, "(#133005) Two step verification PIN Mismatch",
                               details="Two step verification PIN is incorrect.")
        self.pins[id] = pin
        self.phone_numbers[id].update(platform_type="CLOUD_API", status="CONNECTED")
        if self.phone_numbers[id].get("throughput", {}).get("level") == "NOT_APPLICABLE":
            self.phone_numbers[id]["throughput"] = {"level": "STANDARD"}
        return Reply.success()

    def _send(self, request, version, rel, id):
        if id not in self.phone_numbers:
            return self._unknown(request, id)
        body = request.form()
        if body.get("messaging_product") != "whatsapp":
            return _bad_param("The parameter messaging_product is required.")
        recipient = str(body.get("to") or "")
        if not recipient:
            return Reply.error(131008, "(#131008) Required parameter is missing", details="Parameter 'to' is required.")
        message = {"id": f"wamid.FAKE{next(self._serial):012d}"}
        if body.get("type") == "template":
            message["message_status"] = "accepted"
        return Reply.json({
            "messaging_product": "whatsapp",
            "contacts": [{"input": recipient, "wa_id": re.sub(r"\D", "", recipient)}],
            "messages": [message],
        })

    def _subscription(self, waba_id):
        app = {"id": self.app_id, "link": data.app_link(self.app_id), "name": data.APP_NAME}
        entry = {"whatsapp_business_api_data": app}
        if self.subscriptions.get(waba_id):
            entry["override_callback_uri"] = self.subscriptions[waba_id]
        return entry

    def _subscribed_apps(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        return Reply.json({"data": [self._subscription(id)] if id in self.subscriptions else []})

    def _subscribe(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        body = request.form()
        uri, verify_token = body.get("override_callback_uri"), body.get("verify_token")
        if uri and not verify_token:
            return _bad_param("The parameter verify_token is required with override_callback_uri.")
        if uri and len(uri) > 200:
            return _bad_param("Param override_callback_uri must be at most 200 characters long.")
        self.subscriptions[id] = uri or None
        return Reply.success()

    def _unsubscribe(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        self.subscriptions.pop(id, None)
        return Reply.success()

    def _templates(self, request, version, rel, id):
        if not self._is_waba(id):
            return self._unknown(request, id)
        status = request.query.get("status")
        templates = [t for t in self.templates.get(id, []) if not status or t.get("status") == status]
        items = [self._select(template, request.query.get("fields")) for template in templates]
        return self._page(request, version, rel, items)
