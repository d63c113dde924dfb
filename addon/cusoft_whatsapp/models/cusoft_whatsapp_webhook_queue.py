import logging
import time
from datetime import timedelta
from functools import partial

import psycopg2

from odoo import _, api, fields, models

from ..graph import GraphError
from ..graph.errors import RETRYABLE
from ..ingest import BACKGROUND
from .cusoft_whatsapp_webhook_event import Notice, Waiting
from .inbound_batch import CONTEXT_KEY, EventFailed, InboundBatch, batch_of

_logger = logging.getLogger(__name__)

CHUNK = 25  # events per transaction: a killed run loses at most this many attempts, never their outcome; small,
# because an event arriving during a chunk waits for it to end (a chunk of texts takes a few tens of ms)
# Per cron call; Odoo calls again at once while events remain (progress API), up to 10 times in one job
# run, which must stay under limit_time_real_cron (120 s by default) or a prefork cron worker is killed.
RUN_SECONDS = 10
LEASE = timedelta(minutes=2)  # a claimed event comes back after this if its run died without an outcome
MAX_UNFINISHED = 5  # claims that never finished (process killed, out of memory) before a person looks
MAX_FAILURES = 5  # unexpected exceptions (a bug) before a person looks
FAILED_BEFORE_CAREFUL = 2  # failed events in a chunk before its events get a savepoint each again
RETRY_FOR = timedelta(days=7)  # transient causes are retried as long as Meta retries its own deliveries
# Growing pauses between attempts: a serialization conflict is gone in a second, a number being connected
# takes minutes, an outage hours.
BACKOFF = (1, 5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600)
# Crons sharing the queue: Odoo runs one cron in one worker at a time, so each is one parallel processor.
PROCESSOR_CRONS = ("cusoft_whatsapp.ir_cron_process_webhook_events", "cusoft_whatsapp.ir_cron_process_webhook_events_2")


def _transient(error):
    """Failures that heal by themselves: database conflicts and Graph outages, not bugs."""
    if isinstance(error, (psycopg2.extensions.TransactionRollbackError, psycopg2.errors.LockNotAvailable, psycopg2.OperationalError)):
        return True
    return isinstance(error, GraphError) and error.category == RETRYABLE


# Times are compared with clock_timestamp(), not now(): now() is when the transaction began, which for
# a cursor that lived a while (or a test's) is not the moment a lease or a pause is measured against.


