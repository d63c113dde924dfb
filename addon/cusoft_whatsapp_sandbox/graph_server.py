"""The fake Graph server of cusoft_whatsapp's tests, run in a thread of this Odoo process.

Not a copy: the sandbox imports the test double (tests/fake_graph, which imports nothing from Odoo)
and only changes what a long-lived server needs that a test does not:

- tokens: a test names the tokens it accepts; here a number's token must keep working after Odoo
  restarts, when the fake's memory is new, so any token the fake itself could have issued is valid;
- one server per process, started on first use on a free loopback port (each Odoo process of a
  multi-process server gets its own; their states differ, which a sandbox can live with).

Nothing here reaches the internet: the server listens on 127.0.0.1 and answers from memory.
"""

import collections
import threading

from odoo.addons.cusoft_whatsapp.tests.fake_graph import FakeGraphServer, data

# The fake's code exchange issues "EAAFAKEBISU0001ZDZD"-like tokens; the demo numbers use this prefix too.
TOKEN_PREFIX = "EAAFAKE"
SANDBOX_NUMBER_IDS = frozenset(data.PHONE_NUMBERS)
APP_ID = data.APP_ID
WABA_ID = data.WABA_ID
PHONE_NUMBER_ID = data.PHONE_NUMBER_ID
SECOND_PHONE_NUMBER_ID = data.SECOND_PHONE_NUMBER_ID

_lock = threading.Lock()
_server = None


class SandboxTokens(set):
    """The tokens the fake accepts: those it was given, and any token of the fake's own shape."""

    def __contains__(self, token):
        return super().__contains__(token) or (isinstance(token, str) and token.startswith(TOKEN_PREFIX))


def graph_server():
    """The running sandbox Graph server of this process (started on first call)."""
    global _server
    with _lock:
        if _server is None:
            server = FakeGraphServer()
            server.graph.tokens = SandboxTokens()
            server.requests = collections.deque(maxlen=500)  # a test reads them all; a sandbox lives for days
            _server = server.start()
        return _server


def graph_url():
    return graph_server().base_url
