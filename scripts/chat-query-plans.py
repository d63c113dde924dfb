"""Query plans and server times of the chat's hot paths, for a database seeded by seed-chat.sql.

    cd /opt/odoo/src && CUSOFT_WHATSAPP_KEY=… python3.11 odoo-bin shell -c /opt/odoo/odoo.conf \
        --addons-path=…,<repo>/addon -d <db> --no-http < <repo>/scripts/chat-query-plans.py

Prints EXPLAIN ANALYZE of the first inbox page, a page per number and a thread page of the
5,000-message conversation, then the time of each route's work (search + serializer), cold and warm.
Read-only: it changes nothing.
"""
import time

from odoo.addons.cusoft_whatsapp.serializers import chat as payloads
from odoo.tools import SQL

user = env.ref("base.user_admin")  # noqa: F821 - provided by odoo-bin shell
Conversation = env["cusoft.whatsapp.conversation"].with_user(user)  # noqa: F821
Message = env["cusoft.whatsapp.message"].with_user(user)  # noqa: F821
account = env["cusoft.whatsapp.account"].search([], limit=1)  # noqa: F821
big = Conversation.search([("wa_id", "=", "990000000001")])
ORDER = "last_message_at desc, id desc"


def explain(label, query):
    env.cr.execute(SQL("EXPLAIN ANALYZE %s", query.select()))  # noqa: F821
    print(f"== {label}")
    print("\n".join(row[0] for row in env.cr.fetchall()))  # noqa: F821


def timed(label, work):
    for kind in ("cold", "warm"):
        env.invalidate_all()  # noqa: F821
        started = time.perf_counter()
        work()
        print(f"{label} ({kind}): {(time.perf_counter() - started) * 1000:.1f} ms")


base = [("last_message_at", "!=", False)]
explain("inbox, first page", Conversation._search(base, order=ORDER, limit=41))
explain("inbox, one number", Conversation._search(base + [("account_id", "=", account.id)], order=ORDER, limit=41))
thread = [("conversation_id", "=", big.id), ("message_type", "!=", "reaction")]
explain("thread, newest page", Message._search(thread, order="id desc", limit=40))
timed("route conversations", lambda: payloads.conversation_page(*Conversation._chat_search(limit=40)))
timed("route conversations unread", lambda: payloads.conversation_page(*Conversation._chat_search("unread", limit=40)))
timed("route conversations search", lambda: payloads.conversation_page(*Conversation._chat_search(search="invoice 700")))
timed("route messages", lambda: payloads.message_page(env, big, *big._chat_messages(limit=40)))  # noqa: F821
env.cr.rollback()  # noqa: F821