class CusoftWhatsappWebhookQueue(models.Model):
    """The processing queue of webhook events, safe with any number of processors and any kill.

    Each chunk is claimed in its own committed transaction (attempts + 1, a lease on the rows), then
    applied and committed in another: a run killed mid-chunk loses only that chunk's outcome, and its
    events come back when the lease ends, one at a time, so one poisonous event cannot take the others
    down with it again. Processors never wait for each other (SKIP LOCKED) and never take a leased event.
    """

    _inherit = "cusoft.whatsapp.webhook.event"

    @api.model
    def _cron_process(self, seconds=RUN_SECONDS):
        """Applies due events for up to `seconds`; tells Odoo what remains so it calls again at once."""
        self.env.flush_all()
        deadline = time.monotonic() + seconds
        done = 0
        helped = False
        try:
            while True:  # at least one chunk, however short the budget
                applied = self._process_chunk()
                if applied is None:
                    # A retry due within the budget (a conflict's 1 s pause) waits here, not for the poll.
                    wait = self._seconds_to_next_retry()
                    if wait is None or time.monotonic() + wait >= deadline:
                        break
                    time.sleep(wait)
                    continue
                done += applied
                if applied == CHUNK and not helped:  # a full chunk: a backlog, most likely
                    self._wake_other_processors()
                    helped = True
                if time.monotonic() >= deadline:
                    break
        except Exception:  # noqa: BLE001 - e.g. the database restarting: never a failed run, which
            # Odoo counts and, after a few, answers by switching the cron off for good.
            _logger.exception("WhatsApp webhook processing stopped early; the next run goes on")
        remaining = self._due_count()
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        if remaining:
            # Odoo reruns a partially done job a few times, then waits for a NOTIFY: send it.
            BACKGROUND.wake_cron(self.env.cr.dbname)
        return done

    # The two looks below use a cursor of their own: the caller's transaction (a cron's) may have started
    # long before, and under REPEATABLE READ it would not see the events stored since.

    @api.model
    def _due_count(self):
        with self.pool.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM cusoft_whatsapp_webhook_event WHERE state IN ('pending', 'retry')"
                " AND coalesce(next_attempt_at, '-infinity') <= clock_timestamp() at time zone 'UTC'"
            )
            return cr.fetchone()[0]

    @api.model
    def _seconds_to_next_retry(self):
        with self.pool.cursor() as cr:
            cr.execute(
                "SELECT extract(epoch FROM min(next_attempt_at) - (clock_timestamp() at time zone 'UTC'))"
                " FROM cusoft_whatsapp_webhook_event WHERE state = 'retry'"
            )
            seconds = cr.fetchone()[0]
        return None if seconds is None else max(float(seconds), 0.05)

    @api.model
    def _wake_other_processors(self):
        """A backlog: the other processing crons join in, in other cron workers or servers. Committed at
        once (not with the caller's cron transaction, which lasts the whole run), so they start now."""
        current = self.env.context.get("cron_id")
        with self.pool.cursor() as cr:
            env = self.env(cr=cr, su=True)
            for xmlid in PROCESSOR_CRONS:
                cron = env.ref(xmlid, raise_if_not_found=False)
                if cron and cron.id != current:
                    # Not cron._trigger(): its NOTIFY opens a connection each time; the background
                    # thread's is kept open.
                    env["ir.cron.trigger"].create({"cron_id": cron.id, "call_at": fields.Datetime.now()})
            cr.postcommit.add(partial(BACKGROUND.wake_cron, cr.dbname))

    @api.model
    def _process_chunk(self):
        """Claims and applies one chunk; None when nothing is due."""
        for _attempt in range(5):
            with self.pool.cursor() as cr:
                claimed = self.with_env(self.env(cr=cr))._claim()
            if claimed is not None:
                break
        if not claimed:
            return None
        with self.pool.cursor() as cr:
            self.with_env(self.env(cr=cr)).browse(claimed)._process_claimed_chunk()
        return len(claimed)

    def _process_claimed_chunk(self):
        """Applies claimed events, their lookups and writes done once for all (see inbound_batch.py).

        The events are applied without a savepoint each (two round trips an event saved): when one
        fails, the chunk is rolled back and applied again, that event's failure recorded instead of
        applying it. After FAILED_BEFORE_CAREFUL such failures, or when the chunk's final write fails,
        each event gets its savepoint again."""
        batch = InboundBatch()
        events = self.with_context(**{CONTEXT_KEY: batch})
        batch.prefetch(events)  # reads only
        while True:
            batch.reset(careful=len(batch.failed) >= FAILED_BEFORE_CAREFUL)
            try:
                with self.env.cr.savepoint():
                    for event in events:
                        event._process_claimed()
                    batch.flush(events.env)
                return
            except EventFailed as failure:
                batch.failed[failure.event_id] = failure.error
            except Exception:  # noqa: BLE001 - e.g. a retry of Meta's stored meanwhile by another processor
                _logger.info("WhatsApp webhook: chunk %s applied again one event at a time", self.ids, exc_info=True)
                break
        for event in self.with_context(**{CONTEXT_KEY: None}):
            event._process_claimed()

    @api.model
    def _claim(self):
        """Ids of the events this processor applies next, committed as taken (attempts + 1, leased).

        An event claimed before whose run never finished is a suspect: it is taken alone, so that if it
        kills the process again it harms nobody else, and the least suspect first, so that the others of
        its chunk go through before it is tried again; after MAX_UNFINISHED such claims a person looks.
        """
        cr = self.env.cr
        cr.execute(
            """UPDATE cusoft_whatsapp_webhook_event
                  SET state = 'error', next_attempt_at = NULL, processed_at = clock_timestamp() at time zone 'UTC', error = %s
                WHERE state = 'pending' AND attempts >= %s
                  AND coalesce(next_attempt_at, '-infinity') <= clock_timestamp() at time zone 'UTC'""",
            (_("Processing was interrupted %s times without finishing (the server stopped or ran out of memory while"
               " applying it). Kept for a person to look at; Reprocess tries again.", MAX_UNFINISHED), MAX_UNFINISHED),
        )
        cr.execute("SAVEPOINT cusoft_whatsapp_claim")
        for suspects, limit in ((True, 1), (False, CHUNK)):
            try:
                cr.execute(
                    f"""UPDATE cusoft_whatsapp_webhook_event
                           SET attempts = attempts + 1, next_attempt_at = (clock_timestamp() at time zone 'UTC') + %s
                         WHERE id IN (
                               SELECT id FROM cusoft_whatsapp_webhook_event
                                WHERE state IN ('pending', 'retry')
                                  AND coalesce(next_attempt_at, '-infinity') <= clock_timestamp() at time zone 'UTC'
                                  AND {"" if suspects else "NOT"} (state = 'pending' AND attempts > 0)
                                ORDER BY {"attempts, " if suspects else ""}id LIMIT %s FOR UPDATE SKIP LOCKED)
                     RETURNING id""",
                    (LEASE, limit),
                    log_exceptions=False,
                )
            except psycopg2.extensions.TransactionRollbackError:
                # Another processor took or finished these rows after our snapshot was taken: the
                # next claim, in a new transaction, sees them as they are now.
                cr.execute("ROLLBACK TO SAVEPOINT cusoft_whatsapp_claim")
                return None
            ids = sorted(row[0] for row in cr.fetchall())
            if ids:
                return ids
        return []

    def _process_claimed(self):
        """Applies one claimed event and records its outcome; never raises, but within an optimistic
        chunk (see _process_claimed_chunk), where a failure raises EventFailed for the chunk to retry."""
        self.ensure_one()
        batch = batch_of(self.env)
        if not (self.id in batch.present if batch.present is not None else self.exists()):
            return
        if self.id in batch.failed:  # failed in an earlier pass over this chunk: not applied again
            self._record_failure(batch.failed[self.id])
            return
        if batch.deferred:
            batch.event_id = self.id
        had_company = bool(self.company_id)  # only an event without one may be split (and deleted)
        try:
            if batch.optimistic:
                summary, problems = self._apply()
            else:
                with self.env.cr.savepoint():
                    summary, problems = self._apply()
        except Exception as error:  # noqa: BLE001 - every outcome is recorded, nothing propagates
            if batch.optimistic:
                raise EventFailed(self.id, error) from error
            if batch.deferred:
                batch.discard(self.id)
            self._record_failure(error)
            return
        if not had_company and not self.exists():  # split into one event per company
            return
        text = "\n".join(problems) or False
        if any(isinstance(p, Waiting) for p in problems):
            self._retry_later(text, summary=summary)
        elif any(not isinstance(p, Notice) for p in problems):
            self._finish("error", text, summary)
        else:
            self._finish("attention" if problems else "done", text, summary)

    def _record_failure(self, error):
        if _transient(error):
            self._retry_later(_("Temporary failure, retried automatically: %s", error))
        elif self.attempts >= MAX_FAILURES:
            _logger.error("WhatsApp webhook event %s failed %s times", self.id, self.attempts, exc_info=error)
            self._finish("error", _("Processing failed %s times: %s", self.attempts, error))
        else:
            _logger.warning("WhatsApp webhook event %s failed (attempt %s): %s", self.id, self.attempts, error)
            self._retry_later(_("Processing failed, retried automatically: %s", error))

    def _finish(self, state, error, summary=None):
        batch = batch_of(self.env)
        if batch.deferred:  # written with the rest of the chunk
            batch.finished.append((self.id, state, error or None, summary or None))
            return
        vals = {"state": state, "error": error, "next_attempt_at": False, "processed_at": fields.Datetime.now()}
        if summary:
            vals["summary"] = summary
        self.write(vals)

    def _retry_later(self, reason, summary=None):
        """Next attempt after a growing pause; a person looks once Meta itself would have given up."""
        now = fields.Datetime.now()
        if now - self.received_at > RETRY_FOR:
            self._finish("error", _("Still failing after 7 days, retries stopped: %s", reason), summary)
            return
        pause = BACKOFF[min(self.attempts, len(BACKOFF)) - 1]
        # Stored to the second, rounded up: the pause is never shorter than said.
        vals = {"state": "retry", "error": reason, "next_attempt_at": now + timedelta(seconds=pause + 1)}
        if summary:
            vals["summary"] = summary
        self.write(vals)

    def _process_now(self):
        """Applies these events at once (Reprocess), each as a processor would."""
        for event in self:
            event.attempts += 1
            event._process_claimed()
