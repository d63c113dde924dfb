import json
import logging
import threading
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.modules.registry import Registry

from .. import simulated_webhooks
from ..graph_server import set_template_status

_logger = logging.getLogger(__name__)
# When a customer's phone would report each step after the send (seconds): enough to see the ticks change.
STEPS = (("sent", 1), ("delivered", 3), ("read", 6))
REVIEW_SECONDS = 5  # Meta's review of a new template takes minutes to days; the sandbox's, seconds
BATCH = 50


class CusoftWhatsappSandboxStatus(models.Model):
    """A status webhook the sandbox will post: of a message sent to a simulated customer, or of a new
    template's review."""

    _name = "cusoft.whatsapp.sandbox.status"
    _description = "WhatsApp sandbox: status webhook to send"
    _order = "due_at, id"

    account_id = fields.Many2one("cusoft.whatsapp.account", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    message_id = fields.Many2one("cusoft.whatsapp.message", ondelete="cascade", index=True)
    template_id = fields.Many2one("cusoft.whatsapp.template", ondelete="cascade", index=True)
    status = fields.Selection([("sent", "Sent"), ("delivered", "Delivered"), ("read", "Read"), ("failed", "Failed"),
                               ("APPROVED", "Template approved")], required=True)
    errors = fields.Text(help="Meta's errors of a failed status, as JSON.")
    due_at = fields.Datetime(required=True, index=True)

    @api.model
    def _schedule(self, messages):
        """What a phone would answer: sent, delivered, read; a failure when the customer blocked the number."""
        Customer = self.env["cusoft.whatsapp.sandbox.customer"]
        now = fields.Datetime.now()
        vals = []
        for message in messages.filtered("wamid"):
            if Customer._for_conversation(message.conversation_id).blocked:
                vals.append({"message_id": message.id, "account_id": message.account_id.id, "status": "failed",
                             "due_at": now + timedelta(seconds=2), "errors": json.dumps([simulated_webhooks.UNDELIVERABLE])})
                continue
            vals += [{"message_id": message.id, "account_id": message.account_id.id, "status": status,
                      "due_at": now + timedelta(seconds=delay)} for status, delay in STEPS]
        jobs = self.sudo().create(vals)
        self._wake_at(jobs.mapped("due_at"))
        return jobs

    @api.model
    def _schedule_review(self, templates):
        """Meta's approval of templates pending review, a few seconds from now."""
        due_at = fields.Datetime.now() + timedelta(seconds=REVIEW_SECONDS)
        jobs = self.sudo().create([
            {"template_id": template.id, "account_id": template.account_id.id, "status": "APPROVED", "due_at": due_at}
            for template in templates
        ])
        self._wake_at(jobs.mapped("due_at"))
        return jobs

    @api.model
    def _wake_at(self, moments):
        """Triggers the cron at each moment. Odoo's cron thread hears of a trigger due now at once, of a
        later one only at its next poll (up to a minute): once committed, timers re-trigger it on time."""
        moments = sorted(set(moments))
        cron = self.env.ref("cusoft_whatsapp_sandbox.ir_cron_sandbox_statuses").sudo()
        cron._trigger_list(moments)
        dbname, now = self.env.cr.dbname, fields.Datetime.now()

        def start_timers():
            for moment in moments:
                timer = threading.Timer(max((moment - now).total_seconds(), 0) + 0.2, _trigger_now, args=(dbname,))
                timer.daemon = True
                timer.start()

        self.env.cr.postcommit.add(start_timers)

    @api.model
    def _cron_post(self, now=None):
        """Posts the statuses that are due to the real webhook, oldest first; returns how many."""
        jobs = self.sudo().search([("due_at", "<=", now or fields.Datetime.now())], limit=BATCH)
        Webhook = self.env["cusoft.whatsapp.sandbox.webhook"]
        done = self.browse()
        for job in jobs:
            account = job.account_id.sudo()
            try:
                Webhook._post(account.company_id, job._payload())
            except Exception:  # noqa: BLE001 - a sandbox status is not worth a stuck queue: drop it, say why
                _logger.warning("WhatsApp sandbox: the %s status of job %s could not be posted", job.status, job.id,
                                exc_info=True)
            done |= job
        done.unlink()
        remaining = self.sudo().search([], limit=1)
        if remaining:
            self._wake_at(remaining.mapped("due_at"))
        return len(done)


    def _payload(self):
        self.ensure_one()
        account = self.account_id.sudo()
        if self.template_id:
            template = self.template_id.sudo()
            # What the next sync reads must agree with the webhook.
            set_template_status(account.waba_id, template.meta_id, self.status)
            return simulated_webhooks.template_status(
                account.waba_id, template.meta_id, template.name, template.language, self.status,
            )
        message = self.message_id.sudo()
        conversation = message.conversation_id
        number = {"phone_number_id": account.phone_number_id, "waba_id": account.waba_id,
                  "display_phone_number": account.display_phone_number}
        return simulated_webhooks.status(
            number, message.wamid, self.status, wa_id=conversation.wa_id, bsuid=conversation.bsuid,
            errors=json.loads(self.errors) if self.errors else None,
        )


def _trigger_now(dbname):
    try:
        with Registry(dbname).cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {}).ref("cusoft_whatsapp_sandbox.ir_cron_sandbox_statuses")._trigger()
    except Exception:  # noqa: BLE001 - the cron's own poll still comes; a dropped database ends here
        _logger.info("WhatsApp sandbox: could not wake the status cron of %s", dbname, exc_info=True)
