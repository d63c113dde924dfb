import logging
from datetime import timedelta

from odoo import api, fields, models

from ..graph import GraphError, download_media

_logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BATCH = 20


class CusoftWhatsappMessageMedia(models.Model):
    """Media download, out of the webhook request: the message is visible at once ("loading"), the
    file follows, and a slow or failing Graph only delays it (retried with growing pauses)."""

    _inherit = "cusoft.whatsapp.message"

    @api.model
    def _cron_download_media(self, limit=BATCH):
        now = fields.Datetime.now()
        pending = self.sudo().search(
            [("media_state", "=", "pending"), "|", ("media_next_try", "=", False), ("media_next_try", "<=", now)],
            limit=limit, order="id",
        )
        for message in pending:
            message._download_media()
        return len(pending)

    def _download_media(self):
        self.ensure_one()
        account = self.account_id
        try:
            client = account._graph_client()
            content, mime_type = download_media(client, self.media_id, self.media_sha256)
        except (GraphError, Exception) as error:  # noqa: BLE001 - any failure is retried later, never lost
            attempts = self.media_attempts + 1
            give_up = attempts >= MAX_ATTEMPTS or (isinstance(error, GraphError) and error.category == "permanent")
            self.write({
                "media_attempts": attempts,
                "media_state": "error" if give_up else "pending",
                "media_next_try": fields.Datetime.now() + timedelta(minutes=2 ** attempts),
                "media_error": str(error)[:500],
            })
            _logger.info("WhatsApp message %s: media download attempt %s failed (%s)", self.id, attempts, type(error).__name__)
            return False
        attachment = self.env["ir.attachment"].sudo().create({
            "name": self.media_filename or f"whatsapp-{self.media_id}",
            "raw": content,
            "mimetype": self.media_mime_type or mime_type,
            "res_model": self._name,
            "res_id": self.id,
        })
        self.write({"attachment_id": attachment.id, "media_state": "done", "media_error": False, "media_attempts": self.media_attempts + 1})
        self.browse(self.id)._notify_bus()
        return True

    def action_retry_media(self):
        self.check_access("write")
        self.sudo().write({"media_state": "pending", "media_next_try": False, "media_attempts": 0})
        self.env.ref("cusoft_whatsapp.ir_cron_download_media")._trigger()
        return True
