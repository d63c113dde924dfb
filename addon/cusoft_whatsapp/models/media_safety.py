"""What a customer's file really is, and how Odoo may serve it.

The sender declares a MIME type, and anyone can send an HTML page declared as a photo. The content
decides; active types (pages, SVG, XML, scripts) are stored as plain text, which browsers show as
text and never run (Odoo serves files with `X-Content-Type-Options: nosniff`).
"""

from odoo.tools.mimetypes import guess_mimetype

from ..graph import META_MEDIA_HOSTS

MEDIA_HOSTS_PARAM = "cusoft_whatsapp.media_hosts"
SAFE_TYPE = "text/plain"
_UNKNOWN = {"application/octet-stream", "application/x-empty", "inode/x-empty", ""}


def is_active(mimetype):
    """Types a browser would run or render as a document of Odoo's origin."""
    mimetype = (mimetype or "").lower()
    if mimetype.startswith("application/vnd.openxmlformats"):
        return False  # Office documents: zip archives, whatever their name says
    return any(word in mimetype for word in ("html", "xml", "svg", "javascript", "ecmascript"))


def sniff(content, declared):
    """(detected type, type to store): the content's own type when it has a recognisable one."""
    declared = (declared or "").split(";")[0].strip().lower()
    found = (guess_mimetype(content, default="application/octet-stream") or "").lower()
    detected = found if found not in _UNKNOWN else (declared or "application/octet-stream")
    if is_active(detected) or is_active(declared):
        return detected, SAFE_TYPE
    return detected, detected


def allowed_hosts(env):
    """Meta's media hosts, or the system parameter's comma-separated list (the tests' fake Graph)."""
    value = env["ir.config_parameter"].sudo().get_param(MEDIA_HOSTS_PARAM)
    hosts = tuple(host.strip() for host in (value or "").split(",") if host.strip())
    return hosts or META_MEDIA_HOSTS
