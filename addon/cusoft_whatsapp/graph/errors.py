"""Graph API failures as exceptions an admin can act on: code, category, and a plain-language fix."""

import json
import re

from .error_table import (
    CATEGORIES,
    ERROR_TABLE,
    NEEDS_TEMPLATE,
    PERMANENT,
    REAUTHORIZE,
    RETRYABLE,
    as_int,
    explain,
    lookup,
    normalize_lang,
)
from .rate_limits import header, required_wait

__all__ = [
    "CATEGORIES", "ERROR_TABLE", "NEEDS_TEMPLATE", "PERMANENT", "REAUTHORIZE", "RETRYABLE",
    "GraphConnectionError", "GraphError", "GraphTimeout", "GraphUncertainError", "explain", "parse_error",
]

_CODE_PREFIX_RE = re.compile(r"^\(#\d+\)\s*")

# Failures that carry no Meta error code: (explanation, fix) per language; {status} is filled in.
_TRANSPORT_TEXTS = {
    "timeout": {
        "en": ("Meta did not answer in time.",
               "Try again in a few minutes; if it keeps happening, check the server's internet connection."),
        "es": ("Meta no respondió a tiempo.",
               "Vuelva a intentarlo en unos minutos; si se repite, revise la conexión a internet del servidor."),
    },
    "connection": {
        "en": ("Odoo could not connect to Meta's servers.",
               "Check the server's internet connection, DNS and proxy or firewall rules, then try again."),
        "es": ("Odoo no pudo conectarse con los servidores de Meta.",
               "Revise la conexión a internet del servidor, el DNS y las reglas de proxy o cortafuegos, y vuelva a intentarlo."),
    },
    "uncertain": {
        "en": ("The request reached Meta (or a server in between) but no clear answer came back, so it may or may "
               "not have been carried out.",
               "Check in WhatsApp Manager (or by testing the connection) whether it happened before trying again; "
               "Odoo does not repeat it on its own so that nothing is done twice."),
        "es": ("La solicitud llegó a Meta (o a un servidor intermedio) pero no volvió una respuesta clara, así que "
               "puede que se haya realizado o no.",
               "Compruebe en el Administrador de WhatsApp (o probando la conexión) si se realizó antes de reintentar; "
               "Odoo no la repite por su cuenta para no hacerla dos veces."),
    },
    "odd_answer": {
        "en": ("Meta's answer did not have the expected shape (a list without data, or paging that never ends).",
               "Try again later; if it persists, report it with the time of the call."),
        "es": ("La respuesta de Meta no tenía la forma esperada (una lista sin datos o una paginación sin fin).",
               "Vuelva a intentarlo más tarde; si persiste, infórmelo indicando la hora de la llamada."),
    },
    "config": {
        "en": ("The Graph API address configured in Odoo is not usable.",
               "Check the Graph URL setting of WhatsApp (normally https://graph.facebook.com)."),
        "es": ("La dirección de la API Graph configurada en Odoo no es utilizable.",
               "Revise la URL de Graph en los ajustes de WhatsApp (normalmente https://graph.facebook.com)."),
    },
    "unreadable": {
        "en": ("Meta's answer (HTTP {status}) could not be read as an API response; usually a temporary outage "
               "or a proxy between Odoo and Meta.",
               "Try again later; if it persists, check any proxy between Odoo and graph.facebook.com."),
        "es": ("La respuesta de Meta (HTTP {status}) no se pudo leer como respuesta de la API; suele ser una caída "
               "temporal o un proxy entre Odoo y Meta.",
               "Vuelva a intentarlo más tarde; si persiste, revise los proxies entre Odoo y graph.facebook.com."),
    },
}


class GraphError(Exception):
    """A failed Graph call. Never holds a token or secret: the client scrubs Meta's texts."""

    uncertain = False  # True when the request may have been carried out despite the failure
    _text_key = None

    def __init__(self, message, *, http_status=None, code=None, subcode=None, title=None, details=None,
                 fbtrace_id=None, is_transient=None, retry_after=None, category=None, action=None,
                 error_type=None, user_message=None):
        self.message = message
        self.http_status = http_status
        self.code = code
        self.subcode = subcode
        self.title = title
        self.details = details
        self.fbtrace_id = fbtrace_id
        self.is_transient = is_transient
        self.retry_after = retry_after
        self.category = category or PERMANENT
        self.action = action
        self.error_type = error_type
        self.user_message = user_message
        self.attempts = 1
        super().__init__(message)

    def __str__(self):
        parts = [f"Meta error {self.code}" if self.code is not None else "Graph call failed"]
        if self.subcode is not None:
            parts[0] += f"/{self.subcode}"
        if self.http_status is not None:
            parts[0] += f" (HTTP {self.http_status})"
        text = f"{parts[0]}: {self.message}"
        if self.details and self.details not in self.message:
            text += f" — {self.details}"
        if self.fbtrace_id:
            text += f" [fbtrace_id {self.fbtrace_id}]"
        return text

    def __repr__(self):
        return (f"{type(self).__name__}(code={self.code!r}, subcode={self.subcode!r}, http_status={self.http_status!r}, "
                f"category={self.category!r}, fbtrace_id={self.fbtrace_id!r})")

    def _texts(self, lang):
        lang = normalize_lang(lang)
        if self._text_key:
            explanation, fix = _TRANSPORT_TEXTS[self._text_key][lang]
            return explanation.format(status=self.http_status), fix
        return explain(self.code, lang, subcode=self.subcode, message=self.message)

    def explanation(self, lang="en"):
        """What happened, in `lang`, followed by Meta's own details when it gave any."""
        text = self._texts(lang)[0]
        if self.details and self._text_key is None:
            text += (" Detalles de Meta: " if normalize_lang(lang) == "es" else " Meta's details: ") + self.details
        return text

    def fix(self, lang="en"):
        return self._texts(lang)[1]

    def scrub(self, clean):
        """Passes every Meta-provided text through `clean` (the client removes its secrets this way)."""
        for name in ("message", "title", "details", "user_message"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, clean(value))
        self.args = (self.message,)
        return self


