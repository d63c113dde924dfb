"""Meta Graph API (WhatsApp Cloud API) client in plain Python: no Odoo import, relative imports only."""

from .client import GraphClient
from .media import MAX_MEDIA_BYTES, META_MEDIA_HOSTS, MediaHostError, MediaIntegrityError, download_media
from .endpoints import MAX_PAGES, PHONE_NUMBER_FIELDS, TEMPLATE_FIELDS
from .error_table import ACTION_CATEGORY, CATEGORIES, ERROR_TABLE, SUBCODE_EXPLANATIONS, ErrorInfo, lookup
from .errors import (
    NEEDS_TEMPLATE,
    PERMANENT,
    REAUTHORIZE,
    RETRYABLE,
    GraphConnectionError,
    GraphError,
    GraphTimeout,
    GraphUncertainError,
    explain,
    from_error_object,
    parse_error,
)

__all__ = [
    "ACTION_CATEGORY", "CATEGORIES", "MAX_MEDIA_BYTES", "META_MEDIA_HOSTS", "MediaHostError", "MediaIntegrityError", "download_media", "ERROR_TABLE", "MAX_PAGES", "NEEDS_TEMPLATE", "PERMANENT",
    "PHONE_NUMBER_FIELDS", "REAUTHORIZE", "RETRYABLE", "SUBCODE_EXPLANATIONS", "TEMPLATE_FIELDS",
    "ErrorInfo", "GraphClient", "GraphConnectionError", "GraphError", "GraphTimeout", "GraphUncertainError",
    "explain", "from_error_object", "lookup", "parse_error",
]
