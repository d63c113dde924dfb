import psycopg2

from odoo import _, api, models

from ..template_spec import status_after_event
from .cusoft_whatsapp_template import CATEGORIES, QUALITIES, STATUSES, _choice
from .cusoft_whatsapp_webhook_event import Notice


class CusoftWhatsappAccountUpdates(models.Model):
    """What Meta's WABA-level webhooks change on the numbers and their templates."""

    _inherit = "cusoft.whatsapp.account"

    def _mark_webhook_received(self):
        """`last_webhook_at`, to the minute: every message rewriting the number's row would make
        parallel processors collide on it (serialization failures, retries) for a figure shown as
        "3 minutes ago". A processor that loses that race leaves it to the winner."""
        self.env.cr.execute("SAVEPOINT cusoft_whatsapp_last_webhook")
        try:
            self.env.cr.execute(
                """UPDATE cusoft_whatsapp_account SET last_webhook_at = now() at time zone 'UTC'
                    WHERE id IN %s AND (last_webhook_at IS NULL OR last_webhook_at < now() at time zone 'UTC' - interval '1 minute')""",
                (tuple(self.ids),), log_exceptions=False,
            )
        except psycopg2.extensions.TransactionRollbackError:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT cusoft_whatsapp_last_webhook")
        else:
            self.env.cr.execute("RELEASE SAVEPOINT cusoft_whatsapp_last_webhook")
        self.invalidate_recordset(["last_webhook_at"])

    @api.model
    def _apply_waba_updates(self, parsed, companies):
        """Template, phone-number and account events of the numbers of `companies` (those whose Meta app
        signed the delivery): stored where admins look. Returns problems."""
        problems = []
        if not (parsed.templates or parsed.phone_numbers or parsed.accounts):
            return problems
        accounts = self.with_context(active_test=False).search([
            ("waba_id", "in", list(parsed.waba_ids)), ("company_id", "in", companies.ids),
        ])
        Template = self.env["cusoft.whatsapp.template"].sudo().with_context(active_test=False)
        for update in parsed.templates:
            template = Template.search([("meta_id", "=", update.template_id), ("account_id", "in", accounts.filtered(lambda a: a.waba_id == update.waba_id).ids)])
            vals = {}
            if update.field == "message_template_status_update" and update.event:
                vals["last_event"] = " / ".join(filter(None, (update.event, update.other_title)))
                status = status_after_event(update.event, template[:1].status)
                reason = update.rejection_reason or update.reason
                if status != template[:1].status or reason:
                    vals["status"] = _choice(status, STATUSES, "UNKNOWN")
                    vals["rejection_reason"] = reason or False
                # A template deleted at Meta is archived, as the sync does; the messages keep their link.
                vals["active"] = status not in ("DELETED", "PENDING_DELETION")
            if update.new_category:
                vals["category"] = _choice(update.new_category, CATEGORIES, False)
            if update.new_quality:
                vals["quality"] = _choice(update.new_quality, QUALITIES, "UNKNOWN")
            if template and vals:
                template.write(vals)
            elif not template:
                problems.append(Notice(_("Template %s (%s) is not synced yet: sync the templates of its number.", update.template_name, update.template_id)))
        for update in parsed.phone_numbers:
            digits = "".join(ch for ch in (update.display_phone_number or "") if ch.isdigit())
            targets = accounts.filtered(
                lambda a: a.waba_id == update.waba_id
                and "".join(ch for ch in (a.display_phone_number or "") if ch.isdigit()) == digits
            )
            vals = {"last_meta_event": f"{update.field}: {update.event or update.decision or ''}".strip()}
            if update.messaging_limit:
                vals["messaging_limit"] = update.messaging_limit
            if update.decision:
                vals["name_status"] = update.decision
            targets.write(vals)
            if not targets:
                problems.append(Notice(_("Update for the unknown number %s of WhatsApp Business Account %s.", update.display_phone_number, update.waba_id)))
        for update in parsed.accounts:
            targets = accounts.filtered(lambda a: a.waba_id == update.waba_id)
            targets.write({"last_meta_event": f"{update.field}: {update.event or ''}".strip()})
            if update.event == "PARTNER_APP_UNINSTALLED":
                targets._fail(
                    _("The business removed Odoo's app from its WhatsApp account."),
                    _("Reconnect the number with Connect WhatsApp to use it again."),
                    code=190, category="reauthorize",
                )
        return problems
