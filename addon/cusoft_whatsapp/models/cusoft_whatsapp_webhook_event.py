import json
import logging
from functools import partial

from odoo import _, api, fields, models, tools

from ..ingest import BACKGROUND
from ..webhook import ShapeError, change_routing_keys, parse_delivery, split_delivery, storable
from .inbound_batch import batch_of

_logger = logging.getLogger(__name__)

STATES = [
    ("pending", "Pending"),
    ("retry", "Retrying"),
    ("done", "Done"),
    ("attention", "Done, needs review"),
    ("error", "Error"),
]


class Waiting(str):
    """A problem that time may solve (a number not connected yet): the event is retried, not failed."""


class Notice(str):
    """Something Meta said that we keep for a person without failing the event (its errors[], new fields)."""


class CusoftWhatsappWebhookEvent(models.Model):
    """Every signed delivery from Meta, stored as it came before anything else happens.

    The route only stores and answers; crons apply the events (see cusoft_whatsapp_webhook_queue.py), so
    a slow step or a bug never makes Meta retry, and nothing a customer wrote is lost: an event that
    cannot be applied yet is retried, and one that needs a person stays in `error` with its reason.

    An event is first filed under the companies whose Meta app secret signed it; once the numbers it
    concerns are known it belongs to their company alone (a delivery touching two companies is split).
    """

    _name = "cusoft.whatsapp.webhook.event"
    _description = "WhatsApp webhook delivery"
    _order = "id desc"
    _rec_name = "received_at"

    received_at = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True, index=True)
    raw_body = fields.Text(required=True, readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True, help="The company of the numbers it concerns.")
    signer_company_ids = fields.Many2many(
        "res.company", "cusoft_whatsapp_webhook_event_signer_rel", "event_id", "company_id", readonly=True,
        string="Signed for", help="The companies that share the Meta app whose secret signed this delivery.",
    )
    state = fields.Selection(STATES, default="pending", required=True, readonly=True, index=True)
    error = fields.Text(readonly=True, help="Why it failed, or what Meta reported that needs a look.")
    attempts = fields.Integer(readonly=True, default=0, required=True)
    next_attempt_at = fields.Datetime(readonly=True, help="When it is tried again.")
    processed_at = fields.Datetime(readonly=True)
    summary = fields.Char(readonly=True, help="What the delivery held, e.g. 1 message, 2 statuses.")

    def init(self):
        # What the processors look for, oldest first: pending and due retries only, whatever the history.
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS cusoft_whatsapp_webhook_event_due_idx"
            " ON cusoft_whatsapp_webhook_event (id) WHERE state IN ('pending', 'retry')"
        )

    @api.model
    def _store(self, raw_body, signer_company_ids):
        """The route's only write, in one statement: the event (and its signers when several companies
        share the Meta app; one signer is the event's company at once, and a row more costs the
        acknowledgement a fifth of its time).

        After the commit, this process's background thread triggers the processing cron and wakes the
        cron workers (one trigger and one NOTIFY per burst, see ingest/background.py): the request pays
        for the delivery's own row only, and no delivery waits for the poll.
        """
        insert = """INSERT INTO cusoft_whatsapp_webhook_event
                           (received_at, raw_body, company_id, state, attempts, create_date, write_date)
                    VALUES (now() at time zone 'UTC', %(body)s, %(company)s, 'pending', 0,
                            now() at time zone 'UTC', now() at time zone 'UTC')"""
        if len(signer_company_ids) == 1:
            self.env.cr.execute(insert, {"body": raw_body, "company": signer_company_ids[0]})
        else:  # several share the app: which company it is for is decided when applied
            self.env.cr.execute(
                f"""WITH event AS ({insert} RETURNING id)
                    INSERT INTO cusoft_whatsapp_webhook_event_signer_rel (event_id, company_id)
                    SELECT event.id, signer FROM event, unnest(%(signers)s::int[]) AS signer""",
                {"body": raw_body, "company": None, "signers": list(signer_company_ids)},
            )
        self.env.cr.postcommit.add(partial(BACKGROUND.wake_cron, self.env.cr.dbname))

    # ------------------------------------------------------------ applying one event

    def _apply(self):
        """Applies the event; returns (summary, problems). Problems that are `Waiting` may solve themselves."""
        self.ensure_one()
        try:
            payload, parsed = batch_of(self.env).parsed(self) or (None, None)
            if parsed is None:
                payload = storable(json.loads(self.raw_body))
                parsed = parse_delivery(payload)
        except (ValueError, ShapeError) as error:
            return _("nothing usable"), [_("Unexpected delivery: %s", error)]
        if not self.company_id and self._split(payload):
            return _("split by company"), []
        problems = list(parsed.problems)
        problems += self.env["cusoft.whatsapp.message"]._apply_delivery(parsed, self)
        # Meta's own errors and changes we do not know are kept for a person, never silently done.
        problems += [Notice(_("Meta reported: %s", error.error.text())) for error in parsed.errors]
        problems += [Notice(_("Unknown webhook field %s: kept unapplied.", change.field)) for change in parsed.unknown]
        counts = [
            (len(parsed.messages), _("1 message"), _("%s messages")),
            (len(parsed.statuses), _("1 status"), _("%s statuses")),
            (len(parsed.templates), _("1 template update"), _("%s template updates")),
            (len(parsed.phone_numbers) + len(parsed.accounts), _("1 account update"), _("%s account updates")),
        ]
        summary = ", ".join(one if count == 1 else many % count for count, one, many in counts if count) or _("no event")
        return summary, problems

    def _allowed_companies(self):
        """The companies this event may write into: its own, else those whose Meta app signed it."""
        return self.company_id or self.signer_company_ids

    def _split(self, payload):
        """Files the event under the one company its numbers belong to, or splits it into one event per
        company. True when split (this event is then replaced by its parts)."""
        allowed = self._allowed_companies()
        Account = self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        accounts = Account.search([("company_id", "in", allowed.ids)])
        by_number = {a.phone_number_id: a.company_id.id for a in accounts if a.phone_number_id}
        by_waba = {}
        for account in accounts:
            by_waba.setdefault(account.waba_id, set()).add(account.company_id.id)

        def owners_of(entry, change):
            phone_number_id, waba_id = change_routing_keys(entry, change)
            if phone_number_id:
                return {by_number[phone_number_id]} if phone_number_id in by_number else set()
            return by_waba.get(waba_id, set())

        parts = split_delivery(payload, owners_of)
        owners = [owner for owner in parts if owner]
        if len(parts) == 1 and len(owners) == 1:
            self.company_id = owners[0]
            return False
        if len(parts) <= 1:
            return False  # nothing known yet: stays with its signers until a number is connected
        self.create([{
            "received_at": self.received_at,
            "raw_body": json.dumps(part),
            "company_id": owner or False,
            "signer_company_ids": [(6, 0, self.signer_company_ids.ids)],
        } for owner, part in parts.items()])
        # The whole body holds every company's messages: only the parts, each visible to its company, stay.
        self.unlink()
        return True

    def action_reprocess(self):
        """Errors are retried as they are: the processing is idempotent (wamids are unique)."""
        self.check_access("write")
        events = self.sudo().filtered(lambda e: e.state not in ("pending", "retry"))
        events.write({"state": "pending", "error": False, "attempts": 0, "next_attempt_at": False})
        events._process_now()
        return True

    def action_mark_reviewed(self):
        """What Meta reported was seen by a person: the delivery stops waiting for one (its note stays)."""
        self.check_access("write")
        self.sudo().filtered(lambda e: e.state == "attention").write({"state": "done"})
        return True

    @api.model
    def _count_rejection(self, reason):
        """Refused requests are counted per hour and reason, never stored: junk must not fill the
        database, yet an admin can see that something is knocking. Counted in memory, written every few
        seconds (ingest/background.py): a flood of junk never makes two requests wait for one row."""
        BACKGROUND.count_refusal(self.env.cr.dbname, fields.Datetime.now().replace(minute=0, second=0, microsecond=0), reason)

    @api.model
    @tools.ormcache()
    def _signing_secrets(self):
        """(company id, app secret) of every company with a Meta app whose secret can be read: webhooks
        are signed with it. One company's unreadable secret never stops the others' deliveries.
        Cached: deriving the key and decrypting on every delivery would slow the acknowledgement."""
        Secret = self.env["cusoft.whatsapp.secret"].sudo()
        pairs = []
        for secret in Secret.search([("res_model", "=", "res.company"), ("kind", "=", "app_secret")]):
            try:
                value = Secret._reveal(self.env["res.company"].browse(secret.res_id), "app_secret")
            except Exception:  # noqa: BLE001 - e.g. saved under another encryption key
                _logger.warning("WhatsApp webhook: the app secret of company %s cannot be read; its deliveries are refused", secret.res_id)
                continue
            if value:
                pairs.append((secret.res_id, value))
        return tuple(pairs)

    @api.model
    def _record_handshake(self, verify_token):
        """Meta verified the callback URL with this verify token: the setup checklist's proof that the
        dashboard's webhook configuration points here (handshakes are rare: one per change there)."""
        accounts = self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False).search(
            [("verify_token", "=", verify_token)])
        accounts.write({"webhook_verified_at": fields.Datetime.now()})

    @api.model
    @tools.ormcache()
    def _verify_tokens(self):
        return tuple(self.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False).search([]).mapped("verify_token"))