class GraphTimeout(GraphError):
    _text_key = "timeout"

    def __init__(self, message, **kwargs):
        kwargs.setdefault("category", RETRYABLE)
        kwargs.setdefault("action", "R")
        super().__init__(message, **kwargs)


class GraphConnectionError(GraphError):
    _text_key = "connection"

    def __init__(self, message, **kwargs):
        kwargs.setdefault("category", RETRYABLE)
        kwargs.setdefault("action", "R")
        super().__init__(message, **kwargs)


class GraphUncertainError(GraphError):
    """A non-idempotent call whose outcome is unknown; retrying could do it twice, so nobody does."""

    uncertain = True
    _text_key = "uncertain"

    def __init__(self, message, **kwargs):
        # Not RETRYABLE on purpose: no queue may repeat it blindly.
        kwargs.setdefault("category", PERMANENT)
        super().__init__(message, **kwargs)


def local_error(message, kind, http_status=None):
    """A PERMANENT GraphError raised by this package itself; `kind` picks its admin-facing texts."""
    error = GraphError(message, http_status=http_status, category=PERMANENT, action="F")
    error._text_key = kind
    return error


def _describe_body(status, headers, body):
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body or "")
    content_type = (header(headers, "Content-Type") or "").lower()
    if not text.strip():
        return f"Meta answered HTTP {status} with an empty body instead of JSON"
    if "html" in content_type or text.lstrip().startswith("<"):
        return f"Meta answered HTTP {status} with an HTML page instead of JSON"
    return f"Meta answered HTTP {status} with a body that is not valid JSON"


def unreadable_error(status, headers, body, description=None):
    """A GraphError for an answer that is not a Graph JSON envelope (proxy pages, truncated bodies)."""
    retryable = status is not None and (status == 429 or status >= 500)
    error = GraphError(
        description or _describe_body(status, headers, body),
        http_status=status,
        category=RETRYABLE if retryable else PERMANENT,
        action="R" if retryable else "F",
        fbtrace_id=header(headers, "x-fb-trace-id"),
        retry_after=required_wait(headers) if retryable else None,
    )
    error._text_key = "unreadable"
    return error


def _text(value):
    return (value.strip() or None) if isinstance(value, str) else None


def from_error_object(error, http_status=None, headers=None):
    """GraphError from the `error` object of a Graph response (or a webhook `errors[]` item)."""
    code = as_int(error.get("code"))
    data = error.get("error_data")
    if isinstance(data, dict):
        details = _text(data.get("details"))
    else:
        # Template-management errors sometimes carry error_data as a bare string.
        details = _text(data) if isinstance(data, str) else None
    message = _text(error.get("message")) or _text(error.get("title")) or "(no message from Meta)"
    info = lookup(code)
    is_transient = error.get("is_transient") if isinstance(error.get("is_transient"), bool) else None
    if info is not None:
        action = info.action
    elif is_transient or (http_status is not None and (http_status == 429 or http_status >= 500)):
        # An unknown code: trust Meta's transient flag, else the HTTP status, as a last resort.
        action = "R"
    else:
        action = "F"
    category = info.category if info is not None else (RETRYABLE if action == "R" else PERMANENT)
    wait = required_wait(headers, min_wait=info.min_wait if info else None, details=details)
    return GraphError(
        message,
        http_status=http_status,
        code=code,
        subcode=as_int(error.get("error_subcode")),
        title=_text(error.get("error_user_title")) or _text(error.get("title")) or _CODE_PREFIX_RE.sub("", message),
        details=details,
        fbtrace_id=_text(error.get("fbtrace_id")) or header(headers, "x-fb-trace-id"),
        is_transient=is_transient,
        retry_after=wait if category == RETRYABLE else None,
        category=category,
        action=action,
        error_type=_text(error.get("type")),
        user_message=_text(error.get("error_user_msg")),
    )


def parse_error(status, headers, body_bytes):
    """GraphError from a failed HTTP answer; never raises, whatever the body holds."""
    try:
        payload = json.loads(body_bytes) if body_bytes else None
    except (ValueError, TypeError):
        return unreadable_error(status, headers, body_bytes)
    error = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(error, dict):
        return from_error_object(error, status, headers)
    if isinstance(error, str) and error.strip():
        # OAuth-style answers: {"error": "invalid_request", "error_description": "..."}.
        described = payload.get("error_description")
        return from_error_object({"message": described if isinstance(described, str) else error}, status, headers)
    if payload is None:
        return unreadable_error(status, headers, body_bytes)
    return unreadable_error(status, headers, body_bytes, f"Meta answered HTTP {status} with JSON that holds no error object")
