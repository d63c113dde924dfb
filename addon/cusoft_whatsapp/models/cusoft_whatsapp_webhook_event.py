import json
import logging

from odoo import _, api, fields, models, tools

from ..webhook import ShapeError, parse_delivery

_logger = logging.getLogger(__name__)
BATCH_SIZE = 200


class CusoftWhatsappWebhookEvent(models.Model):
    """Every signed delivery from Meta, stored as it came before anything else happens.

    The route only stores and answers; a cron applies the events, so a slow step or a bug never
    makes Meta retry, and nothing a customer wrote is lost: a failed event stays in `error`, with
    its reason, until it is reprocessed.
    """

    _name = "cusoft.whatsapp.webhook.event"
    _description = "WhatsApp webhook delivery"
    _order = "id desc"
    _rec_name = "received_at"

    received_at = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    raw_body = fields.Text(required=True, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True, help="The company whose Meta app signed it.")
    state = fields.Selection(
        [("pending", "Pending"), ("done", "Done"), ("error", "Error")],
        default="pending", required=True, readonly=True, index=True,
    )
    error = fields.Text(readonly=True)
    attempts = fields.Integer(readonly=True)
    processed_at = fields.Datetime(readonly=True)
    summary = fields.Char(readonly=True, help="What the delivery held, e.g. 1 message, 2 statuses.")

    @api.model
    def _store(self, raw_body, company_id):
        """The route's only write, in one round trip: the event and a trigger of the processing cron.

        The trigger row is what makes the cron run again after a run that started before this
        delivery. The NOTIFY that wakes the cron workers costs a connection, so it is sent only when
        no trigger was already waiting: under a burst, the first delivery wakes them for all.
        """
        cron = self.env.ref("cusoft_whatsapp.ir_cron_process_webhook_events")
        self.env.cr.execute(
            """WITH event AS (
                   INSERT INTO cusoft_whatsapp_webhook_event
                          (received_at, raw_body, company_id, state, attempts, create_date, write_date)
                   VALUES (now() at time zone 'UTC', %(body)s, %(company)s, 'pending', 0,
                           now() at time zone 'UTC', now() at time zone 'UTC')
                   RETURNING id
               ), waiting AS (
                   SELECT count(*) AS n FROM ir_cron_trigger WHERE cron_id = %(cron)s
               ), trigger AS (
                   INSERT INTO ir_cron_trigger (cron_id, call_at, create_date, write_date)
                   SELECT %(cron)s, now() at time zone 'UTC', now() at time zone 'UTC', now() at time zone 'UTC'
                     FROM event
                   RETURNING id
               )
               SELECT waiting.n, (SELECT count(*) FROM trigger) FROM waiting""",
            {"body": raw_body, "company": company_id, "cron": cron.id},
        )
        already_waiting, _inserted = self.env.cr.fetchone()
        if not already_waiting:
            self.env.cr.postcommit.add(cron._notifydb)

    @api.model
    def _cron_process(self, limit=BATCH_SIZE):
        """Applies pending deliveries oldest first, each in its own savepoint: one bad event never
        blocks the ones after it. Rows locked by a concurrent run are skipped, not waited for."""
        self.env.cr.execute(
            "SELECT id FROM cusoft_whatsapp_webhook_event WHERE state = 'pending' ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
            (limit,),
        )
        events = self.browse([row[0] for row in self.env.cr.fetchall()])
        for event in events:
            event._process()
        if len(events) == limit:
            self.env.ref("cusoft_whatsapp.ir_cron_process_webhook_events")._trigger()
        return len(events)

    def _process(self):
        self.ensure_one()
        self.attempts += 1
        try:
            with self.env.cr.savepoint():
                summary, problems = self._apply()
        except Exception as error:  # kept for inspection and reprocessing, whatever went wrong
            _logger.exception("WhatsApp webhook event %s could not be processed", self.id)
            self.write({"state": "error", "error": _("Processing failed: %s", error), "processed_at": fields.Datetime.now()})
            return False
        self.write({
            "state": "error" if problems else "done",
            "error": "\n".join(problems) or False,
            "summary": summary,
            "processed_at": fields.Datetime.now(),
        })
        return not problems

    def _apply(self):
        try:
            payload = json.loads(self.raw_body)
            parsed = parse_delivery(payload)
        except (ValueError, ShapeError) as error:
            return _("nothing usable"), [_("Unexpected delivery: %s", error)]
        problems = list(parsed.problems)
        problems += self.env["cusoft.whatsapp.message"]._apply_delivery(parsed, self)
        counts = [
            (len(parsed.messages), _("messages")),
            (len(parsed.statuses), _("statuses")),
            (len(parsed.templates), _("template updates")),
            (len(parsed.phone_numbers) + len(parsed.accounts), _("account updates")),
        ]
        summary = ", ".join(f"{count} {label}" for count, label in counts if count) or _("no event")
        return summary, problems

    def action_reprocess(self):
        """Errors are retried as they are: the processing is idempotent (wamids are unique)."""
        self.check_access("write")
        for event in self.sudo().filtered(lambda e: e.state != "pending"):
            event.write({"state": "pending", "error": False})
            event._process()
        return True

    @api.autovacuum
    def _gc_processed(self):
        """Raw bodies hold message text: keep processed ones only as long as the retention says."""
        days = int(self.env["ir.config_parameter"].sudo().get_param("cusoft_whatsapp.webhook_retention_days", 30))
        self.env.cr.execute(
            "DELETE FROM cusoft_whatsapp_webhook_event WHERE state = 'done' AND received_at < (now() at time zone 'UTC') - %s * interval '1 day'",
            (max(days, 1),),
        )

    @api.model
    def _count_rejection(self, reason):
        """Refused requests are counted per hour and reason, never stored: junk must not fill the
        database, yet an admin can see that something is knocking."""
        self.env.cr.execute(
            "INSERT INTO cusoft_whatsapp_webhook_rejection (hour, reason, count, create_date, write_date)"
            " VALUES (date_trunc('hour', now() at time zone 'UTC'), %s, 1, now() at time zone 'UTC', now() at time zone 'UTC')"
            " ON CONFLICT (hour, reason) DO UPDATE SET count = cusoft_whatsapp_webhook_rejection.count + 1",
            (reason,),
        )

    @api.model
    @tools.ormcache()
    def _signing_secrets(self):
        """(company id, app secret) of every company with a Meta app: webhooks are signed with it.
        Cached: deriving the key and decrypting on every delivery would slow the acknowledgement."""
        Secret = self.env["cusoft.whatsapp.secret"].sudo()
        secrets = Secret.search([("res_model", "=", "res.company"), ("kind", "=", "app_secret")])
        return tuple((secret.res_id, Secret._reveal(self.env["res.company"].browse(secret.res_id), "app_secret")) for secret in secrets)

    @api.model
    @tools.ormcache()
    def _verify_tokens(self):
        return tuple(self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False).search([]).mapped("verify_token"))


class CusoftWhatsappWebhookRejection(models.Model):
    _name = "cusoft.whatsapp.webhook.rejection"
    _description = "Refused WhatsApp webhook requests, per hour"
    _order = "hour desc"

    hour = fields.Datetime(required=True, readonly=True)
    reason = fields.Selection(
        [("signature", "Missing or wrong signature"), ("handshake", "Wrong verify token"),
         ("too_large", "Larger than 3 MB"), ("empty", "Empty body"), ("not_utf8", "Not UTF-8"),
         ("not_json", "Not JSON"), ("too_deep", "Absurdly nested")],
        required=True, readonly=True,
    )
    count = fields.Integer(readonly=True)

    _sql_constraints = [("hour_reason_unique", "unique(hour, reason)", "One counter per hour and reason.")]
