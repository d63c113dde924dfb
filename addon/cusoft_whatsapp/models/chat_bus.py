"""The chat's bus channel of a company and the writing of its notifications (Odoo 18's bus internals
in one place: the channel shape, the rows' format)."""

from functools import partial

from odoo.addons.bus.models.bus import channel_with_db, json_dump

from ..ingest.background import BACKGROUND

# The chat's bus channel of a company: (res.company record, this name). Only the server puts it in a
# websocket's subscriptions, for the WhatsApp users of that company; a client can only ask for
# string channels, which never equal it.
INBOX_CHANNEL = "cusoft_whatsapp.inbox"


def inbox_channel(company):
    return (company, INBOX_CHANNEL)


def send_to_bus(env, notes):
    """Writes bus rows for [(target, type, payload)] in this transaction, as bus.bus._sendone does
    (Odoo 18's row shape), and has the background thread NOTIFY their channels after the commit on
    its kept connection: _sendone's own NOTIFY opens a connection per transaction, which the
    processing cron cannot afford for every chunk (ingest/background.py)."""
    if not notes:
        return
    channels = [channel_with_db(env.cr.dbname, target) for target, _type, _payload in notes]
    env["bus.bus"].sudo().create([
        {"channel": json_dump(channel), "message": json_dump({"type": kind, "payload": payload})}
        for channel, (_target, kind, payload) in zip(channels, notes)
    ])
    env.cr.postcommit.add(partial(BACKGROUND.notify_bus, channels))
