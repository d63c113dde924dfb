from datetime import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .cusoft_whatsapp_account import ADMIN_GROUP
from .cusoft_whatsapp_conversation_send import USER_GROUP
from .chat_bus import inbox_channel

# "attention": what needs me: unread conversations of mine, and unread free ones of the numbers I am
# notified for (the systray's list and counter).
FILTERS = ("all", "mine", "unassigned", "unread", "attention")
MAX_PAGE = 100
# Unread badges stop counting here ("99+"): counting years of history for a badge is wasted work.
UNREAD_CAP = 100


class CusoftWhatsappConversationInbox(models.Model):
    """What the inbox needs of a conversation: the server-paged list, per-user unread counts, assignment."""

    _inherit = "cusoft.whatsapp.conversation"

    # Searched by name in the inbox: a trigram index keeps "contains" fast on a big table.
    name = fields.Char(index="trigram")
    username = fields.Char(index="trigram")
    last_message_id = fields.Many2one("cusoft.whatsapp.message", readonly=True, copy=False, ondelete="set null",
                                      help="Newest message (reactions aside), shown as the preview in the inbox.")
    last_inbound_message_id = fields.Integer(readonly=True, copy=False)

    def init(self):
        super().init()
        # The inbox page: newest first within the user's companies, or within one number.
        for column in ("company_id", "account_id"):
            self.env.cr.execute(
                f"CREATE INDEX IF NOT EXISTS cusoft_whatsapp_conversation_{column}_recent_idx"
                f" ON cusoft_whatsapp_conversation ({column}, last_message_at DESC, id DESC)"
            )

    # ------------------------------------------------------------ list

    @api.model
    def _chat_search(self, filter="all", account_id=None, search=None, cursor=None, limit=40, ids=None, partner_id=None):
        """One page of the inbox, newest first, with the caller's record rules; (records, next cursor)."""
        if filter not in FILTERS:
            raise UserError(_("Unknown filter %s.", filter))
        limit = max(1, min(int(limit or 40), MAX_PAGE))
        # Keyset-paged on (last_message_at, id); a conversation has a place once it has a message.
        domain = [("last_message_at", "!=", False)]
        if ids is not None:
            domain.append(("id", "in", [int(i) for i in ids]))
        if account_id:
            domain.append(("account_id", "=", int(account_id)))
        if partner_id:
            # A contact's panel: a company's conversations include its people's, as its smart button counts.
            domain.append(("partner_id", "child_of", int(partner_id)))
        if filter == "mine":
            domain.append(("user_id", "=", self.env.uid))
        elif filter == "unassigned":
            domain.append(("user_id", "=", False))
        elif filter == "unread":
            domain.append(self._unread_domain())
        elif filter == "attention":
            domain += self._attention_domain()
        domain += self._chat_search_domain(search)
        domain += self._chat_cursor_domain(cursor)
        records = self.search(domain, limit=limit + 1, order="last_message_at desc, id desc")
        page, more = records[:limit], len(records) > limit
        next_cursor = None
        if more and page:
            last = page[-1]
            next_cursor = f"{fields.Datetime.to_string(last.last_message_at)}|{last.id}"
        return page, next_cursor

    @api.model
    def _unread_domain(self):
        self.env["cusoft.whatsapp.read.marker"].flush_model()
        self.flush_model(["last_inbound_message_id"])
        return ("id", "in", SQL(
            """(SELECT c.id FROM cusoft_whatsapp_conversation c
                 LEFT JOIN cusoft_whatsapp_read_marker r ON r.conversation_id = c.id AND r.user_id = %s
                WHERE c.last_inbound_message_id > COALESCE(r.last_read_message_id, 0))""",
            self.env.uid,
        ))

    @api.model
    def _attention_domain(self):
        notified = self.env["cusoft.whatsapp.account"].search([("notify_user_ids", "in", self.env.uid)])
        return [
            self._unread_domain(),
            "|", ("user_id", "=", self.env.uid), "&", ("user_id", "=", False), ("account_id", "in", notified.ids),
        ]

    @api.model
    def _attention_count(self):
        """How many conversations need the current user (capped like unread badges: "99+")."""
        return self.search_count([("last_message_at", "!=", False), *self._attention_domain()], limit=UNREAD_CAP)

    @api.model
    def _chat_search_domain(self, search):
        text = (search or "").strip()
        if not text:
            return []
        # The matching conversations first (trigram indexes), then their order: an OR of "contains"
        # filters would test every row of the inbox in date order instead.
        self.env["cusoft.whatsapp.message"].flush_model(["body", "conversation_id"])
        self.flush_model(["name", "username", "wa_id"])
        pattern = f"%{text}%"
        matches = [
            SQL("SELECT id FROM cusoft_whatsapp_conversation WHERE name ILIKE %s", pattern),
            SQL("SELECT id FROM cusoft_whatsapp_conversation WHERE username ILIKE %s", pattern),
            SQL("SELECT conversation_id FROM cusoft_whatsapp_message WHERE body ILIKE %s", pattern),
        ]
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) >= 3 and not any(ch.isalpha() for ch in text):
            matches.append(SQL("SELECT id FROM cusoft_whatsapp_conversation WHERE wa_id LIKE %s", f"%{digits}%"))
        return [("id", "in", SQL("(%s)", SQL(" UNION ").join(matches)))]

    @api.model
    def _chat_cursor_domain(self, cursor):
        if not cursor:
            return []
        try:
            at_text, id_text = str(cursor).rsplit("|", 1)
            at, last_id = datetime.strptime(at_text, "%Y-%m-%d %H:%M:%S"), int(id_text)
        except ValueError:
            raise UserError(_("This page of conversations cannot be found; reload the inbox.")) from None
        return ["|", ("last_message_at", "<", at), "&", ("last_message_at", "=", at), ("id", "<", last_id)]

    def _unread_counts(self, user=None):
        """{conversation id: inbound messages newer than the user's marker}, capped at UNREAD_CAP."""
        if not self:
            return {}
        user = user or self.env.user
        self.env["cusoft.whatsapp.message"].flush_model()
        self.env["cusoft.whatsapp.read.marker"].flush_model()
        # One index range scan of (conversation_id, id) per row of the page, stopped at the cap.
        self.env.cr.execute(
            """SELECT c.id, (SELECT count(*) FROM (
                                SELECT 1 FROM cusoft_whatsapp_message m
                                 WHERE m.conversation_id = c.id AND m.id > COALESCE(r.last_read_message_id, 0)
                                   AND m.direction = 'inbound' AND m.message_type != 'reaction'
                                 LIMIT %s) AS unread)
                 FROM unnest(%s::int[]) AS c(id)
                 LEFT JOIN cusoft_whatsapp_read_marker r ON r.conversation_id = c.id AND r.user_id = %s""",
            (UNREAD_CAP, list(self.ids), user.id),
        )
        return dict(self.env.cr.fetchall())

    def _read_markers(self, user=None):
        user = user or self.env.user
        markers = self.env["cusoft.whatsapp.read.marker"].sudo().search_read(
            [("conversation_id", "in", self.ids), ("user_id", "=", user.id)], ["conversation_id", "last_read_message_id"],
        )
        return {m["conversation_id"][0]: m["last_read_message_id"] for m in markers}

    # ------------------------------------------------------------ assignment

    def _is_whatsapp_colleague(self, user):
        """Someone who may hold this conversation: an internal WhatsApp user of its company."""
        self.ensure_one()
        return bool(
            user.active and not user.share and user.has_group(USER_GROUP) and self.company_id in user.company_ids
        )

    def _colleagues(self):
        self.ensure_one()
        group = self.env.ref(USER_GROUP)
        users = self.env["res.users"].sudo().search([
            ("groups_id", "in", group.ids), ("share", "=", False), ("company_ids", "in", self.company_id.ids),
        ], order="name")
        return users

    def action_claim(self):
        return self.action_assign(self.env.user)

    def action_assign(self, user):
        """Gives the conversation to `user`. Free conversations go to anyone; someone else's only by its
        holder or an administrator, so nobody takes a customer from a colleague by accident."""
        self._check_chat_access()
        user = user if isinstance(user, models.BaseModel) else self.env["res.users"].browse(int(user))
        for conversation in self:
            holder = conversation.sudo().user_id
            if not conversation.sudo()._is_whatsapp_colleague(user.sudo()):
                raise UserError(_("%s is not a WhatsApp user of this company.", user.sudo().name))
            if holder == user:
                continue
            if holder and holder != self.env.user and not self.env.user.has_group(ADMIN_GROUP):
                raise UserError(_("%s already handles this conversation; ask them to pass it on.", holder.name))
            conversation._set_assignee(user, holder)
        return True

    def action_release(self):
        self._check_chat_access()
        for conversation in self:
            holder = conversation.sudo().user_id
            if not holder:
                continue
            if holder != self.env.user and not self.env.user.has_group(ADMIN_GROUP):
                raise UserError(_("Only %s or an administrator can release this conversation.", holder.name))
            conversation._set_assignee(self.env["res.users"], holder)
        return True

    def _set_assignee(self, user, previous):
        # sudo: assignment goes through the checks above, whatever fields users may write directly.
        self.sudo().write({"user_id": user.id})
        payload = {"conversation_id": self.id, "user_id": user.id or None}
        # Every inbox showing it moves the row (out of Unassigned, into someone's Mine); the previous
        # assignee hears it even if they left the company since.
        self.env["bus.bus"]._sendone(inbox_channel(self.company_id), "cusoft_whatsapp/conversation", payload)
        for partner in (previous - self.sudo()._live_audience()).partner_id:
            self.env["bus.bus"]._sendone(partner, "cusoft_whatsapp/conversation", payload)

    def _watchers(self):
        """The users a customer's message rings for: the number's notified users and the assignee."""
        return self.account_id.notify_user_ids | self.user_id

    def _live_audience(self):
        """The users whose open inbox shows this conversation: WhatsApp users of its company. Bus
        notifications go to them by partner (never a guessable channel) and carry ids only."""
        self.ensure_one()
        users = self.env.ref(USER_GROUP).sudo().users
        return users.filtered(lambda user: not user.share and self.company_id in user.company_ids)

    # ------------------------------------------------------------ thread pages

    def _chat_messages(self, before=None, after=None, around=None, limit=40):
        """A page of the thread by message id (oldest first), read with the caller's rights:
        (messages, has_older, has_newer). Reactions are not rows of the thread."""
        self.ensure_one()
        limit = max(1, min(int(limit or 40), MAX_PAGE))
        Message = self.env["cusoft.whatsapp.message"]
        base = [("conversation_id", "=", self.id), ("message_type", "!=", "reaction")]
        if around:
            older = Message.search(base + [("id", "<=", int(around))], order="id desc", limit=(limit + 1) // 2)
            newer = Message.search(base + [("id", ">", int(around))], order="id asc", limit=limit - len(older))
            page = older | newer
        elif after:
            page = Message.search(base + [("id", ">", int(after))], order="id asc", limit=limit)
        elif before:
            page = Message.search(base + [("id", "<", int(before))], order="id desc", limit=limit)
        else:
            page = Message.search(base, order="id desc", limit=limit)
        page = page.sorted("id")
        if not page:
            return page, False, False
        has_older = bool(Message.search(base + [("id", "<", page[0].id)], limit=1, order="id desc"))
        has_newer = bool(Message.search(base + [("id", ">", page[-1].id)], limit=1, order="id asc"))
        return page, has_older, has_newer

    # ------------------------------------------------------------ opening from other records

    def _chat_open_action(self):
        """Where a smart button leads: one conversation opens in the inbox, several are listed."""
        if len(self) == 1:
            return {
                "type": "ir.actions.client",
                "tag": "cusoft_whatsapp.inbox",
                "name": _("WhatsApp"),
                "params": {"conversation_id": self.id},
            }
        action = self.env["ir.actions.act_window"]._for_xml_id("cusoft_whatsapp.cusoft_whatsapp_conversation_action")
        action["domain"] = [("id", "in", self.ids)]
        return action
