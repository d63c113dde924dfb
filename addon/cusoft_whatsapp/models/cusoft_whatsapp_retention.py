from datetime import timedelta

from odoo import api, fields, models

# Where each retention is kept (system parameters, so values set before the settings existed carry
# over) and its default in days; 0 keeps forever (message content and media are kept unless asked).
API_LOG_DAYS = ("cusoft_whatsapp.api_log_retention_days", 90)
WEBHOOK_DAYS = ("cusoft_whatsapp.webhook_retention_days", 30)
WEBHOOK_ERROR_DAYS = ("cusoft_whatsapp.webhook_error_retention_days", 90)
REJECTION_DAYS = ("cusoft_whatsapp.rejection_retention_days", 90)
CONTENT_DAYS = ("cusoft_whatsapp.message_content_retention_days", 0)
MEDIA_DAYS = ("cusoft_whatsapp.media_retention_days", 0)
RETENTIONS = (API_LOG_DAYS, WEBHOOK_DAYS, WEBHOOK_ERROR_DAYS, REJECTION_DAYS, CONTENT_DAYS, MEDIA_DAYS)
# Rows per statement: each batch holds its row locks for a moment only, and skips rows another
# transaction holds (an event being processed), which the next run takes.
BATCH = 5000
MEDIA_BATCH = 200  # attachments go through the ORM (their files are removed from the filestore)
EXPORT_DAYS = 7  # a data export is downloaded at once: it does not stay as another copy of the data

OLDER = "{column} < (now() at time zone 'UTC') - %(days)s * interval '1 day'"


class CusoftWhatsappRetention(models.AbstractModel):
    _name = "cusoft.whatsapp.retention"
    _description = "WhatsApp retention purge"

    @api.model
    def _days(self, retention):
        param, default = retention
        value = self.env["ir.config_parameter"].sudo().get_param(param, default)
        try:
            return max(int(value or 0), 0)
        except ValueError:
            return default

    @api.model
    def _cron_purge(self, commit=False):
        """Removes what is older than each retention; `commit` (the cron's) ends a transaction per batch.
        Returns the counts removed, also kept in the audit log."""
        self.env.flush_all()  # the SQL below reads and writes the tables directly
        removed = {}
        log_days = max(self._days(API_LOG_DAYS), 1)
        removed["api_log"] = self._delete("cusoft_whatsapp_api_log", OLDER.format(column="called_at"), log_days, commit)
        for key, states, retention in (
            ("webhook", ("done", "attention"), WEBHOOK_DAYS), ("webhook_error", ("error",), WEBHOOK_ERROR_DAYS),
        ):
            removed[key] = self._delete(
                "cusoft_whatsapp_webhook_event", "state IN %(states)s AND " + OLDER.format(column="received_at"),
                max(self._days(retention), 1), commit, states=states,
            )
        removed["rejections"] = self._delete(
            "cusoft_whatsapp_webhook_rejection", OLDER.format(column="hour"), max(self._days(REJECTION_DAYS), 1), commit,
        )
        removed["content"] = self._purge_content(self._days(CONTENT_DAYS), commit)
        removed["media"] = self._purge_media(self._days(MEDIA_DAYS), commit)
        removed["exports"] = self._purge_exports()
        self.env["cusoft.whatsapp.audit"]._log("purge", self._describe(removed), company=self.env.ref("base.main_company"))
        if commit:
            self.env.cr.commit()
        return removed

    def _describe(self, removed):
        labels = {
            "api_log": self.env._("API log rows"),
            "webhook": self.env._("webhook deliveries"),
            "webhook_error": self.env._("webhook deliveries in error"),
            "rejections": self.env._("refused-request counters"),
            "content": self.env._("message texts"),
            "media": self.env._("media files"),
            "exports": self.env._("data exports"),
        }
        return self.env._("Removed: %s", ", ".join(f"{labels[key]} {count}" for key, count in removed.items()))

    def _delete(self, table, condition, days, commit, **params):
        total = 0
        while True:
            # MATERIALIZED: the batch is chosen once. As a plain IN (subquery), PostgreSQL may run the
            # LIMIT subquery more than once and delete more than a batch in one long statement.
            self.env.cr.execute(
                f"WITH batch AS MATERIALIZED (SELECT id FROM {table} WHERE {condition}"  # noqa: S608 - our own names
                f" LIMIT %(batch)s FOR UPDATE SKIP LOCKED) DELETE FROM {table} WHERE id IN (SELECT id FROM batch)",
                {**params, "days": days, "batch": BATCH},
            )
            total += self.env.cr.rowcount
            if commit:
                self.env.cr.commit()
            if self.env.cr.rowcount < BATCH:
                return total

    def _purge_content(self, days, commit):
        """What customers and agents wrote, once older than the retention: the message, its status and
        dates stay; its text and Meta's payload go."""
        if not days:
            return 0
        placeholder = self.env._("(text removed after the retention period)")
        total = 0
        while True:
            self.env.cr.execute(
                "WITH batch AS MATERIALIZED (SELECT id FROM cusoft_whatsapp_message WHERE (body IS DISTINCT FROM %(placeholder)s"
                " OR payload IS NOT NULL) AND " + OLDER.format(column="timestamp")
                + " LIMIT %(batch)s FOR UPDATE SKIP LOCKED)"
                " UPDATE cusoft_whatsapp_message SET body = %(placeholder)s, payload = NULL, error_details = NULL, media_caption = NULL"
                " WHERE id IN (SELECT id FROM batch)",
                {"placeholder": placeholder, "days": days, "batch": BATCH},
            )
            total += self.env.cr.rowcount
            if commit:
                self.env.cr.commit()
            if self.env.cr.rowcount < BATCH:
                break
        self.env["cusoft.whatsapp.message"].invalidate_model(["body", "payload", "error_details", "media_caption"])
        return total

    def _purge_media(self, days, commit):
        if not days:
            return 0
        Attachment = self.env["ir.attachment"].sudo()
        total = 0
        while True:
            self.env.cr.execute(
                "SELECT attachment_id FROM cusoft_whatsapp_message WHERE attachment_id IS NOT NULL AND "
                + OLDER.format(column="timestamp") + " LIMIT %(batch)s",
                {"days": days, "batch": MEDIA_BATCH},
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                return total
            # The message keeps its type and file name; its attachment_id is set to NULL (ondelete).
            Attachment.browse(ids).unlink()
            self.env["cusoft.whatsapp.message"].invalidate_model(["attachment_id"])
            total += len(ids)
            if commit:
                self.env.cr.commit()

    def _purge_exports(self):
        exports = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", "cusoft.whatsapp.audit"),
            ("create_date", "<", fields.Datetime.now() - timedelta(days=EXPORT_DAYS)),
        ])
        exports.unlink()
        return len(exports)
