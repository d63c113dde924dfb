import ipaddress
import json
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..graph import GraphError
from .cusoft_whatsapp_account import ADMIN_GROUP, REQUIRED_SCOPES

_logger = logging.getLogger(__name__)
LEVELS = [("ok", "All good"), ("warning", "Needs a look"), ("error", "Needs a fix")]
RANK = {"ok": 0, "warning": 1, "error": 2}
QUALITY_RANK = {"GREEN": 2, "YELLOW": 1, "RED": 0}
TOKEN_WARNING_DAYS = 7
SILENCE_HOURS = 24


def _public_https(url):
    """Whether Meta could reach `url`, as far as can be told without calling it from outside."""
    parts = urlsplit(url or "")
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host:
        return False
    if host == "localhost" or host.endswith((".local", ".localhost", ".internal", ".lan")) or "." not in host:
        return False
    try:
        return ipaddress.ip_address(host).is_global
    except ValueError:
        return True  # a domain name: resolving it here says nothing about Meta's side


class CusoftWhatsappDoctor(models.Model):
    """Diagnostics of a number: each check says, in plain words, what is wrong and how to fix it."""

    _inherit = "cusoft.whatsapp.account"

    doctor_findings = fields.Text(readonly=True, copy=False, groups=ADMIN_GROUP)
    doctor_report = fields.Html("Diagnostics", compute="_compute_doctor_report", sanitize=False, groups=ADMIN_GROUP)
    doctor_level = fields.Selection(LEVELS, "Diagnostics result", readonly=True, copy=False)
    doctor_checked_at = fields.Datetime("Diagnosed at", readonly=True, copy=False)

    @api.depends("doctor_findings")
    def _compute_doctor_report(self):
        for account in self:
            findings = json.loads(account.doctor_findings or "[]")
            rows = Markup("").join(
                Markup('<li class="text-{css}"><b>{title}</b> {detail}{fix}</li>').format(
                    css={"ok": "success", "warning": "warning", "error": "danger"}[f["level"]],
                    title=f["title"], detail=f["detail"],
                    fix=Markup('<br/><i>{}</i>').format(f["fix"]) if f.get("fix") else "",
                ) for f in findings
            )
            account.doctor_report = Markup("<ul>{}</ul>").format(rows) if findings else False

    def action_doctor(self):
        self.check_access("write")
        for account in self:
            account._doctor()
        return True

    def _doctor(self):
        """Runs every check, stores the findings; returns them (list of dicts: key, level, title, detail, fix)."""
        self.ensure_one()
        _ = self.env._
        findings = []

        def add(key, level, title, detail="", fix=""):
            findings.append({"key": key, "level": level, "title": title, "detail": detail, "fix": fix})

        if _public_https(self.webhook_url):
            add("callback", "ok", _("Callback URL"), _("%s is public and uses HTTPS.", self.webhook_url))
        else:
            add("callback", "error", _("Callback URL"),
                _("Meta cannot reach %s: it must be a public HTTPS address.", self.webhook_url),
                _("Set the web.base.url system parameter to the public https:// address of this Odoo, behind a valid certificate."))

        client = None
        if not self.token_set:
            add("token", "error", _("Access token"), _("No access token is saved."),
                _("Connect the number again with Connect WhatsApp, or paste a token on the number."))
        else:
            self._test_connection()  # refreshes the token's expiry and scopes and the number's quality
            try:
                client = self._graph_client()
            except UserError:
                client = None
            self._doctor_token(add)
        self._doctor_subscription(client, add)
        self._doctor_webhooks(add)
        quality = self.quality_rating
        level = {"GREEN": "ok", "YELLOW": "warning", "RED": "error"}.get(quality, "warning" if quality else "ok")
        add("quality", level, _("Number quality"),
            _("Meta rates this number's quality %s.", dict(self._fields["quality_rating"]._description_selection(self.env)).get(quality, _("unknown"))),
            "" if level == "ok" else _("Customers blocked or reported recent messages: send fewer marketing templates and only to customers who asked for them."))
        worst = max((f["level"] for f in findings), key=RANK.get, default="ok")
        self.sudo().write({"doctor_findings": json.dumps(findings), "doctor_level": worst, "doctor_checked_at": fields.Datetime.now()})
        return findings

    def _doctor_token(self, add):
        _ = self.env._
        if self.state == "error" and self.last_error_category == "reauthorize":
            add("token", "error", _("Access token"), self.last_error_message or "", self.last_error_fix or "")
            return
        missing = [scope for scope in REQUIRED_SCOPES if scope not in (self.token_scopes or "")]
        if self.token_scopes and missing:
            add("token", "error", _("Access token"), _("The token lacks the permission(s) %s.", ", ".join(missing)),
                _("Generate the token again with the permissions whatsapp_business_management and whatsapp_business_messaging."))
        elif self.token_expires_at and self.token_expires_at < fields.Datetime.now() + timedelta(days=TOKEN_WARNING_DAYS):
            add("token", "warning", _("Access token"), _("The token expires on %s.", fields.Datetime.to_string(self.token_expires_at)),
                _("Reconnect the number (Connect WhatsApp) or save a system user token that never expires."))
        else:
            add("token", "ok", _("Access token"), _("Valid, with the permissions %s.", self.token_scopes or ", ".join(REQUIRED_SCOPES)))

    def _doctor_subscription(self, client, add):
        _ = self.env._
        if not client:
            add("subscribed_app", "warning", _("App subscription"), _("Not checked: there is no usable token."))
            return
        try:
            apps = client.list_subscribed_apps(self.waba_id)
        except GraphError as error:
            add("subscribed_app", "warning", _("App subscription"), _("Meta did not answer: %s", error.message or error.code))
            return
        app_id = self.company_id.sudo().cusoft_whatsapp_app_id
        ours = [a for a in apps if str((a.get("whatsapp_business_api_data") or {}).get("id")) == str(app_id)]
        if not ours:
            add("subscribed_app", "error", _("App subscription"),
                _("Your Meta app is not subscribed to the WhatsApp Business Account %s: no webhook arrives.", self.waba_id),
                _("Connect the number again with Connect WhatsApp: it subscribes the app."))
        elif ours[0].get("override_callback_uri") and ours[0]["override_callback_uri"].rstrip("/") != (self.webhook_url or "").rstrip("/"):
            add("subscribed_app", "warning", _("App subscription"),
                _("Meta sends this account's webhooks to %s, not to this Odoo.", ours[0]["override_callback_uri"]),
                _("Connect the number again with Connect WhatsApp from this Odoo."))
        else:
            add("subscribed_app", "ok", _("App subscription"), _("Your Meta app is subscribed to the WhatsApp Business Account."))

    def _doctor_webhooks(self, add):
        _ = self.env._
        now = fields.Datetime.now()
        Message = self.env["cusoft.whatsapp.message"].sudo()
        heard = Message.search_count([("account_id", "=", self.id), "|", ("direction", "=", "inbound"),
                                      ("state", "in", ("delivered", "read", "failed"))], limit=1)
        if heard:
            add("messages_field", "ok", _("Webhook field \"messages\""), _("Messages or statuses from Meta have arrived for this number."))
        else:
            add("messages_field", "warning", _("Webhook field \"messages\""), _("No message or status from Meta has arrived yet for this number."),
                _("In your Meta app: WhatsApp → Configuration → Webhook fields, subscribe to \"messages\"; then send a message to the number."))
        self.env.cr.execute(
            "SELECT coalesce(sum(count), 0) FROM cusoft_whatsapp_webhook_rejection WHERE reason = 'signature' AND hour >= %s",
            (now - timedelta(hours=24),),
        )
        failures = self.env.cr.fetchone()[0]
        if failures:
            add("signatures", "warning", _("Signature failures"),
                _("%s webhook request(s) with a missing or wrong signature in the last 24 hours.", failures),
                _("If they come from Meta, the App secret in Settings → WhatsApp is not the secret of the app subscribed to your numbers."))
        else:
            add("signatures", "ok", _("Signature failures"), _("None in the last 24 hours."))
        sent = Message.search_count([("account_id", "=", self.id), ("direction", "=", "outbound"),
                                     ("create_date", ">=", now - timedelta(hours=SILENCE_HOURS))], limit=1)
        silent = not self.last_webhook_at or self.last_webhook_at < now - timedelta(hours=SILENCE_HOURS)
        if sent and silent:
            add("last_webhook", "error", _("Last webhook"),
                _("Messages were sent in the last 24 hours but no webhook has arrived since %s.", fields.Datetime.to_string(self.last_webhook_at))
                if self.last_webhook_at else _("Messages were sent in the last 24 hours but no webhook has ever arrived."),
                _("Check that the callback URL answers from the internet and that the app is subscribed (see above)."))
        elif self.last_webhook_at:
            add("last_webhook", "ok", _("Last webhook"), _("Received at %s.", fields.Datetime.to_string(self.last_webhook_at)))
        else:
            add("last_webhook", "warning", _("Last webhook"), _("No webhook received yet."))

    # ------------------------------------------------------------ daily check

    @api.model
    def _cron_doctor(self):
        """Checks every connected number; administrators hear in Odoo of what degraded."""
        accounts = self.sudo().search([("state", "in", ("connected", "error"))])
        for account in accounts:
            before = account.quality_rating
            try:
                with self.env.cr.savepoint():
                    findings = account._doctor()
            except Exception:  # noqa: BLE001 - one number's failure never stops the others' checks
                _logger.exception("WhatsApp doctor failed for account %s", account.id)
                continue
            problems = account._doctor_degradations(findings, before)
            if problems:
                account._doctor_notify(problems)
        return True

    def _doctor_degradations(self, findings, quality_before):
        _ = self.env._
        problems = []
        by_key = {f["key"]: f for f in findings}
        token = by_key.get("token")
        if token and token["level"] != "ok":
            problems.append(f"{token['title']}: {token['detail']}")
        if QUALITY_RANK.get(self.quality_rating, 3) < QUALITY_RANK.get(quality_before, 3) and quality_before:
            problems.append(_("Quality dropped from %(before)s to %(after)s.", before=quality_before, after=self.quality_rating))
        silence = by_key.get("last_webhook")
        if silence and silence["level"] == "error":
            problems.append(f"{silence['title']}: {silence['detail']}")
        return problems

    def _doctor_notify(self, problems):
        admins = self.env.ref("cusoft_whatsapp.group_cusoft_whatsapp_admin").sudo().users.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )
        if not admins:
            return
        body = Markup("<p>{}</p><ul>{}</ul>").format(
            self.env._("WhatsApp number %s needs attention:", self.display_name),
            Markup("").join(Markup("<li>{}</li>").format(escape(problem)) for problem in problems),
        )
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=admins.partner_id.ids, subject=self.env._("WhatsApp: %s needs attention", self.display_name), body=body,
            model=self._name, res_id=self.id,
        )
