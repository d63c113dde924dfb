"""What the events of one processing chunk read and write, done set-based for the whole chunk.

Applying events one by one cost about 25 queries each (the number, the duplicate check, the
conversation, the message, its waiting statuses, the conversation's preview, its counters, the
number's last webhook, …) and a processor fell behind steady traffic. Within a chunk, the events are
still applied one by one, each in its savepoint, through the same methods (so each keeps its own
outcome, its retries and its errors), but what they look up is read once for the chunk beforehand, and
the messages they store are inserted together at the end, with one update of their conversations.

When that final write fails (e.g. a concurrent processor stored the same retry of Meta's in between),
the chunk is rolled back and applied again one event at a time, each written at once: nothing is lost
and nothing is stored twice. Outside a chunk (Reprocess, tests calling the methods) nothing is deferred.
"""

import json
from collections import defaultdict

from ..webhook import ShapeError, parse_delivery, storable

CONTEXT_KEY = "cusoft_whatsapp_batch"


def batch_of(env):
    """The batch of the chunk being applied, or one that writes at once."""
    return env.context.get(CONTEXT_KEY) or IMMEDIATE


class EventFailed(Exception):
    """An event of an optimistic chunk failed: the chunk is rolled back and applied again without it."""

    def __init__(self, event_id, error):
        super().__init__(event_id, error)
        self.event_id, self.error = event_id, error


class _Immediate:
    """No chunk: every lookup is a query and every write happens at once."""

    deferred = False
    optimistic = False
    present = None
    failed = {}

    def parsed(self, event):
        return None

    def accounts(self, phone_number_ids):
        return None

    def stored(self, account_id, wamid):
        return None

    def conversation(self, account_id, column, value):
        return None


IMMEDIATE = _Immediate()


