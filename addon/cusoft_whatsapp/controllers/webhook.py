import logging

from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response

from odoo import http
from odoo.http import request

from ..webhook import MAX_BODY_BYTES, SIGNATURE_HEADER, BodyError, decode_body, verify_handshake, verify_signature

_logger = logging.getLogger(__name__)


def _plain(status, text=""):
    return Response(text, status=status, content_type="text/plain; charset=utf-8")


def _read_body(httprequest, limit):
    """At most `limit` + 1 bytes of the body: enough to tell it is too large without reading the rest.

    Werkzeug 2.2 (Odoo 18 on Debian 12) applies `max_content_length` to forms only, and a chunked body
    has no Content-Length to check first: the stream itself is read with a bound.
    """
    if httprequest.content_length is not None and httprequest.content_length > limit:
        raise RequestEntityTooLarge()
    # Odoo's request object does not expose werkzeug's stream; its wrapped request does.
    stream = getattr(httprequest, "_HTTPRequest__wrapped", httprequest).stream
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise RequestEntityTooLarge()
    return b"".join(chunks)


class CusoftWhatsappWebhookController(http.Controller):
    """Meta's single callback URL for every number: verify, store, answer at once.

    Answers: 200 for every signed JSON delivery (even of an unexpected shape: it is stored and kept
    in error, since Meta retries anything else for days), 403 unsigned or forged, 413 over Meta's
    3 MB, 400 signed but not JSON. Never 500: whatever fails after storing is the cron's business.
    """

    @http.route("/whatsapp/webhook", type="http", auth="none", methods=["GET"], csrf=False,
                save_session=False, readonly=False)
    def handshake(self, **params):
        Event = request.env["cusoft.whatsapp.webhook.event"].sudo()
        challenge = verify_handshake(params, Event._verify_tokens())
        if challenge is None:
            Event._count_rejection("handshake")
            return _plain(403, "Verify token mismatch")
        try:
            with request.env.cr.savepoint():
                Event._record_handshake(params.get("hub.verify_token"))
        except Exception:  # noqa: BLE001 - a bookkeeping failure must not fail Meta's verification
            _logger.exception("WhatsApp webhook: the handshake could not be recorded")
        return _plain(200, challenge)

    # max_content_length: newer werkzeug stops reading at 3 MB by itself; _read_body does it on any.
    @http.route("/whatsapp/webhook", type="http", auth="none", methods=["POST"], csrf=False,
                save_session=False, readonly=False, max_content_length=MAX_BODY_BYTES)
    def receive(self, **_params):
        httprequest = request.httprequest
        Event = request.env["cusoft.whatsapp.webhook.event"].sudo()
        try:
            raw = _read_body(httprequest, MAX_BODY_BYTES)
        except RequestEntityTooLarge:
            Event._count_rejection("too_large")
            return _plain(413, "Payload too large")
        try:
            secrets = Event._signing_secrets()
        except Exception:  # e.g. no encryption key at all: refuse rather than accept unverified bodies
            _logger.exception("WhatsApp webhook: the app secrets cannot be read")
            Event._count_rejection("signature")
            return _plain(403, "Signature cannot be verified")
        matched = verify_signature(raw, httprequest.headers.get(SIGNATURE_HEADER), [secret for _company, secret in secrets])
        if matched is None:
            Event._count_rejection("signature")
            return _plain(403, "Invalid signature")
        try:
            decode_body(raw)
        except BodyError as error:
            Event._count_rejection(error.kind)
            return _plain(error.http_status, error.message)
        # Every company sharing the Meta app that signed it: processing writes into their numbers only.
        Event._store(raw.decode("utf-8-sig"), sorted(company for company, secret in secrets if secret == matched))
        return _plain(200, "OK")
