from odoo import api, fields, models
from odoo.exceptions import AccessError
from psycopg2 import IntegrityError

from .inbound_batch import batch_of

# What users may change on a conversation: what the form and the chat let them. Everything else
# (number, company, customer ids, window, counters, dates) comes from Meta and is written by the
# webhook alone: a changed `account_id` would move the thread into another company, a changed
# `wa_id` would reroute the customer's next messages.
USER_WRITABLE = frozenset({"user_id", "partner_id"})


class CusoftWhatsappConversation(models.Model):
    """One customer talking to one business number."""

    _name = "cusoft.whatsapp.conversation"
    _description = "WhatsApp conversation"
    _order = "last_message_at desc, id desc"
    _check_company_auto = True

    account_id = fields.Many2one(
        "cusoft.whatsapp.account", required=True, ondelete="restrict", index=True, check_company=True,
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", "Customer", index=True, ondelete="set null", check_company=True)
    name = fields.Char(compute="_compute_name", store=True)
    wa_id = fields.Char("WhatsApp ID", index=True, help="The customer's phone number digits, when WhatsApp shares it.")
    bsuid = fields.Char("Business-scoped user ID", index=True, help="Meta's id for users who hide their number behind a username.")
    profile_name = fields.Char()
    username = fields.Char()
    last_inbound_at = fields.Datetime(readonly=True)
    last_message_at = fields.Datetime(readonly=True, index=True)
    window_expires_at = fields.Datetime(
        "Service window ends", readonly=True,
        help="Free-form replies are possible until then (24 hours after the customer's last message).",
    )
    user_id = fields.Many2one(
        "res.users", "Assigned to", index=True, domain=[("share", "=", False)], check_company=True,
    )
    unread_count = fields.Integer(readonly=True)
    message_ids = fields.One2many("cusoft.whatsapp.message", "conversation_id")

    def init(self):
        # Partial unique indexes: one conversation per account and customer, whichever id Meta gave.
        for column in ("wa_id", "bsuid"):
            self.env.cr.execute(
                f"CREATE UNIQUE INDEX IF NOT EXISTS cusoft_whatsapp_conversation_{column}_uniq"
                f" ON cusoft_whatsapp_conversation (account_id, {column}) WHERE {column} IS NOT NULL"
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Conversations are opened by WhatsApp itself, when a customer writes."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            refused = sorted(set(vals) - USER_WRITABLE)
            if refused:
                labels = ", ".join(
                    self._fields[name]._description_string(self.env) if name in self._fields else name for name in refused
                )
                raise AccessError(self.env._("Only WhatsApp itself changes these fields of a conversation: %s.", labels))
        return super().write(vals)

    @api.depends("partner_id.name", "profile_name", "username", "wa_id")
    def _compute_name(self):
        for conversation in self:
            conversation.name = (
                conversation.partner_id.name or conversation.profile_name or conversation.username
                or (f"+{conversation.wa_id}" if conversation.wa_id else conversation.bsuid)
            )

    @api.model
    def _for_sender(self, account, message):
        """The conversation of `message`'s sender, created (with its partner) on first contact.

        Two deliveries of a new customer may be processed at once: the unique indexes make the second
        insert fail, and it then finds the first one's conversation instead of breaking.
        """
        for _attempt in range(3):
            conversation = self._find(account, message.wa_id, message.bsuid)
            if conversation:
                conversation._learn(message)
                return conversation
            try:
                with self.env.cr.savepoint():
                    return self.create({
                        "account_id": account.id,
                        "wa_id": message.wa_id,
                        "bsuid": message.bsuid,
                        "profile_name": message.profile_name,
                        "username": message.username,
                        "partner_id": self.env["res.partner"]._cusoft_whatsapp_partner(message, account.company_id).id,
                    })
            except IntegrityError:
                continue
        raise RuntimeError("the conversation could not be created nor found")

    @api.model
    def _find(self, account, wa_id, bsuid):
        batch = batch_of(self.env)
        for column, value in (("wa_id", wa_id), ("bsuid", bsuid)):
            if value:
                known = batch.conversation(account.id, column, value)
                if known:  # read with the rest of the chunk; a miss may be a conversation created since
                    return self.browse(known)
                found = self.search([("account_id", "=", account.id), (column, "=", value)], limit=1)
                if found:
                    return found
        return self.browse()

    def _learn(self, message):
        """Fills in what a later message reveals: the phone behind a username, a new profile name."""
        vals = {}
        if message.wa_id and not self.wa_id and not self._find(self.account_id, message.wa_id, None):
            vals["wa_id"] = message.wa_id
        if message.bsuid and not self.bsuid and not self._find(self.account_id, None, message.bsuid):
            vals["bsuid"] = message.bsuid
        if message.profile_name and message.profile_name != self.profile_name:
            vals["profile_name"] = message.profile_name
        if message.username and message.username != self.username:
            vals["username"] = message.username
        if vals:
            self.write(vals)
            partner = self.partner_id
            if (
                partner and message.bsuid and not partner.cusoft_whatsapp_bsuid
                and partner._cusoft_whatsapp_usable_by(self.company_id)
            ):
                partner.sudo().cusoft_whatsapp_bsuid = message.bsuid

    def _register_inbound(self, at, window_end):
        vals = {"unread_count": self.unread_count + 1}
        if at and (not self.last_message_at or at > self.last_message_at):
            vals["last_message_at"] = at
        if at and (not self.last_inbound_at or at > self.last_inbound_at):
            vals["last_inbound_at"] = at
        if window_end and (not self.window_expires_at or window_end > self.window_expires_at):
            vals["window_expires_at"] = window_end
        self.write(vals)

    @api.model
    def _register_inbound_many(self, arrivals):
        """`_register_inbound` for a chunk's messages, (conversation id, at, window end) each, in one
        statement. GREATEST makes it commute with a concurrent send or another processor."""
        totals = {}
        for conversation_id, at, window_end in arrivals:
            count, last_at, last_end = totals.get(conversation_id, (0, None, None))
            totals[conversation_id] = (
                count + 1,
                max(filter(None, (last_at, at)), default=None),
                max(filter(None, (last_end, window_end)), default=None),
            )
        fields = ["unread_count", "last_message_at", "last_inbound_at", "window_expires_at"]
        self.flush_model(fields)
        self.env.cr.execute(
            """UPDATE cusoft_whatsapp_conversation c
                  SET unread_count = COALESCE(c.unread_count, 0) + v.n,
                      last_message_at = GREATEST(c.last_message_at, v.at),
                      last_inbound_at = GREATEST(c.last_inbound_at, v.at),
                      window_expires_at = GREATEST(c.window_expires_at, v.window_end),
                      write_date = now() at time zone 'UTC', write_uid = %s
                 FROM unnest(%s::int[], %s::int[], %s::timestamp[], %s::timestamp[]) AS v(id, n, at, window_end)
                WHERE c.id = v.id""",
            (
                self.env.uid,
                list(totals),
                [t[0] for t in totals.values()],
                [t[1] for t in totals.values()],
                [t[2] for t in totals.values()],
            ),
        )
        self.browse(list(totals)).invalidate_recordset(fields + ["write_date", "write_uid"])
