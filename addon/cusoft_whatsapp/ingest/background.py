"""One daemon thread per Odoo process for what the webhook route must not wait for.

- Waking the processing cron. The route only sets a flag after its commit; for every burst of flags this
  thread commits one trigger of the processing cron (what makes Odoo's cron workers run it now), then
  sends one NOTIFY (their LISTEN runs on the `postgres` database, a second connection). The flag is
  cleared before the trigger is written, so every delivery's commit is followed by a trigger written in
  a later transaction, with a later `call_at`: a processor run that started before that delivery was
  committed does not delete it when it ends (Odoo deletes the triggers older than the run's start).
  A wake-up is never lost, and a thousand deliveries a second cost a handful of triggers and NOTIFYs,
  none of them paid by the request (a trigger per request cost it as much as the delivery's own row).
- Telling open chats about new messages. Odoo's bus opens a new connection to the `postgres` database
  for the NOTIFY of every transaction that wrote bus rows (a server process forked each time); at the
  processing cron's pace that cost a quarter of its throughput and serialized two processes. The bus
  rows are written in the transaction as usual; their channels are NOTIFYed here, a burst at a time,
  on the kept connection.
- Counting refused requests. A shared counter row makes concurrent refusals collide (serialization
  errors, retries with sleeps); counts are kept in memory here and appended as rows every few seconds:
  inserts never conflict, and `cusoft.whatsapp.webhook.rejection` sums them.

A process killed between a commit and its trigger leaves the event to the cron's poll (a minute); one killed before a
flush loses a few seconds of refusal counts, which are diagnostics, never customer data.
"""

import logging
import threading
import time
from collections import Counter

import psycopg2
from psycopg2 import sql as pgsql

import odoo
from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION
from odoo.addons.bus.models.bus import get_notify_payloads
from odoo.tools import SQL

_logger = logging.getLogger(__name__)
FLUSH_SECONDS = 5
PROCESSOR_CRON = ("cusoft_whatsapp", "ir_cron_process_webhook_events")
# A burst is gathered for this long before its trigger is written: at most a few dozen triggers (each a
# durable commit) a second whatever the traffic, for a delay the customer cannot notice.
GATHER_SECONDS = 0.02


def _in_test_mode(dbname):
    registry = odoo.modules.registry.Registry.registries.get(dbname)
    return registry is None or registry.in_test_mode()


def append_counts(cr, rows):
    """Appends (hour, reason, count) rows: an INSERT never waits for another process's counts."""
    cr.execute(SQL(
        "INSERT INTO cusoft_whatsapp_webhook_rejection (hour, reason, count, create_date, write_date) VALUES %s",
        SQL(", ").join(SQL("(%s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')", *row) for row in rows),
    ))


def add_trigger(cr):
    """A trigger of the processing cron, due at the start of `cr`'s transaction (one round trip)."""
    cr.execute(
        """INSERT INTO ir_cron_trigger (cron_id, call_at, create_date, write_date)
           SELECT res_id, now() at time zone 'UTC', now() at time zone 'UTC', now() at time zone 'UTC'
             FROM ir_model_data WHERE module = %s AND name = %s AND model = 'ir.cron'""",
        PROCESSOR_CRON,
    )


