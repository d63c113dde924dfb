import json
from urllib.parse import urlsplit

from odoo import api, fields, models

from .cusoft_whatsapp_account import DEFAULT_GRAPH_VERSION, GRAPH_VERSION_PARAM, WEBHOOK_FIELDS
from .cusoft_whatsapp_doctor import _public_https

# In the order an administrator does them; the browser lists them in this order.
STEP_KEYS = ("app", "signup_config", "public_url", "number", "subscribed", "webhook_verified", "first_event", "first_message")
SIGNUP_REDIRECT_PATH = "/cusoft_whatsapp/signup/redirect"


class CusoftWhatsappSetup(models.AbstractModel):
    """The setup checklist of a company, from nothing to a first message received: each step's
    state is read from records and parameters the addon keeps, never from a box ticked by hand."""

    _name = "cusoft.whatsapp.setup"
    _description = "WhatsApp setup checklist"

    @api.model
    def _checklist(self, company=None):
        """{"status": "in_progress" | "complete" | "regressed", "steps": [step dicts]} for `company`.

        Once every step was done, the company remembers it: a step undone afterwards (a number
        disconnected, an http:// base URL after an administrator logged in through a proxy…) makes
        the checklist come back as a warning instead of a first-time guide."""
        company = company or self.env.company
        facts = self._facts(company)
        steps = [getattr(self, f"_step_{key}")(facts) for key in STEP_KEYS]
        all_done = all(step["done"] for step in steps)
        if all_done:
            if not company.sudo().cusoft_whatsapp_setup_done_at:
                company.sudo().cusoft_whatsapp_setup_done_at = fields.Datetime.now()
            status = "complete"
        else:
            status = "regressed" if company.sudo().cusoft_whatsapp_setup_done_at else "in_progress"
        return {"status": status, "steps": steps}

    def _facts(self, company):
        params = self.env["ir.config_parameter"].sudo()
        Account = self.env["cusoft.whatsapp.account"].sudo()
        accounts = Account.search([("company_id", "=", company.id)])
        connected = accounts.filtered(lambda a: a.state == "connected")
        base_url = (params.get_param("web.base.url") or "").rstrip("/")
        return {
            "company": company,
            "app_id": company.sudo().cusoft_whatsapp_app_id,
            "app_secret_set": bool(self.env["cusoft.whatsapp.secret"].sudo()._ids_with(company, "app_secret")),
            "config_id": company.sudo().cusoft_whatsapp_config_id,
            "base_url": base_url,
            "base_url_frozen": str(params.get_param("web.base.url.freeze") or "").lower() in ("1", "true"),
            "graph_version": params.get_param(GRAPH_VERSION_PARAM) or DEFAULT_GRAPH_VERSION,
            "accounts": accounts,
            "connected": connected,
            # The number whose values (verify token, phone) the steps quote: a connected one first.
            "account": (connected or accounts)[:1],
        }

    @staticmethod
    def _step(key, title, done, detail, values=()):
        return {"key": key, "title": title, "done": bool(done), "detail": detail,
                "values": [{"label": label, "value": value} for label, value in values if value]}

    # ------------------------------------------------------------ the steps

    def _step_app(self, facts):
        _ = self.env._
        done = facts["app_id"] and facts["app_secret_set"]
        if done:
            detail = _("Meta app %s, with its secret saved.", facts["app_id"])
        elif facts["app_id"]:
            detail = _("The App ID is saved, not the App secret. In Meta's App Dashboard, open your app, App settings → Basic, "
                       "show the App secret and paste it in Settings → WhatsApp → App credentials, then Save.")
        else:
            detail = _("In Meta's App Dashboard (developers.facebook.com/apps), create a Business app or open yours and add the "
                       "WhatsApp product. Then in App settings → Basic, copy the App ID and the App secret into "
                       "Settings → WhatsApp → App credentials, and Save.")
        return self._step("app", _("Meta app ID and secret"), done, detail)

    def _step_signup_config(self, facts):
        _ = self.env._
        host = urlsplit(facts["base_url"]).hostname or ""
        if facts["config_id"]:
            return self._step("signup_config", _("Embedded Signup configuration"), True,
                              _("Configuration %s: the Connect WhatsApp button opens Meta's signup with it.", facts["config_id"]))
        detail = _("In your Meta app, Facebook Login for Business → Configurations: create a configuration with the login "
                   "variation WhatsApp Embedded Signup and paste its Configuration ID in Settings → WhatsApp → Embedded Signup. "
                   "In Facebook Login for Business → Settings, add this domain to Allowed domains and this address to "
                   "Valid OAuth redirect URIs.")
        return self._step("signup_config", _("Embedded Signup configuration"), False, detail, [
            (_("Allowed domain"), host),
            (_("Valid OAuth redirect URI"), facts["base_url"] and facts["base_url"] + SIGNUP_REDIRECT_PATH),
        ])

    def _step_public_url(self, facts):
        _ = self.env._
        url = facts["base_url"]
        freeze = [] if facts["base_url_frozen"] else [(_("System parameter to set to True behind a proxy"), "web.base.url.freeze")]
        if _public_https(url):
            detail = _("Meta reaches this Odoo at %s.", url)
            if not facts["base_url_frozen"]:
                detail += " " + _("Behind a reverse proxy, set the system parameter web.base.url.freeze to True: otherwise Odoo "
                                  "replaces this address with the one an administrator logs in with.")
            return self._step("public_url", _("Public HTTPS address"), True, detail, freeze)
        detail = _("Meta only calls public https:// addresses with a valid certificate, and this Odoo's address is %s. "
                   "In Settings → Technical → System Parameters, set web.base.url to the public https:// address of this "
                   "Odoo. Behind a reverse proxy, start Odoo with proxy_mode = True and set web.base.url.freeze to True, "
                   "or Odoo puts back the address an administrator logs in with.", url or _("not set"))
        return self._step("public_url", _("Public HTTPS address"), False, detail, freeze)

    def _step_number(self, facts):
        _ = self.env._
        connected = facts["connected"]
        if connected:
            return self._step("number", _("A number connected"), True,
                              _("%s connected.", ", ".join(connected.mapped("display_name"))))
        troubled = facts["accounts"].filtered(lambda a: a.state in ("error", "disconnected"))
        if troubled:
            detail = _("%s is not connected any more: open it in WhatsApp → Configuration → WhatsApp numbers, read its last "
                       "error and press Test connection, or connect it again with Connect WhatsApp.", troubled[0].display_name)
        else:
            detail = _("Press Connect WhatsApp in Settings → WhatsApp and follow Meta's window to the end. Without Embedded "
                       "Signup, create the number in WhatsApp → Configuration → WhatsApp numbers with its IDs and a system-user "
                       "token, then press Test connection.")
        return self._step("number", _("A number connected"), False, detail)

    def _step_subscribed(self, facts):
        _ = self.env._
        title = _("App subscribed to the WhatsApp Business Account")
        if not facts["connected"]:
            return self._step("subscribed", title, False, _("Connect a number first."))
        pending = facts["connected"].filtered(lambda a: not self._subscription_known(a))
        if not pending:
            return self._step("subscribed", title, True, _("Meta sends this Odoo the events of your numbers' accounts."))
        account = pending[0]
        detail = _("Without it no webhook arrives for %s. Connect WhatsApp subscribes the app by itself: connect the number "
                   "again, or, with a system-user token, run this request once (it needs the token). Then open the number "
                   "and press Run diagnostics.", account.display_name)
        call = (f'curl -X POST "https://graph.facebook.com/{facts["graph_version"]}/{account.waba_id}/subscribed_apps" '
                '-H "Authorization: Bearer <system-user token>"')
        return self._step("subscribed", title, False, detail, [(_("Subscription request"), call)])

    def _subscription_known(self, account):
        """The latest evidence of the app's subscription to the account's WABA, oldest to newest: the
        signup's subscribe step, a webhook received (only a subscribed app gets one), the diagnostics."""
        finding = next((f for f in json.loads(account.doctor_findings or "[]") if f.get("key") == "subscribed_app"), None)
        if finding and finding["level"] == "error":
            # Diagnostics newer than the last webhook outweigh it; an older verdict was overtaken.
            return bool(account.last_webhook_at and account.doctor_checked_at and account.last_webhook_at > account.doctor_checked_at)
        if finding and finding["level"] == "ok" or account.last_webhook_at:
            return True
        return bool(self.env["cusoft.whatsapp.onboarding.step"].sudo().search_count([
            ("key", "=", "subscribe"), ("status", "=", "done"), ("onboarding_id.account_id", "=", account.id),
        ], limit=1))

    def _step_webhook_verified(self, facts):
        _ = self.env._
        title = _("Webhook verified by Meta")
        account = facts["account"]
        if not account:
            return self._step("webhook_verified", title, False,
                              _("Connect a number first: Meta must send back its verify token."))
        verified = facts["accounts"].filtered(lambda a: a.webhook_verified_at or a.last_webhook_at)
        if verified:
            return self._step("webhook_verified", title, True, _("Meta checked this Odoo's callback URL and verify token."))
        detail = _("In your Meta app, WhatsApp → Configuration → Webhook, press Edit, paste the callback URL and the verify "
                   "token, then Verify and save. Meta calls this Odoo at once: an error there means the address is not "
                   "reachable from the internet or a value was pasted wrong.")
        return self._step("webhook_verified", title, False, detail, [
            (_("Callback URL"), account.webhook_url),
            (_("Verify token"), account.sudo().verify_token),
        ])

    def _step_first_event(self, facts):
        _ = self.env._
        title = _("First event received")
        heard = facts["accounts"].filtered("last_webhook_at")
        if heard:
            return self._step("first_event", title, True, _("Meta's events arrive (last one for %s).", heard[0].display_name))
        account = facts["account"]
        detail = _("In WhatsApp → Configuration → Webhook fields, subscribe to each field below (messages first). Meta sends "
                   "some webhooks only to apps in Live mode: switch App mode to Live in the App Dashboard. Then send a WhatsApp "
                   "message to your number from a phone.")
        return self._step("first_event", title, False, detail, [
            (_("Webhook fields"), ", ".join(WEBHOOK_FIELDS)),
            (_("Your number"), account.display_phone_number or ""),
        ])

    def _step_first_message(self, facts):
        _ = self.env._
        title = _("First message delivered")
        delivered = self.env["cusoft.whatsapp.message"].sudo().search_count([
            ("account_id", "in", facts["accounts"].ids), ("direction", "=", "outbound"), ("state", "in", ("delivered", "read")),
        ], limit=1)
        if delivered:
            return self._step("first_message", title, True, _("Meta reported a message of yours delivered."))
        detail = _("Open WhatsApp → Conversations and answer the message you sent from your phone, within 24 hours of it: "
                   "the step is done when Meta reports your answer delivered.")
        return self._step("first_message", title, False, detail)
