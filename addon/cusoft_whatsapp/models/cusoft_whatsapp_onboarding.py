import hashlib
import secrets
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..graph import GraphError
from .cusoft_whatsapp_account import ADMIN_GROUP, REQUIRED_SCOPES

STATE_TTL = timedelta(minutes=15)
# Order matters: each step relies on what the ones before stored, and a failed step resumes here.
STEPS = [
    ("exchange_code", "Exchange Meta's code for a token"),
    ("check_token", "Check the token's permissions"),
    ("read_numbers", "Read the WhatsApp Business Account's numbers"),
    ("save_account", "Save the number in Odoo"),
    ("register", "Register the number for the Cloud API"),
    ("subscribe", "Subscribe Odoo to the number's webhooks"),
    ("test_connection", "Test the connection"),
]
STEP_STATUSES = [("pending", "Pending"), ("running", "Running"), ("done", "Done"), ("failed", "Failed"), ("skipped", "Skipped")]


class OnboardingStepError(Exception):
    """A step failed for a reason the admin can act on; `title` and `fix` are shown as they are."""

    def __init__(self, title, explanation, fix):
        super().__init__(title)
        self.title, self.explanation, self.fix = title, explanation, fix


def _session_hash(sid):
    return hashlib.sha256((sid or "").encode()).hexdigest()


