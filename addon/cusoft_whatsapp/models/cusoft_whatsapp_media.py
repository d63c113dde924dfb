import logging
import time
from datetime import timedelta

from odoo import api, fields, models

from ..graph import GraphError, download_media
from .media_safety import allowed_hosts, sniff

_logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BATCH = 20
RUN_SECONDS = 10  # per cron run: then the cron thread goes back to messages, and media resumes after
READ_TIMEOUT = 3  # seconds without a byte before a download counts as hung (retried later)
YIELD_EVERY = 0.5  # seconds between looks at waiting webhook events during a download


class CusoftWhatsappMessageMedia(models.Model):
    """Media download, out of the webhook request: the message is visible at once ("loading"), the
    file follows, and a slow or failing Graph only delays it (retried with growing pauses)."""

    _inherit = "cusoft.whatsapp.message"

    @api.model
    def _cron_download_media(self, limit=BATCH, seconds=RUN_SECONDS):
        """Downloads due media for up to `seconds`. Text never waits for it, even with one cron thread:
        webhook events are applied between chunks, and a run ends early when events are waiting."""
        deadline = time.monotonic() + seconds
        pending = self.sudo().search(self._media_due_domain(), limit=limit, order="id")
        done = 0
        for message in pending:
            if time.monotonic() > deadline or self.env["cusoft.whatsapp.webhook.event"]._due_count():
                break
            message._download_media()
            done += 1
        if done < len(pending) or self.sudo().search_count(self._media_due_domain(), limit=1) > 0:
            # The rest in another run, after the events: not the progress API, which would rerun this job
            # at once, ahead of the processing crons.
            self.env.ref("cusoft_whatsapp.ir_cron_download_media")._trigger()
        return done

    @api.model
    def _media_due_domain(self):
        return [("media_state", "=", "pending"), "|", ("media_next_try", "=", False), ("media_next_try", "<=", fields.Datetime.now())]

    @api.model
    def _events_between_chunks(self):
        """What a download calls between chunks: applies due webhook events, in their own transactions,
        at most every YIELD_EVERY seconds."""
        Event = self.env["cusoft.whatsapp.webhook.event"].sudo()
        last = [time.monotonic()]

        def between_chunks():
            if time.monotonic() - last[0] >= YIELD_EVERY:
                while Event._process_chunk():
                    pass
                last[0] = time.monotonic()

        return between_chunks

    def _download_media(self):
        self.ensure_one()
        account = self.account_id
        try:
            client = account._graph_client()
            client.timeout = (client.timeout[0], READ_TIMEOUT)
            content, mime_type = download_media(
                client, self.media_id, self.media_sha256, between_chunks=self._events_between_chunks(),
                allowed_hosts=allowed_hosts(self.env),
            )
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
        detected, stored_type = sniff(content, self.media_mime_type or mime_type)
        attachment = self.env["ir.attachment"].sudo().create({
            "name": self.media_filename or f"whatsapp-{self.media_id}",
            "raw": content,
            "mimetype": stored_type,
            "res_model": self._name,
            "res_id": self.id,
            "company_id": self.company_id.id,
        })
        self.write({"attachment_id": attachment.id, "media_detected_type": detected, "media_state": "done", "media_error": False, "media_attempts": self.media_attempts + 1})
        self.browse(self.id)._notify_bus()
        return True

    def action_retry_media(self):
        # Anyone who sees the message may ask for its file again: only a download is queued.
        self.check_access("read")
        self.sudo().write({"media_state": "pending", "media_next_try": False, "media_attempts": 0})
        self.env.ref("cusoft_whatsapp.ir_cron_download_media")._trigger()
        return True
