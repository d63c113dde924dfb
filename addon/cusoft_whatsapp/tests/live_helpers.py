"""For tours that wait for what a server does meanwhile (a cron, a webhook, a bus notification).

Odoo's test server runs no cron worker and sends no NOTIFY: a helper thread plays them, through
`registry.cursor()` (the test cursor's lock, as HTTP requests take it), never holding a cursor while
it calls an HTTP route, which needs that same cursor."""

import threading

from odoo import SUPERUSER_ID, api

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable


def user_channel(dbname, user):
    """The bus channel of `user`'s partner, under which their open tabs' websockets are found."""
    return hashable(channel_with_db(dbname, user.partner_id))


def listening_sockets(channel):
    return list(dispatch._channels_to_ws.get(channel, ()))


def wake_websockets(channel):
    """What Postgres' NOTIFY does outside tests: the user's open websockets read the new bus rows."""
    for websocket in listening_sockets(channel):
        websocket.trigger_notification_dispatching()


def process_webhooks_in_own_cursor(registry):
    """What the processing cron does in its worker: every stored delivery applied."""
    with registry.cursor() as cr:
        Event = api.Environment(cr, SUPERUSER_ID, {})["cusoft.whatsapp.webhook.event"].sudo()
        while Event._cron_process(seconds=0):
            pass


class LiveTourCase:
    """Mix into an HttpCase."""

    def tour_beside(self, work, url, tour, login, join_timeout=10):
        """Runs the tour while `work(stop)` plays the server's background in a thread; `stop` is set
        when the tour ends."""
        stop = threading.Event()
        worker = threading.Thread(target=work, args=(stop,), daemon=True)
        worker.start()
        try:
            self.start_tour(url, tour, login=login)
        finally:
            stop.set()
            worker.join(timeout=join_timeout)