class CusoftWhatsappOnboarding(models.Model):
    """One run of Embedded Signup: who connected which number when, and where it stands.

    Kept after completion as the audit trail our privacy policy promises.
    """

    _name = "cusoft.whatsapp.onboarding"
    _description = "WhatsApp Embedded Signup"
    _order = "id desc"

    state_token_hash = fields.Char(required=True, index=True, readonly=True, groups="base.group_system")
    session_hash = fields.Char(readonly=True, groups="base.group_system")
    state_used = fields.Boolean(readonly=True)
    expires_at = fields.Datetime(required=True, readonly=True)
    user_id = fields.Many2one("res.users", "Started by", required=True, readonly=True, default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", required=True, readonly=True, default=lambda self: self.env.company)
    reauthorize_account_id = fields.Many2one("cusoft.whatsapp.account", "Reconnecting", readonly=True, ondelete="set null")
    account_id = fields.Many2one("cusoft.whatsapp.account", "Connected number", readonly=True, ondelete="set null")
    status = fields.Selection(
        [("started", "Started"), ("running", "Running"), ("done", "Done"), ("failed", "Failed"), ("abandoned", "Abandoned")],
        default="started", required=True, readonly=True, index=True,
    )
    event = fields.Char("Meta event", readonly=True)
    waba_id = fields.Char(readonly=True)
    phone_number_id = fields.Char(readonly=True)
    business_id = fields.Char(readonly=True)
    meta_session_id = fields.Char("Meta session id", readonly=True, help="Give it to Meta support about a failed signup.")
    meta_error = fields.Text(readonly=True)
    fb_user_id = fields.Char("Facebook identity id", readonly=True)
    fb_user_name = fields.Char("Facebook identity name", readonly=True)
    completed_at = fields.Datetime(readonly=True)
    step_ids = fields.One2many("cusoft.whatsapp.onboarding.step", "onboarding_id", readonly=True)
    pin_to_show = fields.Boolean(readonly=True, help="The generated PIN is shown once, in the next answer.")

    # ------------------------------------------------------------ start / complete

    @api.model
    def _start(self, session_id, account=None):
        """A new onboarding and its one-time state (returned in clear once, stored hashed)."""
        if not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(_("Only WhatsApp administrators can connect numbers."))
        state = secrets.token_urlsafe(32)
        onboarding = self.sudo().create({
            "state_token_hash": _session_hash(state),
            "session_hash": _session_hash(session_id),
            "expires_at": fields.Datetime.now() + STATE_TTL,
            "user_id": self.env.uid,
            "company_id": (account.company_id if account else self.env.company).id,
            "reauthorize_account_id": account.id if account else False,
            "step_ids": [(0, 0, {"key": key, "sequence": index}) for index, (key, _label) in enumerate(STEPS)],
        })
        return onboarding, state

    @api.model
    def _claim(self, state, session_id):
        """The onboarding this state opened, for this admin and browser session, used at most once."""
        if not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(_("Only WhatsApp administrators can connect numbers."))
        onboarding = self.sudo().search([("state_token_hash", "=", _session_hash(state or ""))], limit=1)
        if (
            not state
            or not onboarding
            or onboarding.user_id != self.env.user
            or onboarding.session_hash != _session_hash(session_id)
        ):
            raise AccessError(_("This WhatsApp connection was not started from this session. Click Connect WhatsApp again."))
        if onboarding.state_used:
            raise AccessError(_("This WhatsApp connection was already used. Click Connect WhatsApp again."))
        if onboarding.expires_at < fields.Datetime.now():
            raise UserError(_("This WhatsApp connection took too long and expired. Click Connect WhatsApp again."))
        onboarding.state_used = True
        return onboarding

    def _record_session(self, session):
        session = session if isinstance(session, dict) else {}
        self.write({
            "event": str(session.get("event") or "")[:64] or False,
            "waba_id": _digits(session.get("waba_id")),
            "phone_number_id": _digits(session.get("phone_number_id")),
            "business_id": _digits(session.get("business_id")),
        })

    def _complete(self, code, session, redirect_uri=None):
        """Exchanges the code at once (it lives 30 s); the other steps follow, one call each."""
        self.ensure_one()
        self._record_session(session)
        self.status = "running"
        self._run_step("exchange_code", code=code, redirect_uri=redirect_uri)
        return self

    def _abandon(self, session):
        self.ensure_one()
        session = session if isinstance(session, dict) else {}
        self._forget_token()
        self.write({
            "status": "abandoned",
            "event": str(session.get("event") or "CANCEL")[:64],
            "meta_session_id": str(session.get("session_id") or "")[:128] or False,
            "meta_error": str(session.get("error_message") or session.get("current_step") or "")[:2000] or False,
        })

    def _for_resume(self):
        """This onboarding, for its next step: only its own admin resumes it, and only before it expires.

        Another admin of the company could otherwise finish (or redo) someone else's connection with
        their token, at any later time.
        """
        self.ensure_one()
        if self.user_id != self.env.user:
            raise AccessError(_("Only %s, who started this WhatsApp connection, can resume it.", self.user_id.name))
        if self.expires_at < fields.Datetime.now():
            # Its token, if any is left, goes with the daily clean-up (_gc_expired_tokens).
            raise UserError(_("This WhatsApp connection took too long and expired. Click Connect WhatsApp again."))
        return self

    def _forget_token(self):
        """The token is kept only until the number holds it, or the onboarding ends without one."""
        for onboarding in self:
            self.env["cusoft.whatsapp.secret"].sudo()._store(onboarding, "token", None)

    @api.autovacuum
    def _gc_expired_tokens(self):
        Secret = self.env["cusoft.whatsapp.secret"].sudo()
        expired = self.sudo().search([("expires_at", "<", fields.Datetime.now())])
        self.sudo().browse(list(Secret._ids_with(expired, "token")))._forget_token()

    # ------------------------------------------------------------ steps

    def _next_step(self):
        return self.step_ids.filtered(lambda step: step.status in ("pending", "failed", "running"))[:1]

    def _run_next(self):
        """Runs the next pending (or failed) step; the browser calls this until done or failed."""
        self.ensure_one()
        if self.status in ("done", "abandoned"):
            return self
        step = self._next_step()
        if step.key == "exchange_code":
            step._fail(OnboardingStepError(
                _("Meta's one-time code can no longer be used."),
                _("The code Meta gives after the popup works once and only for 30 seconds."),
                _("Click Connect WhatsApp again to get a new code."),
            ))
            self.status = "failed"
            return self
        if step:
            self.status = "running"
            self._run_step(step.key)
        if not self._next_step() and self.status != "failed":
            self.write({"status": "done", "completed_at": fields.Datetime.now()})
        return self

    def _run_step(self, key, **kwargs):
        step = self.step_ids.filtered(lambda s: s.key == key)
        step.write({"status": "running", "message": False})
        try:
            outcome = getattr(self, f"_step_{key}")(**kwargs)
        except GraphError as error:
            lang = self.env["cusoft.whatsapp.account"]._error_lang()
            step._fail(OnboardingStepError(error.title or _("Meta refused the request"), error.explanation(lang), error.fix(lang)))
            self.status = "failed"
            return False
        except OnboardingStepError as error:
            step._fail(error)
            self.status = "failed"
            return False
        status, message = outcome if isinstance(outcome, tuple) else ("done", outcome)
        step.write({"status": status, "message": message or False, "error_title": False, "error_explanation": False, "error_fix": False})
        return True

    def _token(self):
        Secret = self.env["cusoft.whatsapp.secret"]
        # Once the number is saved, the token lives on the number only.
        token = Secret._reveal(self, "token") or (self.account_id and Secret._reveal(self.account_id, "token"))
        if not token:
            raise OnboardingStepError(
                _("The token from Meta is missing."), _("The first step did not complete."),
                _("Click Connect WhatsApp again."),
            )
        return token

    def _client(self):
        Account = self.env["cusoft.whatsapp.account"]
        return Account._graph_client_for(self._token(), account=self.account_id or None, company=self.company_id)

    def _app(self):
        company = self.company_id.sudo()
        app_id, app_secret = company.cusoft_whatsapp_app_id, company._cusoft_whatsapp_app_secret()
        if not (app_id and app_secret):
            raise OnboardingStepError(
                _("The Meta app is not configured."), _("Odoo needs the Meta app's ID and secret to finish the connection."),
                _("Enter the Meta App ID and App Secret in Settings → WhatsApp, then connect again."),
            )
        return app_id, app_secret

    def _step_exchange_code(self, code, redirect_uri=None):
        app_id, app_secret = self._app()
        Account = self.env["cusoft.whatsapp.account"]
        answer = Account._graph_client_for(None, company=self.company_id).exchange_code(app_id, app_secret, code, redirect_uri)
        token = answer.get("access_token")
        if not token:
            raise OnboardingStepError(
                _("Meta did not return a token."), _("The code exchange answered without an access token."),
                _("Click Connect WhatsApp again."),
            )
        self.env["cusoft.whatsapp.secret"]._store(self, "token", token)
        return _("Token received.")

    def _step_check_token(self):
        app_id, app_secret = self._app()
        client = self._client()
        data = client.debug_token(self._token(), app_id, app_secret).get("data", {})
        if not data.get("is_valid"):
            raise OnboardingStepError(
                _("Meta says the new token is not valid."), _("The login did not grant a usable token."),
                _("Click Connect WhatsApp again and complete every screen of Meta's popup."),
            )
        scopes = data.get("scopes") or []
        missing = [scope for scope in REQUIRED_SCOPES if scope not in scopes]
        if missing:
            raise OnboardingStepError(
                _("The permission(s) %s were not granted.", ", ".join(missing)),
                _("Odoo needs to manage and send WhatsApp messages for this business."),
                _("Connect again and keep every permission ticked in Meta's popup."),
            )
        targets = [
            target for grant in data.get("granular_scopes") or []
            if grant.get("scope") == "whatsapp_business_management"
            for target in grant.get("target_ids") or []
        ]
        if self.waba_id and targets and self.waba_id not in targets:
            raise OnboardingStepError(
                _("The WhatsApp Business Account %s was not shared with Odoo.", self.waba_id),
                _("The account chosen in the popup is not among those the token may manage."),
                _("Connect again and select the same WhatsApp Business Account on every screen."),
            )
        if not self.waba_id:
            # The popup's FINISH message can be lost; debug_token's targets still name the WABA.
            if len(set(targets)) != 1:
                raise OnboardingStepError(
                    _("Odoo could not tell which WhatsApp Business Account you chose."),
                    _("Meta's popup did not say, and the token manages %s accounts.", len(set(targets))),
                    _("Connect again and share exactly one WhatsApp Business Account."),
                )
            self.waba_id = targets[0]
        self._record_identity(client)
        return _("Permissions granted for the WhatsApp Business Account %s.", self.waba_id)

    def _record_identity(self, client):
        try:
            identity = client.me()
        except GraphError:
            return  # the audit keeps the Odoo user; Meta's identity is a plus, not a blocker
        self.write({"fb_user_id": _digits(identity.get("id")), "fb_user_name": str(identity.get("name") or "")[:256] or False})

    def _step_read_numbers(self):
        numbers = self._client().list_phone_numbers(self.waba_id)
        if not numbers:
            raise OnboardingStepError(
                _("This WhatsApp Business Account has no phone number yet."),
                _("Meta's popup finished without adding a number (only the business account was shared)."),
                _("Add a phone number in Meta's WhatsApp Manager, then connect again."),
            )
        ids = [str(number.get("id")) for number in numbers]
        # Without the popup's message, Meta's default order puts the newest onboarded number first.
        chosen = self.phone_number_id if self.phone_number_id in ids else ids[0]
        if self.phone_number_id and self.phone_number_id not in ids:
            raise OnboardingStepError(
                _("The chosen number is not in this WhatsApp Business Account."),
                _("Meta listed other numbers than the one the popup reported."),
                _("Connect again."),
            )
        target = self.reauthorize_account_id
        if target and target.phone_number_id != chosen:
            raise OnboardingStepError(
                _("This reconnection chose another phone number."),
                _("%s must be reconnected with its own number; another number was selected in Meta's popup.", target.name),
                _("Reconnect again and pick the same number, or use Connect WhatsApp to add the other number."),
            )
        self.phone_number_id = chosen
        number = next(n for n in numbers if str(n.get("id")) == chosen)
        return _("Found %s.", number.get("display_phone_number") or chosen)

    def _step_save_account(self):
        Account = self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        account = Account.search([("phone_number_id", "=", self.phone_number_id)], limit=1)
        if account and account.company_id != self.company_id:
            raise OnboardingStepError(
                _("This number is already connected to another company."),
                _("A WhatsApp number belongs to one company in Odoo."),
                _("Disconnect it in the other company first."),
            )
        vals = {"waba_id": self.waba_id, "phone_number_id": self.phone_number_id, "active": True, "company_id": self.company_id.id}
        existed = bool(account)
        if account:
            account.write(vals)
        else:
            account = Account.create({**vals, "name": _("WhatsApp %s", self.phone_number_id)})
        self.env["cusoft.whatsapp.secret"]._store(account, "token", self._token())
        account.write({"token_expires_at": False, "token_scopes": False})
        self.account_id = account
        self._forget_token()
        self.env["cusoft.whatsapp.audit"]._log(
            "reauthorize" if existed else "connect", _("%(name)s (number id %(number)s)", name=account.name, number=account.phone_number_id),
            company=account.company_id, record=account,
        )
        return _("Saved as %s.", account.name)

    def _step_register(self):
        account = self.account_id
        client = self._client()
        number = client.get_phone_number(self.phone_number_id)
        account.sudo().write(account._number_vals(number))
        provisioned = (
            number.get("code_verification_status") == "VERIFIED"
            and number.get("platform_type") != "NOT_APPLICABLE"
            and (number.get("throughput") or {}).get("level") != "NOT_APPLICABLE"
        )
        if provisioned:
            return ("skipped", _("Already registered for the Cloud API."))
        Secret = self.env["cusoft.whatsapp.secret"]
        # Re-registering needs the same PIN (else 133005): keep the one generated before, if any.
        pin = Secret._reveal(account, "pin") or f"{secrets.randbelow(10**6):06d}"
        Secret._store(account, "pin", pin)
        client.register_phone(self.phone_number_id, pin)
        self.pin_to_show = True
        return _("Registered with a new two-step verification PIN.")

    def _step_subscribe(self):
        account = self.account_id
        override = self.env["ir.config_parameter"].sudo().get_param("cusoft_whatsapp.webhook_override")
        if override:
            self._client().subscribe_app(self.waba_id, account.webhook_url, account.sudo().verify_token)
        else:
            self._client().subscribe_app(self.waba_id)
        return _("Meta will send this number's messages to Odoo.")

    def _step_test_connection(self):
        account = self.account_id
        if not account._test_connection():
            raise OnboardingStepError(
                account.last_error_title or _("The connection test failed."),
                account.last_error_message or "",
                account.last_error_fix or "",
            )
        return _("Connected.")

    def _fail_unexpectedly(self):
        """Marks the step that broke outside of Meta's answers; the steps before it stay done."""
        self.ensure_one()
        self._next_step()._fail(OnboardingStepError(
            _("Something unexpected went wrong."),
            _("Odoo stopped at this step; what the steps before it did is kept."),
            _("Click Connect WhatsApp again. If it happens again, give the server log to your administrator."),
        ))
        self.status = "failed"

    # ------------------------------------------------------------ browser payload (serializers/onboarding.py)

    def _take_pin_to_show(self):
        """The PIN generated at registration, once: later answers get None."""
        self.ensure_one()
        if not (self.pin_to_show and self.account_id):
            return None
        self.pin_to_show = False
        return self.env["cusoft.whatsapp.secret"]._reveal(self.account_id, "pin")


class CusoftWhatsappOnboardingStep(models.Model):
    _name = "cusoft.whatsapp.onboarding.step"
    _description = "WhatsApp Embedded Signup step"
    _order = "sequence, id"

    onboarding_id = fields.Many2one("cusoft.whatsapp.onboarding", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer()
    key = fields.Selection(STEPS, required=True)
    status = fields.Selection(STEP_STATUSES, default="pending", required=True)
    message = fields.Char()
    error_title = fields.Char()
    error_explanation = fields.Text()
    error_fix = fields.Text()

    def _fail(self, error):
        self.write({
            "status": "failed",
            "message": error.title,
            "error_title": error.title,
            "error_explanation": error.explanation,
            "error_fix": error.fix,
        })


def _digits(value):
    text = str(value or "")
    return text if text.isdigit() else False
