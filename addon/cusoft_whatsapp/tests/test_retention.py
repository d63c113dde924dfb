from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..models import cusoft_whatsapp_retention as retention

from .common import WhatsAppCase

OLD = "(now() at time zone 'UTC') - interval '{days} days'"


@tagged("post_install", "-at_install")
class TestRetention(WhatsAppCase, TransactionCase):
    """The daily purge: what is older than each retention goes, what is newer stays, and the run says
    what it removed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.account = cls.make_account()
        cls.params = cls.env["ir.config_parameter"].sudo()
        cls.Retention = cls.env["cusoft.whatsapp.retention"]
        cls.conversation = cls.env["cusoft.whatsapp.conversation"].sudo().create({"account_id": cls.account.id, "wa_id": "15550009876"})

    def age(self, records, column, days):
        self.env.flush_all()
        self.env.cr.execute(f"UPDATE {records._table} SET {column} = {OLD.format(days=days)} WHERE id IN %s", (tuple(records.ids),))
        self.env.invalidate_all()

    def events(self, *states):
        Event = self.env["cusoft.whatsapp.webhook.event"].sudo()
        return Event.concat(*(Event.create({"raw_body": "{}", "state": state, "company_id": self.company.id}) for state in states))

    def message(self, body, days, **vals):
        message = self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": self.conversation.id, "direction": "inbound", "body": body, "payload": '{"text": 1}', **vals,
        })
        self.age(message, "timestamp", days)
        return message

    def test_each_log_goes_after_its_retention_and_newer_rows_stay(self):
        Log = self.env["cusoft.whatsapp.api.log"].sudo()
        old_log, new_log = Log.create({"endpoint": "/old"}), Log.create({"endpoint": "/new"})
        self.age(old_log, "called_at", 91)
        self.age(new_log, "called_at", 89)
        done_old, attention_old, done_new, error_mid, error_old, pending_old = self.events("done", "attention", "done", "error", "error", "pending")
        self.age(done_old | attention_old | pending_old, "received_at", 31)
        self.age(done_new, "received_at", 29)
        self.age(error_mid, "received_at", 60)
        self.age(error_old, "received_at", 91)
        Rejection = self.env["cusoft.whatsapp.webhook.rejection"].sudo()
        old_hour = Rejection.create({"hour": "2020-01-01 10:00:00", "reason": "signature", "count": 3})
        new_hour = Rejection.create({"hour": "2099-01-01 10:00:00", "reason": "signature", "count": 2})

        removed = self.Retention._cron_purge()

        self.assertFalse(old_log.exists())
        self.assertTrue(new_log.exists())
        self.assertFalse((done_old | attention_old | error_old).exists())
        self.assertEqual((done_new | error_mid | pending_old).exists(), done_new | error_mid | pending_old,
                         "errors are kept longer, and what is not applied yet is never purged")
        self.assertFalse(old_hour.exists())
        self.assertTrue(new_hour.exists())
        self.assertEqual((removed["api_log"], removed["webhook"], removed["webhook_error"], removed["rejections"]), (1, 2, 1, 1))
        entry = self.env["cusoft.whatsapp.audit"].search([("action", "=", "purge")], limit=1)
        self.assertIn("API log rows 1", entry.description)
        self.assertIn("webhook deliveries in error 1", entry.description)

    def test_the_retentions_follow_the_settings(self):
        Log = self.env["cusoft.whatsapp.api.log"].sudo()
        log = Log.create({"endpoint": "/x"})
        self.age(log, "called_at", 20)
        error = self.events("error")
        self.age(error, "received_at", 100)
        self.params.set_param("cusoft_whatsapp.webhook_error_retention_days", 120)
        self.Retention._cron_purge()
        self.assertTrue(log.exists())
        self.assertTrue(error.exists(), "an error younger than its 120 days stays")
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create({})
        self.assertEqual(settings.cusoft_whatsapp_webhook_error_days, 120, "values set before the settings existed carry over")
        settings.write({"cusoft_whatsapp_api_log_days": 10, "cusoft_whatsapp_webhook_error_days": 90})
        settings.execute()
        self.Retention._cron_purge()
        self.assertFalse(log.exists())
        self.assertFalse(error.exists())

    def test_message_text_and_media_are_kept_unless_a_retention_is_set(self):
        old = self.message("my address is 12 Old Street", 40, media_caption="my passport")
        new = self.message("see you tomorrow", 5)
        photo = self.env["ir.attachment"].sudo().create({"name": "photo.jpg", "raw": b"old photo", "res_model": old._name, "res_id": old.id})
        new_photo = self.env["ir.attachment"].sudo().create({"name": "new.jpg", "raw": b"new photo", "res_model": new._name, "res_id": new.id})
        old.attachment_id, new.attachment_id = photo, new_photo
        self.Retention._cron_purge()
        self.assertEqual(old.body, "my address is 12 Old Street", "off by default")
        self.assertTrue(photo.exists())
        self.params.set_param("cusoft_whatsapp.message_content_retention_days", 30)
        self.params.set_param("cusoft_whatsapp.media_retention_days", 30)
        removed = self.Retention._cron_purge()
        self.assertNotIn("Old Street", old.body)
        self.assertFalse(old.payload)
        self.assertFalse(old.media_caption)
        self.assertEqual(new.body, "see you tomorrow")
        self.assertFalse(photo.exists())
        self.assertFalse(old.attachment_id)
        self.assertEqual(new.attachment_id, new_photo)
        self.assertEqual((removed["content"], removed["media"]), (1, 1))
        self.assertEqual(self.Retention._cron_purge()["content"], 0, "a purged text is not counted again")

    def test_the_purge_works_in_batches(self):
        Log = self.env["cusoft.whatsapp.api.log"].sudo()
        logs = Log.create([{"endpoint": f"/{i}"} for i in range(7)])
        self.age(logs, "called_at", 200)
        statements = []
        original = type(self.env.cr).execute

        def counting(cr, query, params=None, log_exceptions=True):
            if isinstance(query, str) and "DELETE FROM cusoft_whatsapp_api_log" in query:
                statements.append(query)
            return original(cr, query, params, log_exceptions)

        with patch.object(retention, "BATCH", 3), patch.object(type(self.env.cr), "execute", counting):
            removed = self.Retention._cron_purge()
        self.assertEqual(removed["api_log"], 7)
        self.assertEqual(len(statements), 3, "3 + 3 + 1 rows: one short statement per batch")
        self.assertIn("LIMIT", statements[0])

    def test_a_log_retention_cannot_be_zero(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].with_user(self.wa_admin).create({"cusoft_whatsapp_api_log_days": 0})

    def test_data_exports_are_deleted_after_a_week(self):
        Audit = self.env["cusoft.whatsapp.audit"]
        Attachment = self.env["ir.attachment"].sudo()
        old_entry, new_entry = Audit._log("export", "Contact #1"), Audit._log("export", "Contact #2")
        old = Attachment.create({"name": "whatsapp-data-1.zip", "raw": b"zip", "res_model": Audit._name, "res_id": old_entry.id})
        new = Attachment.create({"name": "whatsapp-data-2.zip", "raw": b"zip", "res_model": Audit._name, "res_id": new_entry.id})
        self.age(old, "create_date", 8)
        self.assertEqual(self.Retention._cron_purge()["exports"], 1)
        self.assertFalse(old.exists())
        self.assertTrue(new.exists())
        self.assertTrue(old_entry.exists(), "the audit entry itself stays")