class InboundBatch:
    deferred = True

    def __init__(self):
        self.optimistic = True  # events applied without a savepoint each (see _process_claimed_chunk)
        self.failed = {}  # event id → the exception it raised in an earlier pass
        self.present = None  # ids of the chunk's events that still exist
        self._parsed = {}  # event id → (payload, ParsedDelivery)
        self._accounts = None  # phone_number_id → account id, for every number the chunk names
        self._stored = None  # (account id, wamid) of the chunk's messages already stored
        self._wamids = set()  # every wamid the chunk's messages carry (what _stored covers)
        self._conversations = None  # (account id, column, value) → conversation id
        self._requested_numbers = set()
        self.event_id = None  # the event being applied: what it adds is dropped if it fails
        self.pending = []  # (event id, account id, vals, conversation id, window end, has media)
        self.pending_keys = set()  # (account id, wamid) of the pending messages
        self.touched = set()  # account ids that received a webhook
        self.finished = []  # (event id, state, error, summary): the events' outcomes

    # ------------------------------------------------------------ reading once for the chunk

    def prefetch(self, events):
        """Reads what the chunk's events will look up, in a handful of queries."""
        env = events.env
        self.present = set(events.exists().ids)
        phone_number_ids, senders = set(), defaultdict(set)
        for event in events.browse(sorted(self.present)):
            try:
                payload = storable(json.loads(event.raw_body))
                parsed = parse_delivery(payload)
            except (ValueError, ShapeError):
                continue  # _apply says why
            self._parsed[event.id] = (payload, parsed)
            phone_number_ids.update(parsed.phone_number_ids)
            for message in parsed.messages:
                self._wamids.add(message.wamid)
                senders[message.phone_number_id].add((message.wa_id, message.bsuid))
        if not phone_number_ids:
            return
        Account = env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        accounts = Account.search_fetch([("phone_number_id", "in", list(phone_number_ids))], ["phone_number_id", "company_id"])
        self._accounts = {account.phone_number_id: account.id for account in accounts}
        self._requested_numbers = phone_number_ids
        cr = env.cr
        self._stored = set()
        if self._wamids:
            env["cusoft.whatsapp.message"].flush_model(["account_id", "wamid"])
            cr.execute("SELECT account_id, wamid FROM cusoft_whatsapp_message WHERE wamid = ANY(%s)", (list(self._wamids),))
            self._stored = set(cr.fetchall())
        wa_ids = {wa_id for pairs in senders.values() for wa_id, _bsuid in pairs if wa_id}
        bsuids = {bsuid for pairs in senders.values() for _wa_id, bsuid in pairs if bsuid}
        self._conversations = {}
        if wa_ids or bsuids:
            Conversation = env["cusoft.whatsapp.conversation"].sudo()
            domain = [("account_id", "in", list(self._accounts.values()))]
            by_id = [("wa_id", "in", list(wa_ids))] if wa_ids else []
            by_bsuid = [("bsuid", "in", list(bsuids))] if bsuids else []
            domain += ["|", *by_id, *by_bsuid] if by_id and by_bsuid else by_id or by_bsuid
            fields = ["account_id", "company_id", "wa_id", "bsuid", "profile_name", "username", "partner_id"]
            for conversation in Conversation.search_fetch(domain, fields, order="id"):
                for column in ("wa_id", "bsuid"):
                    key = (conversation.account_id.id, column, conversation[column])
                    if conversation[column] and key not in self._conversations:
                        self._conversations[key] = conversation.id

    def parsed(self, event):
        return self._parsed.get(event.id)

    def reset(self, careful):
        """A new pass over the chunk (the previous one was rolled back); savepoints when `careful`."""
        self.optimistic = not careful
        self.pending, self.pending_keys, self.touched, self.finished = [], set(), set(), []

    def accounts(self, phone_number_ids):
        """Account ids of these numbers when the chunk read them all, else None (look them up)."""
        if self._accounts is None or not set(phone_number_ids) <= self._requested_numbers:
            return None
        return [self._accounts[number] for number in phone_number_ids if number in self._accounts]

    def stored(self, account_id, wamid):
        """Whether this message is stored or about to be; None when the chunk did not read it."""
        if (account_id, wamid) in self.pending_keys:
            return True
        if self._stored is None or wamid not in self._wamids:
            return None
        return (account_id, wamid) in self._stored

    def conversation(self, account_id, column, value):
        """The conversation id the chunk found for this customer; None: look it up (maybe new)."""
        if self._conversations is None:
            return None
        return self._conversations.get((account_id, column, value))

    # ------------------------------------------------------------ writing once for the chunk

    def add(self, account_id, vals, window_end, media):
        self.pending.append((self.event_id, account_id, vals, vals["conversation_id"], window_end, media))
        self.pending_keys.add((account_id, vals["wamid"]))

    def discard(self, event_id):
        """The event failed: what it added is not written (its savepoint undid the rest)."""
        self.pending = [item for item in self.pending if item[0] != event_id]
        self.pending_keys = {(item[1], item[2]["wamid"]) for item in self.pending}

    def flush(self, env):
        """Writes what the chunk's events added: messages, conversations, the numbers' last webhook."""
        Message = env["cusoft.whatsapp.message"].sudo().with_context(**{CONTEXT_KEY: None})
        if self.pending:
            created = Message.create([item[2] for item in self.pending])
            # A reply or reaction to a message of the same chunk: its target had no id yet.
            by_wamid = {(m.account_id.id, m.wamid): m.id for m in created}
            for message in created:
                if message.reply_to_wamid and not message.reply_to_id:
                    target = by_wamid.get((message.account_id.id, message.reply_to_wamid))
                    if target:
                        message.reply_to_id = target
            env["cusoft.whatsapp.conversation"].sudo()._register_inbound_many([
                (conversation_id, vals["timestamp"], window_end)
                for _event, _account, vals, conversation_id, window_end, _media in self.pending
            ])
            if any(item[5] for item in self.pending):
                env.ref("cusoft_whatsapp.ir_cron_download_media")._trigger()
            created._notify_bus()
        if self.touched:
            env["cusoft.whatsapp.account"].sudo().browse(sorted(self.touched))._mark_webhook_received()
        if self.finished:
            self._write_outcomes(env)
        self.pending, self.pending_keys, self.touched, self.finished = [], set(), set(), []

    def _write_outcomes(self, env):
        Event = env["cusoft.whatsapp.webhook.event"].sudo()
        fields = ["state", "error", "summary", "next_attempt_at", "processed_at", "write_date", "write_uid"]
        Event.flush_model(fields)
        ids, states, errors, summaries = zip(*self.finished)
        env.cr.execute(
            """UPDATE cusoft_whatsapp_webhook_event e
                  SET state = v.state, error = v.error, summary = COALESCE(v.summary, e.summary),
                      next_attempt_at = NULL, processed_at = date_trunc('second', clock_timestamp() at time zone 'UTC'),
                      write_date = now() at time zone 'UTC', write_uid = %s
                 FROM unnest(%s::int[], %s::varchar[], %s::text[], %s::varchar[]) AS v(id, state, error, summary)
                WHERE e.id = v.id""",
            (env.uid, list(ids), list(states), list(errors), list(summaries)),
        )
        Event.browse(list(ids)).invalidate_recordset(fields)
