from odoo import api, fields, models

from ..ingest import BACKGROUND


class CusoftWhatsappWebhookRejection(models.Model):
    """Refused webhook requests, counted per hour and reason.

    Rows are appended by each Odoo process every few seconds (ingest/background.py), never updated in
    place, so concurrent refusals never wait for each other; the list sums them, and the autovacuum
    merges the rows of past hours into one per hour and reason.
    """

    _name = "cusoft.whatsapp.webhook.rejection"
    _description = "Refused WhatsApp webhook requests, per hour"
    _order = "hour desc"

    hour = fields.Datetime(required=True, readonly=True, index=True)
    reason = fields.Selection(
        [("signature", "Missing or wrong signature"), ("handshake", "Wrong verify token"),
         ("too_large", "Larger than 3 MB"), ("empty", "Empty body"), ("not_utf8", "Not UTF-8"),
         ("not_json", "Not JSON"), ("too_deep", "Absurdly nested")],
        required=True, readonly=True,
    )
    count = fields.Integer(readonly=True, aggregator="sum")

    def init(self):
        # Counters used to be one row per hour and reason, updated in place: rows are appended now.
        self.env.cr.execute(
            "ALTER TABLE cusoft_whatsapp_webhook_rejection DROP CONSTRAINT IF EXISTS cusoft_whatsapp_webhook_rejection_hour_reason_unique"
        )

    @api.model
    def _write_counts(self):
        """Writes this process's counts now (they are written every few seconds anyway)."""
        return BACKGROUND.flush_refusals(self.env.cr.dbname)

    @api.autovacuum
    def _gc_merge_hours(self):
        """One row per past hour and reason: the appended rows of each process, summed."""
        self.env.cr.execute("""
            WITH merged AS (
                DELETE FROM cusoft_whatsapp_webhook_rejection
                 WHERE hour < date_trunc('hour', now() at time zone 'UTC')
             RETURNING hour, reason, count
            )
            INSERT INTO cusoft_whatsapp_webhook_rejection (hour, reason, count, create_date, write_date)
            SELECT hour, reason, sum(count), now() at time zone 'UTC', now() at time zone 'UTC'
              FROM merged GROUP BY hour, reason
        """)
