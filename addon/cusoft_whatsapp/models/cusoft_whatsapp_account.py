import logging
import secrets
import time
from datetime import datetime, timezone

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..graph import GraphClient, GraphError

_logger = logging.getLogger(__name__)

ADMIN_GROUP = "cusoft_whatsapp.group_cusoft_whatsapp_admin"
GRAPH_URL_PARAM = "cusoft_whatsapp.graph_url"
GRAPH_VERSION_PARAM = "cusoft_whatsapp.graph_version"
DEFAULT_GRAPH_URL = "https://graph.facebook.com"
DEFAULT_GRAPH_VERSION = "v25.0"
REQUIRED_SCOPES = ("whatsapp_business_management", "whatsapp_business_messaging")
# The webhook fields the addon processes; the admin subscribes the app to them in Meta's dashboard.
WEBHOOK_FIELDS = (
    "messages",
    "message_template_status_update",
    "message_template_quality_update",
    "phone_number_quality_update",
    "phone_number_name_update",
    "account_update",
)
QUALITY_RATINGS = [("GREEN", "High"), ("YELLOW", "Medium"), ("RED", "Low"), ("UNKNOWN", "Unknown")]
ERROR_CATEGORIES = [
    ("retryable", "Temporary"),
    ("reauthorize", "Needs reconnection"),
    ("needs_template", "Needs a template"),
    ("permanent", "Needs a fix"),
]