class Background:
    def __init__(self):
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._databases = set()  # databases whose cron workers must be woken
        self._refusals = Counter()  # (database, hour, reason) → count
        self._bus_channels = []  # bus channels with new rows, to NOTIFY on 'imbus'
        self._thread = None
        # Odoo's pool never keeps connections to the `postgres` database, so each of Odoo's own NOTIFYs
        # opens one (a server process forked per wake-up); this thread keeps its own instead.
        self._notify_connection = None

    def wake_cron(self, dbname):
        """Runs the processing cron of `dbname` soon: called after a commit that stored events."""
        with self._lock:
            self._databases.add(dbname)
            self._ensure_thread()
        self._wake.set()

    def notify_bus(self, channels):
        """Wakes the websockets listening on `channels` (bus rows for them were just committed)."""
        with self._lock:
            self._bus_channels.extend(channels)
            self._ensure_thread()
        self._wake.set()

    def count_refusal(self, dbname, hour, reason):
        with self._lock:
            self._refusals[(dbname, hour, reason)] += 1
            self._ensure_thread()

    def flush_refusals(self, dbname=None, *, from_thread=False):
        """Appends the counted refusals (of one database, or all); returns how many were written.

        The thread leaves alone a database whose registry is in test mode: its cursors are the test's
        own connection, which a second thread must not use; the tests write the counts themselves."""
        with self._lock:
            taken = Counter({
                key: n for key, n in self._refusals.items()
                if dbname in (None, key[0]) and not (from_thread and _in_test_mode(key[0]))
            })
            self._refusals -= taken
        by_database = {}
        for (database, hour, reason), count in taken.items():
            by_database.setdefault(database, []).append((hour, reason, count))
        written = 0
        for database, rows in by_database.items():
            try:
                with odoo.modules.registry.Registry(database).cursor() as cr:
                    append_counts(cr, rows)
                written += sum(row[2] for row in rows)
            except Exception:  # noqa: BLE001 - diagnostics only: put them back for the next flush
                _logger.warning("WhatsApp webhook: refused-request counts of %s not saved yet", database, exc_info=True)
                with self._lock:
                    for hour, reason, count in rows:
                        self._refusals[(database, hour, reason)] += count
        return written

    def _ensure_thread(self):
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="cusoft_whatsapp.webhook", daemon=True)
            self._thread.start()

    def _run(self):
        while True:
            if self._wake.wait(timeout=FLUSH_SECONDS):
                time.sleep(GATHER_SECONDS)
            self._wake.clear()
            with self._lock:
                databases, self._databases = self._databases, set()
            for dbname in databases:
                if not _in_test_mode(dbname):  # a test's cursor is its own connection: tests call trigger_processing
                    self.trigger_processing(dbname)
                self._notify("cron_trigger", dbname)
            with self._lock:
                channels, self._bus_channels = self._bus_channels, []
            # What Odoo's bus sends after its commits: the channels, in payloads of NOTIFY's size.
            for payload in get_notify_payloads(list(dict.fromkeys(channels))):
                self._notify("imbus", payload)
            if self._refusals:
                self.flush_refusals(from_thread=True)

    def trigger_processing(self, dbname):
        """Commits one trigger of the processing cron of `dbname`, due now; False when it could not."""
        try:
            with odoo.modules.registry.Registry(dbname).cursor() as cr:
                add_trigger(cr)
            return True
        except Exception:  # noqa: BLE001 - the cron's own poll picks the events up within a minute
            _logger.warning("WhatsApp webhook: could not trigger the processing of %s", dbname, exc_info=True)
            return False

    def _notify(self, channel, payload):
        query = pgsql.SQL("SELECT {}(%s, %s)").format(pgsql.Identifier(ODOO_NOTIFY_FUNCTION))
        for attempt in (1, 2):  # a connection the server closed meanwhile is opened again once
            try:
                if self._notify_connection is None or self._notify_connection.closed:
                    _name, info = odoo.sql_db.connection_info_for("postgres")
                    self._notify_connection = psycopg2.connect(**info)
                    self._notify_connection.autocommit = True
                with self._notify_connection.cursor() as cr:
                    cr.execute(query, (channel, payload))
                return
            except Exception:  # noqa: BLE001 - the cron's own poll picks the events up
                if self._notify_connection is not None:
                    self._notify_connection.close()
                self._notify_connection = None
                if attempt == 2:
                    _logger.warning("WhatsApp: could not NOTIFY %s (%s)", channel, payload[:80], exc_info=True)


BACKGROUND = Background()
