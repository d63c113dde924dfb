import json
import select
from unittest.mock import patch

import psycopg2

import odoo
from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from ..ingest import background
from ..models import cusoft_whatsapp_media as media_model
from ..models import cusoft_whatsapp_webhook_queue as queue
from ..models.inbound_batch import InboundBatch
from ..webhook import parse_delivery
from .common import WhatsAppCase
from .webhook_helpers import signed, text_delivery

QUEUE_LOGGER = "odoo.addons.cusoft_whatsapp.models.cusoft_whatsapp_webhook_queue"


class Killed(BaseException):
    """What Odoo's limit_time_real_cron or the OOM killer does to a run: nothing catches it."""


@tagged("post_install", "-at_install")
class TestIngestionQueue(WhatsAppCase, HttpCase):
    """The processing queue: prompt, chunked, killable, self-healing, shared by several processors.

    HttpCase, because each chunk runs in a cursor of its own: here those are test cursors whose commit
    and rollback behave as real ones inside the test's transaction.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.account = cls.make_account()
        cls.account.sudo().state = "connected"
        cls.Event = cls.env["cusoft.whatsapp.webhook.event"].sudo()
        cls.Message = cls.env["cusoft.whatsapp.message"].sudo()

    def store(self, *bodies):
        for body in bodies:
            self.Event._store(json.dumps(body), [self.company.id])
        self.env.flush_all()

    def texts(self, count, prefix="wamid.Q"):
        return [text_delivery(f"{prefix}{i}", f"message {i}", wa_id=f"1555{i % 7:07d}") for i in range(count)]

    def states(self):
        self.env.invalidate_all()
        events = self.Event.search([])
        return {state: len(events.filtered(lambda e, s=state: e.state == s)) for state in set(events.mapped("state"))}

    def expire_leases(self):
        self.env.cr.execute("UPDATE cusoft_whatsapp_webhook_event SET next_attempt_at = NULL WHERE state IN ('pending', 'retry')")
        self.env.invalidate_all()

    def stored_wamids(self):
        self.env.invalidate_all()
        return sorted(self.Message.search([("direction", "=", "inbound")]).mapped("wamid"))

    # ------------------------------------------------------------ wake-ups

    def test_every_delivery_wakes_the_cron_workers_after_its_commit_even_when_a_trigger_waits(self):
        woken = []
        with patch.object(background.BACKGROUND, "wake_cron", woken.append):
            for body in self.texts(3):
                self.store(body)
                self.env.cr.postcommit.run()  # what the request's commit does
        self.assertEqual(woken, [self.env.cr.dbname] * 3, "no delivery relies on an earlier one's wake-up")

    def test_a_wake_up_makes_the_processing_cron_due_at_once(self):
        cron = self.env.ref("cusoft_whatsapp.ir_cron_process_webhook_events")
        self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)]).unlink()
        cron.nextcall = fields.Datetime.add(fields.Datetime.now(), hours=1)
        self.env.flush_all()
        IrCron = type(self.env["ir.cron"])
        self.assertNotIn(cron.id, [job["id"] for job in IrCron._get_all_ready_jobs(self.env.cr)])
        # What the background thread does for each burst of deliveries (tests call it: the thread leaves
        # a test's cursor alone).
        self.assertTrue(background.BACKGROUND.trigger_processing(self.env.cr.dbname))
        self.assertIn(cron.id, [job["id"] for job in IrCron._get_all_ready_jobs(self.env.cr)], "processed now, not at the poll")

    def test_the_wake_up_reaches_the_channel_the_cron_workers_listen_to(self):
        _name, info = odoo.sql_db.connection_info_for("postgres")
        listener = psycopg2.connect(**info)
        self.addCleanup(listener.close)
        listener.autocommit = True
        listener.cursor().execute("LISTEN cron_trigger")
        for _time in range(2):  # the second on the kept connection
            background.BACKGROUND._notify("cron_trigger", self.env.cr.dbname)
        ours = []
        for _wait in range(50):
            select.select([listener], [], [], 0.1)
            listener.poll()
            ours = [n.payload for n in listener.notifies if n.payload == self.env.cr.dbname]
            if len(ours) == 2:
                break
        self.assertEqual(ours, [self.env.cr.dbname] * 2)

    def test_an_event_stored_while_a_run_is_in_progress_is_applied_by_that_run(self):
        self.store(text_delivery("wamid.RUN1", "first"))
        original = type(self.Event)._process_claimed
        late = text_delivery("wamid.RUN2", "arrived during the run")

        def process_and_receive_another(event):
            original(event)
            if event.raw_body and "wamid.RUN1" in event.raw_body:
                # Another HTTP worker stores a delivery while this run is busy.
                with self.registry.cursor() as cr:
                    self.Event.with_env(self.Event.env(cr=cr))._store(json.dumps(late), [self.company.id])

        with patch.object(type(self.Event), "_process_claimed", process_and_receive_another):
            self.Event._cron_process()
        self.assertEqual(self.stored_wamids(), ["wamid.RUN1", "wamid.RUN2"], "no wait for the next poll")
        self.assertEqual(self.states(), {"done": 2})

    def test_a_backlog_tells_odoo_to_call_again_and_wakes_the_other_processor(self):
        self.store(*self.texts(queue.CHUNK + 5))
        second = self.env.ref("cusoft_whatsapp.ir_cron_process_webhook_events_2")
        Trigger = self.env["ir.cron.trigger"].sudo()
        Trigger.search([("cron_id", "=", second.id)]).unlink()
        progress = []
        with patch.object(type(self.env["ir.cron"]), "_notify_progress", lambda cron, **kw: progress.append(kw)):
            self.Event._cron_process(seconds=0.000001)  # the budget ends after the first chunk
        self.assertEqual(progress, [{"done": queue.CHUNK, "remaining": 5}])
        self.assertTrue(Trigger.search([("cron_id", "=", second.id)]), "the second processor joins in")

    # ------------------------------------------------------------ kills, poison, retries

    def test_a_run_killed_mid_batch_loses_no_progress_and_does_not_redo_the_batch_forever(self):
        self.store(*self.texts(2 * queue.CHUNK + 5))
        original = type(self.Event)._process_claimed
        seen = []

        def killed_in_the_second_chunk(event):
            seen.append(event.id)
            if len(seen) == queue.CHUNK + 3:
                raise Killed()
            original(event)

        # Not assertRaises: Odoo's rolls back what happened inside it, which is what is being checked.
        killed = False
        with patch.object(type(self.Event), "_process_claimed", killed_in_the_second_chunk):
            try:
                self.process_webhooks()
            except Killed:
                killed = True
        self.assertTrue(killed)
        self.assertEqual(len(self.stored_wamids()), queue.CHUNK, "the first chunk was committed")
        self.assertEqual(self.states(), {"done": queue.CHUNK, "pending": queue.CHUNK + 5})
        # The next run goes on with what was never taken; the killed chunk waits for its lease.
        self.process_webhooks()
        self.assertEqual(self.states(), {"done": queue.CHUNK + 5, "pending": queue.CHUNK})
        self.expire_leases()
        self.process_webhooks()
        self.assertEqual(self.states(), {"done": 2 * queue.CHUNK + 5})
        wamids = self.stored_wamids()
        self.assertEqual(len(wamids), 2 * queue.CHUNK + 5)
        self.assertEqual(len(set(wamids)), len(wamids), "nothing stored twice")
        self.assertEqual(set(self.Event.search([("summary", "!=", False)]).mapped("attempts")), {1, 2})

    def test_a_poison_event_ends_in_error_after_n_kills_while_the_others_go_through(self):
        self.store(*self.texts(5))
        poison = self.Event.search([], order="id", limit=1)
        poison.raw_body = poison.raw_body.replace("message 0", "message that kills")
        original = type(self.Event)._apply

        def apply_or_die(event):
            if "message that kills" in event.raw_body:
                raise Killed()
            return original(event)

        with patch.object(type(self.Event), "_apply", apply_or_die), mute_logger(QUEUE_LOGGER):
            for _run in range(queue.MAX_UNFINISHED + 2):
                try:
                    while self.process_webhooks():
                        pass
                except Killed:
                    pass
                self.expire_leases()
        self.env.invalidate_all()
        self.assertEqual(poison.state, "error")
        self.assertIn("interrupted", poison.error)
        self.assertEqual(self.states(), {"done": 4, "error": 1})
        self.assertEqual(len(self.stored_wamids()), 4, "the others were not held back")

    def test_a_bug_ends_in_error_after_n_failures_without_blocking(self):
        self.store(*self.texts(3))
        with patch.object(type(self.Message), "_store_inbound", side_effect=ZeroDivisionError("a bug")), \
                mute_logger(QUEUE_LOGGER):
            for _run in range(queue.MAX_FAILURES):
                self.process_webhooks()
                self.assertNotIn("pending", self.states())
                self.expire_leases()
        self.assertEqual(self.states(), {"error": 3})
        self.assertIn("a bug", self.Event.search([], limit=1).error)

    def test_a_transient_failure_is_retried_automatically_with_growing_pauses(self):
        self.store(text_delivery("wamid.T1", "serialization"))
        conflict = psycopg2.errors.SerializationFailure("could not serialize access due to concurrent update")
        with patch.object(type(self.Message), "_store_inbound", side_effect=conflict), mute_logger(QUEUE_LOGGER):
            self.process_webhooks()
            event = self.Event.search([])
            first_pause = event.next_attempt_at - fields.Datetime.now()
            self.expire_leases()
            self.process_webhooks()
            second_pause = event.next_attempt_at - fields.Datetime.now()
        self.assertEqual(event.state, "retry")
        self.assertIn("Temporary failure", event.error)
        self.assertGreater(second_pause, first_pause, "pauses grow")
        self.expire_leases()
        self.process_webhooks()
        self.assertEqual(self.states(), {"done": 1})
        self.assertEqual(self.stored_wamids(), ["wamid.T1"])

    def test_a_conflict_retried_within_the_run_is_applied_without_waiting_for_a_poll(self):
        self.store(text_delivery("wamid.C1", "conflict once"))
        original = type(self.Message)._store_inbound
        calls = []

        def conflict_once(model, account, message):
            calls.append(message.wamid)
            if len(calls) == 1:
                raise psycopg2.errors.SerializationFailure("could not serialize access due to concurrent update")
            return original(model, account, message)

        with patch.object(type(self.Message), "_store_inbound", conflict_once), \
                patch.object(queue, "BACKOFF", (0.2,) + queue.BACKOFF[1:]), mute_logger(QUEUE_LOGGER):
            self.Event._cron_process(seconds=5)
        self.assertEqual(self.states(), {"done": 1}, "the same run waited for the short pause and went on")
        self.assertEqual(self.stored_wamids(), ["wamid.C1"])

    def test_retries_stop_after_seven_days_and_wait_for_a_person(self):
        self.store(text_delivery("wamid.OLD", phone_number_id="110000000000999"))
        self.env.cr.execute("UPDATE cusoft_whatsapp_webhook_event SET received_at = now() at time zone 'UTC' - interval '8 days'")
        self.process_webhooks()
        event = self.Event.search([])
        self.assertEqual(event.state, "error")
        self.assertIn("7 days", event.error)

    # ------------------------------------------------------------ what Meta says that we cannot apply

    def test_metas_change_errors_and_unknown_fields_are_kept_for_review_not_silently_done(self):
        body = text_delivery("wamid.W1")
        body["entry"][0]["changes"][0]["value"]["errors"] = [{"code": 131000, "title": "Something went wrong",
                                                             "error_data": {"details": "Unknown error"}}]
        body["entry"][0]["changes"].append({"field": "brand_new_field", "value": {"x": 1}})
        self.store(body)
        self.process_webhooks()
        event = self.Event.search([])
        self.assertEqual(event.state, "attention")
        self.assertIn("131000", event.error)
        self.assertIn("brand_new_field", event.error)
        self.assertEqual(self.stored_wamids(), ["wamid.W1"], "what could be applied was")
        self.assertEqual(event.summary, "1 message")
        event.with_user(self.wa_admin).action_mark_reviewed()
        self.assertEqual(event.state, "done", "seen by a person, it no longer waits for one")
        self.assertIn("131000", event.error, "the note stays")

    def test_text_postgresql_refuses_is_stored_with_a_replacement_character(self):
        self.store(text_delivery("wamid.NUL", "before\u0000after \ud800", name="Ana\u0000"))
        self.process_webhooks()
        self.assertEqual(self.states(), {"done": 1})
        message = self.Message.search([("wamid", "=", "wamid.NUL")])
        self.assertEqual(message.body, "before\ufffdafter \ufffd")

    # ------------------------------------------------------------ media never delays text

    def image_waiting_for_download(self):
        body = text_delivery("wamid.IMG", wa_id="15550001111")
        message = body["entry"][0]["changes"][0]["value"]["messages"][0]
        message.update(type="image", image={"id": "1200000000000001", "mime_type": "image/jpeg", "sha256": "00"})
        del message["text"]
        self.store(body)
        self.process_webhooks()
        image = self.Message.search([("wamid", "=", "wamid.IMG")])
        self.assertEqual(image.media_state, "pending")
        return image

    def test_text_arriving_during_a_long_download_is_applied_between_its_chunks(self):
        image = self.image_waiting_for_download()
        self.store(text_delivery("wamid.DURING", "are you there?"))
        seen_during = []

        def long_download(client, media_id, expected_sha256=None, between_chunks=None, allowed_hosts=None):
            for _chunk in range(3):
                between_chunks()
            seen_during.append(self.Message.search_count([("wamid", "=", "wamid.DURING")]))
            return b"\xff\xd8\xff photo", "image/jpeg"

        with patch.object(media_model, "download_media", long_download), patch.object(media_model, "YIELD_EVERY", 0):
            image._download_media()
        self.env.invalidate_all()
        self.assertEqual(seen_during, [1], "the text was stored while the file was still coming")
        self.assertEqual(image.media_state, "done")

    def test_a_media_run_gives_way_to_waiting_events_and_comes_back_after_them(self):
        self.image_waiting_for_download()
        self.store(text_delivery("wamid.FIRST", "text first"))
        cron = self.env.ref("cusoft_whatsapp.ir_cron_download_media")
        Trigger = self.env["ir.cron.trigger"].sudo()
        Trigger.search([("cron_id", "=", cron.id)]).unlink()
        with patch.object(media_model, "download_media", side_effect=AssertionError("no download before the text")):
            self.assertEqual(self.Message._cron_download_media(), 0)
        self.assertTrue(Trigger.search([("cron_id", "=", cron.id)]), "media resumes right after the events")

    # ------------------------------------------------------------ several processors

    def test_two_processors_share_a_backlog_without_duplicates_or_losses(self):
        self.store(*self.texts(3 * queue.CHUNK))
        Queue = type(self.Event)
        with self.registry.cursor() as cr_a:
            first = self.Event.with_env(self.Event.env(cr=cr_a))._claim()
        with self.registry.cursor() as cr_b:
            second = self.Event.with_env(self.Event.env(cr=cr_b))._claim()
        self.assertEqual(len(first), queue.CHUNK)
        self.assertFalse(set(first) & set(second), "a processor never takes what another leased")
        # Both apply their chunks (in either order), then both drain the rest together.
        for claimed in (second, first):
            with self.registry.cursor() as cr:
                Queue._process_claimed_chunk(self.Event.with_env(self.Event.env(cr=cr)).browse(claimed))
        self.process_webhooks()
        self.assertEqual(self.states(), {"done": 3 * queue.CHUNK})
        wamids = self.stored_wamids()
        self.assertEqual(len(wamids), 3 * queue.CHUNK)
        self.assertEqual(len(set(wamids)), len(wamids))

    def test_a_retry_stored_by_another_processor_during_a_chunk_is_kept_once_and_the_chunk_goes_through(self):
        # Meta delivered wamid.DUP twice; another processor stores the first copy after this chunk looked
        # for it and before this chunk writes its messages.
        self.store(text_delivery("wamid.DUP", "twice"), text_delivery("wamid.OTHER", "once", wa_id="15550004444"))
        other_processor = {}
        original = InboundBatch.prefetch

        def prefetch_then_the_other_processor_commits(batch, events):
            original(batch, events)
            with self.registry.cursor() as cr:
                Message = self.Message.with_env(self.Message.env(cr=cr))
                account = self.account.with_env(Message.env)
                other_processor["id"] = Message._store_inbound(account, parse_delivery(text_delivery("wamid.DUP", "twice")).messages[0]).id

        with patch.object(InboundBatch, "prefetch", prefetch_then_the_other_processor_commits), \
                mute_logger("odoo.sql_db", QUEUE_LOGGER):
            self.process_webhooks()
        self.assertEqual(self.states(), {"done": 2})
        self.assertEqual(self.stored_wamids(), ["wamid.DUP", "wamid.OTHER"], "nothing lost, nothing stored twice")
        self.assertEqual(self.Message.search([("wamid", "=", "wamid.DUP")]).id, other_processor["id"])

    def test_messages_applied_together_count_as_unread_and_a_reaction_finds_its_message(self):
        first = text_delivery("wamid.M1", "first", timestamp=1793000001)
        second = text_delivery("wamid.M2", "second", timestamp=1793000003)
        reaction = text_delivery("wamid.M3", timestamp=1793000002)
        message = reaction["entry"][0]["changes"][0]["value"]["messages"][0]
        message.update(type="reaction", reaction={"message_id": "wamid.M1", "emoji": "\U0001f44d"})
        del message["text"]
        self.store(first, second, reaction)
        self.assertEqual(self.process_webhooks(), 3)
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().search([])
        self.assertEqual(conversation.unread_count, 3)
        self.assertEqual(conversation.last_inbound_at, fields.Datetime.to_datetime("2026-10-26 07:33:23"))
        self.assertEqual(conversation.last_message_id.wamid, "wamid.M2", "the inbox previews the last message")
        self.assertEqual(self.Message.search([("wamid", "=", "wamid.M3")]).reply_to_id.wamid, "wamid.M1")


@tagged("post_install", "-at_install")
class TestRefusalCounting(WhatsAppCase, HttpCase):
    """Refused requests: counted without ever making two requests wait for each other."""

    def _real_cursor(self):
        cr = odoo.sql_db.db_connect(self.env.cr.dbname).cursor()
        self.addCleanup(cr.close)
        return cr

    def test_concurrent_refusals_on_two_real_cursors_never_wait_nor_conflict(self):
        hour = fields.Datetime.now().replace(year=2001, minute=0, second=0, microsecond=0)
        first, second = self._real_cursor(), self._real_cursor()
        second.execute("SET LOCAL lock_timeout = '2s'")
        background.append_counts(first, [(hour, "signature", 3)])
        # The first transaction is still open: a shared counter row would make this one wait, then fail.
        background.append_counts(second, [(hour, "signature", 4)])
        first.commit()
        second.commit()
        check = self._real_cursor()
        try:
            check.execute("SELECT sum(count) FROM cusoft_whatsapp_webhook_rejection WHERE hour = %s AND reason = 'signature'", (hour,))
            self.assertEqual(check.fetchone()[0], 7)
        finally:
            check.execute("DELETE FROM cusoft_whatsapp_webhook_rejection WHERE hour = %s", (hour,))
            check.commit()

    def test_refusals_are_counted_in_memory_then_written(self):
        self.setup_whatsapp()
        Rejection = self.env["cusoft.whatsapp.webhook.rejection"].sudo()
        Rejection._write_counts()  # what earlier tests of this process left in memory

        def signature_refusals():
            self.env.invalidate_all()
            return sum(Rejection.search([("reason", "=", "signature")]).mapped("count"))

        before = signature_refusals()
        for _i in range(5):
            response = self.opener.post(self.base_url() + "/whatsapp/webhook", data=b"{}", timeout=10,
                                        headers={"X-Hub-Signature-256": "sha256=00"})
            self.assertEqual(response.status_code, 403)
        Rejection._write_counts()  # the background thread does it every few seconds
        self.assertEqual(signature_refusals() - before, 5)

    def test_a_chunked_body_over_3_mb_is_cut_before_it_is_read_whole(self):
        self.setup_whatsapp()

        def endless():
            for _i in range(80):  # 5 MB in 64 KB pieces, without Content-Length
                yield b"a" * 65536

        raw, headers = signed(b"")
        try:
            response = self.opener.post(self.base_url() + "/whatsapp/webhook", data=endless(), headers=headers, timeout=30)
            self.assertEqual(response.status_code, 413)
        except Exception as error:  # noqa: BLE001 - a server may reset the connection once it stops reading
            self.assertIn("Connection", type(error).__name__ + str(error))
        self.assertFalse(self.env["cusoft.whatsapp.webhook.event"].sudo().search([]))