class CusoftWhatsappAccount(models.Model):
    """One WhatsApp Business phone number connected to Odoo."""

    _name = "cusoft.whatsapp.account"
    _description = "WhatsApp Business number"
    _order = "company_id, name, id"
    # An admin waits on these calls: retry briefly, never park a worker for Meta's long pacing.
    _graph_max_retries = 2
    _graph_max_wait = 5
    _graph_sleep = staticmethod(time.sleep)

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    waba_id = fields.Char("WhatsApp Business Account ID", required=True, index=True)
    phone_number_id = fields.Char("Phone number ID", required=True, index=True)
    display_phone_number = fields.Char(readonly=True)
    verified_name = fields.Char(readonly=True)
    quality_rating = fields.Selection(QUALITY_RATINGS, readonly=True)
    name_status = fields.Char("Display name status", readonly=True)
    number_status = fields.Char("Number status", readonly=True)
    messaging_limit = fields.Char(readonly=True, help="Meta's messaging limit tier, e.g. TIER_2K.")
    token = fields.Char(
        compute="_compute_token",
        inverse="_inverse_token",
        groups=ADMIN_GROUP,
        exportable=False,
        copy=False,
        help="System-user or business token. Stored encrypted; it is never shown again once saved.",
    )
    token_set = fields.Boolean(compute="_compute_token_set", string="Token saved")
    token_expires_at = fields.Datetime(readonly=True, copy=False, help="Empty when the token never expires.")
    token_scopes = fields.Char(readonly=True, copy=False)
    verify_token = fields.Char(
        default=lambda self: secrets.token_urlsafe(24),
        groups=ADMIN_GROUP,
        copy=False,
        required=True,
        help="Meta sends it back when it verifies the webhook URL.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("connected", "Connected"), ("error", "Error"), ("disconnected", "Disconnected")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    notify_user_ids = fields.Many2many(
        "res.users",
        string="Notify of new conversations",
        domain=[("share", "=", False)],
    )
    last_webhook_at = fields.Datetime(readonly=True, copy=False)
    webhook_verified_at = fields.Datetime(
        "Webhook verified at", readonly=True, copy=False,
        help="When Meta last checked the callback URL with this number's verify token (the webhook handshake).",
    )
    last_checked_at = fields.Datetime(readonly=True, copy=False)
    last_error_code = fields.Integer(readonly=True, copy=False)
    last_error_title = fields.Char(readonly=True, copy=False)
    last_error_message = fields.Text("Last error", readonly=True, copy=False)
    last_error_fix = fields.Text("How to fix it", readonly=True, copy=False)
    last_error_category = fields.Selection(ERROR_CATEGORIES, readonly=True, copy=False)
    webhook_url = fields.Char(compute="_compute_webhook_url", string="Webhook callback URL")
    template_ids = fields.One2many("cusoft.whatsapp.template", "account_id", string="Message templates")
    template_count_synced = fields.Integer("Templates at last sync", readonly=True, copy=False)
    templates_synced_at = fields.Datetime("Templates synced at", readonly=True, copy=False)
    last_meta_event = fields.Char("Last event from Meta", readonly=True, copy=False)

    _sql_constraints = [
        ("phone_number_id_unique", "unique(phone_number_id)", "This WhatsApp phone number is already connected."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        self.env.registry.clear_cache()  # the webhook handshake caches the verify tokens
        return accounts

    def write(self, vals):
        if "verify_token" in vals or "active" in vals:
            self.env.registry.clear_cache()
        return super().write(vals)

    def _compute_token(self):
        # Write-only: the stored token never travels back to any client.
        for account in self:
            account.token = False

    def _inverse_token(self):
        Secret = self.env["cusoft.whatsapp.secret"]
        for account in self:
            if account.token:
                Secret._store(account, "token", account.token)
                account.sudo().write({"token_expires_at": False, "token_scopes": False})

    def _compute_token_set(self):
        with_token = self.env["cusoft.whatsapp.secret"]._ids_with(self, "token")
        for account in self:
            account.token_set = account.id in with_token

    def _compute_webhook_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for account in self:
            account.webhook_url = f"{base.rstrip('/')}/whatsapp/webhook"

    # ------------------------------------------------------------ Graph access

    def _graph_client(self):
        self.ensure_one()
        token = self.env["cusoft.whatsapp.secret"]._reveal(self, "token")
        if not token:
            raise UserError(_("Enter the access token of %s before testing the connection.", self.name))
        return self._graph_client_for(token, account=self)

    @api.model
    def _graph_client_for(self, token, account=None, company=None):
        """A client with the configured Graph URL and version, logging each call to the API log."""
        params = self.env["ir.config_parameter"].sudo()
        Log = self.env["cusoft.whatsapp.api.log"]
        return GraphClient(
            token,
            base_url=params.get_param(GRAPH_URL_PARAM, DEFAULT_GRAPH_URL),
            version=self._graph_version(),
            on_call=lambda call: Log._record_call(call, account=account, company=company),
            max_retries=self._graph_max_retries,
            max_wait=self._graph_max_wait,
            sleep=self._graph_sleep,
        )

    @api.model
    def _graph_version(self):
        return self.env["ir.config_parameter"].sudo().get_param(GRAPH_VERSION_PARAM, DEFAULT_GRAPH_VERSION)

    @api.model
    def _error_lang(self):
        return "es" if (self.env.lang or "").startswith("es") else "en"

    def _error_vals(self, error):
        lang = self._error_lang()
        return {
            "state": "error",
            "last_error_code": error.code or 0,
            "last_error_title": error.title or _("Meta refused the request"),
            "last_error_message": error.explanation(lang),
            "last_error_fix": error.fix(lang),
            "last_error_category": error.category,
            "last_checked_at": fields.Datetime.now(),
        }

    def _fail(self, message, fix, code=0, category="permanent"):
        self.write({
            "state": "error",
            "last_error_code": code,
            "last_error_title": message,
            "last_error_message": message,
            "last_error_fix": fix,
            "last_error_category": category,
            "last_checked_at": fields.Datetime.now(),
        })

    # ------------------------------------------------------------ actions

    def action_test_connection(self):
        """Reads the number's health and the token's validity from Meta and stores both.

        Failures are stored on the account (state error, Meta's reason in plain words), not
        raised, so the admin sees them on the card and the API log rows of the calls survive.
        """
        self.check_access("write")
        for account in self:
            account._test_connection()
        return True

    def _test_connection(self):
        self.ensure_one()
        try:
            client = self._graph_client()
            number = client.get_phone_number(self.phone_number_id)
            self.sudo().write(self._number_vals(number))
            if not self._check_token(client):
                return False
        except GraphError as error:
            _logger.info("WhatsApp account %s: connection test failed with Meta error %s", self.id, error.code)
            self.sudo().write(self._error_vals(error))
            return False
        self.sudo().write({
            "state": "connected",
            "last_checked_at": fields.Datetime.now(),
            "last_error_code": 0,
            "last_error_title": False,
            "last_error_message": False,
            "last_error_fix": False,
            "last_error_category": False,
        })
        return True

    @api.model
    def _number_vals(self, number):
        quality = number.get("quality_rating")
        return {
            "display_phone_number": number.get("display_phone_number"),
            "verified_name": number.get("verified_name"),
            "quality_rating": quality if quality in dict(QUALITY_RATINGS) else "UNKNOWN",
            "name_status": number.get("name_status"),
            "number_status": number.get("status"),
            "messaging_limit": number.get("whatsapp_business_manager_messaging_limit"),
        }

    def _check_token(self, client):
        """debug_token: expiry, scopes, and that this WABA is among the granted targets."""
        company = self.company_id
        app_id = company.sudo().cusoft_whatsapp_app_id
        app_secret = company.sudo()._cusoft_whatsapp_app_secret()
        if not (app_id and app_secret):
            self.sudo()._fail(
                _("The Meta app is not configured, so the token could not be checked."),
                _("Enter the Meta App ID and App Secret in Settings → WhatsApp, then test again."),
            )
            return False
        info = client.debug_token(self.env["cusoft.whatsapp.secret"]._reveal(self, "token"), app_id, app_secret)
        data = info.get("data", {})
        expires = data.get("expires_at") or 0
        scopes = data.get("scopes") or []
        self.sudo().write({
            "token_expires_at": datetime.fromtimestamp(expires, timezone.utc).replace(tzinfo=None) if expires else False,
            "token_scopes": ", ".join(scopes),
        })
        if not data.get("is_valid", False):
            self.sudo()._fail(
                _("Meta says this access token is no longer valid."),
                _("Generate a new token (or reconnect with Embedded Signup) and save it on this number."),
                code=190, category="reauthorize",
            )
            return False
        missing = [scope for scope in REQUIRED_SCOPES if scope not in scopes]
        if missing:
            self.sudo()._fail(
                _("The token lacks the permission(s) %s.", ", ".join(missing)),
                _("Generate the token again with the permissions whatsapp_business_management and whatsapp_business_messaging."),
                code=10, category="reauthorize",
            )
            return False
        targets = {
            target
            for grant in data.get("granular_scopes") or []
            if grant.get("scope") == "whatsapp_business_management"
            for target in grant.get("target_ids") or []
        }
        if targets and self.waba_id not in targets:
            self.sudo()._fail(
                _("The token was not granted access to the WhatsApp Business Account %s.", self.waba_id),
                _("In Meta Business Settings, give the system user access to this WhatsApp account, then generate the token again."),
                code=200, category="reauthorize",
            )
            return False
        return True

    def action_sync_templates(self):
        """Fetches the WABA's message templates from Meta; a failure is stored like a test's."""
        self.check_access("write")
        for account in self:
            self.env["cusoft.whatsapp.template"]._sync_account(account)
        return True

    def action_disconnect(self):
        """Unsubscribes Meta's webhooks, forgets the token; conversations and history stay."""
        self.check_access("write")
        Secret = self.env["cusoft.whatsapp.secret"]
        for account in self:
            account._unsubscribe_if_last()
            Secret._store(account, "token", None)
            self.env["cusoft.whatsapp.audit"]._log(
                "disconnect", _("%(name)s (number id %(number)s)", name=account.name, number=account.phone_number_id),
                company=account.company_id, record=account,
            )
        self.sudo().write({"state": "disconnected", "token_expires_at": False, "token_scopes": False})
        return True

    def _unsubscribe_if_last(self):
        """The app subscription is per WABA: keep it while another number of the WABA is in use."""
        others = self.sudo().search_count([
            ("id", "!=", self.id), ("waba_id", "=", self.waba_id), ("state", "in", ("connected", "error")),
        ])
        if others or not self.token_set:
            return
        try:
            self._graph_client().unsubscribe_app(self.waba_id)
        except GraphError as error:
            # A revoked token cannot unsubscribe; Meta drops the subscription with the app anyway.
            _logger.info("WhatsApp account %s: unsubscribe failed with Meta error %s", self.id, error.code)
