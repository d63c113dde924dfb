"""One daemon thread per Odoo process for what the webhook route must not wait for.

- Waking the cron workers. Their LISTEN runs on the `postgres` database, so a NOTIFY needs a second
  connection; the route only sets a flag after its commit and this thread sends one NOTIFY for every
  burst. Every commit is followed by a NOTIFY sent after it (the flag is cleared before notifying), so a
  wake-up is never lost, and a thousand deliveries a second cost a handful of NOTIFYs.
- Counting refused requests. A shared counter row makes concurrent refusals collide (serialization
  errors, retries with sleeps); counts are kept in memory here and appended as rows every few seconds:
  inserts never conflict, and `cusoft.whatsapp.webhook.rejection` sums them.

A process killed between a commit and its NOTIFY leaves the event to the cron's poll; one killed before a
flush loses a few seconds of refusal counts, which are diagnostics, never customer data.
"""

import logging
import threading
from collections import Counter

import psycopg2
from psycopg2 import sql as pgsql

import odoo
from odoo.addons.base.models.ir_cron import ODOO_NOTIFY_FUNCTION
from odoo.tools import SQL

_logger = logging.getLogger(__name__)
FLUSH_SECONDS = 5


def _in_test_mode(dbname):
    registry = odoo.modules.registry.Registry.registries.get(dbname)
    return registry is None or registry.in_test_mode()


def append_counts(cr, rows):
    """Appends (hour, reason, count) rows: an INSERT never waits for another process's counts."""
    cr.execute(SQL(
        "INSERT INTO cusoft_whatsapp_webhook_rejection (hour, reason, count, create_date, write_date) VALUES %s",
        SQL(", ").join(SQL("(%s, %s, %s, now() at time zone 'UTC', now() at time zone 'UTC')", *row) for row in rows),
    ))


class Background:
    def __init__(self):
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._databases = set()  # databases whose cron workers must be woken
        self._refusals = Counter()  # (database, hour, reason) → count
        self._thread = None
        # Odoo's pool never keeps connections to the `postgres` database, so each of Odoo's own NOTIFYs
        # opens one (a server process forked per wake-up); this thread keeps its own instead.
        self._notify_connection = None

    def wake_cron(self, dbname):
        with self._lock:
            self._databases.add(dbname)
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
            self._wake.wait(timeout=FLUSH_SECONDS)
            self._wake.clear()
            with self._lock:
                databases, self._databases = self._databases, set()
            for dbname in databases:
                self._notify(dbname)
            if self._refusals:
                self.flush_refusals(from_thread=True)

    def _notify(self, dbname):
        query = pgsql.SQL("SELECT {}('cron_trigger', %s)").format(pgsql.Identifier(ODOO_NOTIFY_FUNCTION))
        for attempt in (1, 2):  # a connection the server closed meanwhile is opened again once
            try:
                if self._notify_connection is None or self._notify_connection.closed:
                    _name, info = odoo.sql_db.connection_info_for("postgres")
                    self._notify_connection = psycopg2.connect(**info)
                    self._notify_connection.autocommit = True
                with self._notify_connection.cursor() as cr:
                    cr.execute(query, (dbname,))
                return
            except Exception:  # noqa: BLE001 - the cron's own poll picks the events up
                if self._notify_connection is not None:
                    self._notify_connection.close()
                self._notify_connection = None
                if attempt == 2:
                    _logger.warning("WhatsApp webhook: could not wake the cron workers of %s", dbname, exc_info=True)


BACKGROUND = Background()
