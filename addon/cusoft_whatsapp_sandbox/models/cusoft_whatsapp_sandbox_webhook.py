import logging
import threading

import requests

from odoo import _, api, http, models
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tools import config

from .. import simulated_webhooks

_logger = logging.getLogger(__name__)
URL_PARAM = "cusoft_whatsapp_sandbox.webhook_url"
_sessions = {}  # database → id of a session bound to it
_sessions_lock = threading.Lock()
BACKGROUND = []  # posts still on their way, for whoever must wait for them (the tour's test)


class CusoftWhatsappSandboxWebhook(models.AbstractModel):
    """Posts simulated deliveries to this Odoo's own /whatsapp/webhook, signed like Meta's, so that
    they go through the real route, its signature check, the queue and the processing crons."""

    _name = "cusoft.whatsapp.sandbox.webhook"
    _description = "WhatsApp sandbox: webhook deliveries"

    @api.model
    def _url(self):
        url = self.env["ir.config_parameter"].sudo().get_param(URL_PARAM)
        return url or f"http://127.0.0.1:{config['http_port']}/whatsapp/webhook"

    @api.model
    def _db_cookie(self):
        """Meta's POST carries no database: a server with several picks one by its session. The
        sandbox posts with a session bound to this database (no user in it)."""
        dbname = self.env.cr.dbname
        store = http.root.session_store
        with _sessions_lock:
            sid = _sessions.get(dbname)
            if sid is None or store.get(sid).db != dbname:
                session = store.new()
                session.update(http.get_default_session(), db=dbname)
                store.save(session)
                sid = _sessions[dbname] = session.sid
        return {"session_id": sid}

    @api.model
    def _post(self, company, payload):
        """Posts `payload` signed with `company`'s app secret. From inside a request of this server, in
        a thread of its own: the request must not wait for another request of the same server (with
        one worker, or the test server's single cursor, it would wait for itself)."""
        secret = company.sudo()._cusoft_whatsapp_app_secret()
        if not secret:
            raise UserError(_("The sandbox has no Meta app secret to sign with. Update the WhatsApp sandbox module."))
        raw, headers = simulated_webhooks.signed(payload, secret)
        url, cookies = self._url(), self._db_cookie()
        if http.request:
            dbname, uid = self.env.cr.dbname, self.env.uid
            thread = threading.Thread(
                target=_post_in_background, args=(url, raw, headers, cookies, dbname, uid),
                name="cusoft-whatsapp-sandbox-webhook", daemon=True,
            )
            BACKGROUND[:] = [*(t for t in BACKGROUND if t.is_alive()), thread]
            thread.start()
            return True
        # The server's own threads answer: what this transaction wrote must be visible to them (tests).
        self.env.flush_all()
        error = _send(url, raw, headers, cookies)
        if error:
            raise UserError(error)
        return True


def _send(url, raw, headers, cookies):
    """None, or why the webhook did not take the delivery."""
    try:
        response = requests.post(url, data=raw, headers=headers, cookies=cookies, timeout=30)
    except requests.RequestException as error:
        return _("The sandbox could not reach this Odoo's webhook at %(url)s: %(error)s", url=url, error=error)
    if response.status_code != 200:
        return _("The webhook refused the simulated delivery (HTTP %(status)s: %(text)s).",
                 status=response.status_code, text=response.text[:200])
    return None


def _post_in_background(url, raw, headers, cookies, dbname, uid):
    error = _send(url, raw, headers, cookies)
    if not error:
        return
    _logger.warning("WhatsApp sandbox: %s", error)
    try:
        registry = Registry(dbname)
        with registry.cursor() as cr:
            env = api.Environment(cr, uid, {})
            env.user._bus_send("simple_notification", {"type": "danger", "title": _("WhatsApp sandbox"), "message": error})
    except Exception:  # noqa: BLE001 - the warning above already says it
        _logger.warning("WhatsApp sandbox: the user could not be told", exc_info=True)
