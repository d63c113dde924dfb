import logging
from urllib.parse import urlencode

from werkzeug.utils import redirect

from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from .. import serializers
from ..models.cusoft_whatsapp_account import ADMIN_GROUP

SDK_URL = "https://connect.facebook.net/en_US/sdk.js"
DIALOG_URL = "https://www.facebook.com"
REDIRECT_ROUTE = "/cusoft_whatsapp/signup/redirect"
_logger = logging.getLogger(__name__)


def _require_admin():
    if not request.env.user.has_group(ADMIN_GROUP):
        raise AccessError(_("Only WhatsApp administrators can connect numbers."))


def _onboarding(onboarding_id):
    onboarding = request.env["cusoft.whatsapp.onboarding"].browse(int(onboarding_id)).exists()
    if not onboarding:
        raise UserError(_("This WhatsApp connection no longer exists. Click Connect WhatsApp again."))
    onboarding.check_access("read")
    return onboarding._for_resume().sudo()


class CusoftWhatsappSignupController(http.Controller):
    """Embedded Signup: the browser gets a one-time state, Meta's popup gives a code, the server
    does everything else (token, checks, registration, subscription) step by step."""

    @http.route("/cusoft_whatsapp/signup/start", type="json", auth="user")
    def start(self, account_id=None):
        _require_admin()
        Account = request.env["cusoft.whatsapp.account"]
        account = Account.browse(int(account_id)).exists() if account_id else Account
        if account_id and not account:
            raise UserError(_("This WhatsApp number no longer exists."))
        account.check_access("write")
        company = (account.company_id if account else request.env.company).sudo()
        if not (company.cusoft_whatsapp_app_id and company.cusoft_whatsapp_config_id):
            raise UserError(_("Enter the Meta App ID and the Embedded Signup configuration ID in Settings → WhatsApp first."))
        onboarding, state = request.env["cusoft.whatsapp.onboarding"]._start(request.session.sid, account or None)
        version = Account._graph_version()
        base_url = request.env["ir.config_parameter"].sudo().get_param("web.base.url", "").rstrip("/")
        fallback = f"{DIALOG_URL}/{version}/dialog/oauth?" + urlencode({
            "client_id": company.cusoft_whatsapp_app_id,
            "config_id": company.cusoft_whatsapp_config_id,
            "response_type": "code",
            "override_default_response_type": "true",
            "redirect_uri": base_url + REDIRECT_ROUTE,
            "state": state,
        })
        return serializers.signup_start(
            state=state, company=company, account=account, graph_version=version, sdk_url=SDK_URL, fallback_url=fallback,
        )

    @http.route("/cusoft_whatsapp/signup/complete", type="json", auth="user")
    def complete(self, state, code, session=None):
        _require_admin()
        onboarding = request.env["cusoft.whatsapp.onboarding"]._claim(state, request.session.sid)
        return serializers.onboarding(onboarding._complete(code, session))

    @http.route("/cusoft_whatsapp/signup/step", type="json", auth="user")
    def step(self, onboarding_id):
        _require_admin()
        return serializers.onboarding(_onboarding(onboarding_id)._run_next())

    @http.route("/cusoft_whatsapp/signup/abandon", type="json", auth="user")
    def abandon(self, state, session=None):
        _require_admin()
        request.env["cusoft.whatsapp.onboarding"]._claim(state, request.session.sid)._abandon(session)
        return serializers.ok()

    @http.route(REDIRECT_ROUTE, type="http", auth="user", methods=["GET"])
    def redirect_back(self, state=None, code=None, error_reason=None, **_kw):
        """Meta's redirect-based dialog, offered when the popup is blocked: runs every step here."""
        _require_admin()
        onboarding = request.env["cusoft.whatsapp.onboarding"]._claim(state, request.session.sid)
        if not code:
            onboarding._abandon({"event": "CANCEL", "error_message": error_reason or "no code"})
            return redirect(f"/odoo/action-cusoft_whatsapp.cusoft_whatsapp_onboarding_action/{onboarding.id}")
        base_url = request.env["ir.config_parameter"].sudo().get_param("web.base.url", "").rstrip("/")
        # One GET runs every step: each finished one is committed, since Meta keeps what it did (a
        # registered PIN, a subscription) even when a later step breaks and the request rolls back.
        request.env.cr.commit()  # the state is used, whatever happens next
        try:
            onboarding._complete(code, None, redirect_uri=base_url + REDIRECT_ROUTE)
            request.env.cr.commit()
            while onboarding.status == "running":
                onboarding._run_next()
                request.env.cr.commit()
        except Exception:  # noqa: BLE001 - shown on the onboarding, the steps before it are kept
            request.env.cr.rollback()
            _logger.exception("WhatsApp onboarding %s failed in the redirect flow", onboarding.id)
            onboarding._fail_unexpectedly()
        if onboarding.status == "done":
            return redirect(f"/odoo/action-cusoft_whatsapp.cusoft_whatsapp_account_action/{onboarding.account_id.id}")
        return redirect(f"/odoo/action-cusoft_whatsapp.cusoft_whatsapp_onboarding_action/{onboarding.id}")
