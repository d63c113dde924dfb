"""The fake Graph server of cusoft_whatsapp's tests, run in a thread of this Odoo process.

Not a copy: the sandbox imports the test double (tests/fake_graph, which imports nothing from Odoo)
and only changes what a long-lived server needs that a test does not:

- tokens: a test names the tokens it accepts; here a number's token must keep working after Odoo
  restarts, when the fake's memory is new, so any token the fake itself could have issued is valid;
- wamids and media ids that stay unique across restarts;
- one server per process, started on first use on a free loopback port (each Odoo process of a
  multi-process server gets its own; their states differ, which a sandbox can live with).

Nothing here reaches the internet: the server listens on 127.0.0.1 and answers from memory.
"""

import collections
import importlib.util
import itertools
import os
import sys
import threading
import time

from odoo.modules.module import get_module_path


def _import_fake_graph():
    """cusoft_whatsapp's tests/fake_graph package, imported by itself. Through
    `odoo.addons.cusoft_whatsapp.tests` it would run that package's __init__, which loads Odoo's test
    framework (Odoo logs an error when that happens outside a test run). The package imports nothing
    from Odoo or the addon, as its docstring promises, so it loads alone, as the Python tier does it."""
    name = "cusoft_whatsapp_fake_graph"
    if name not in sys.modules:
        path = os.path.join(get_module_path("cusoft_whatsapp"), "tests", "fake_graph")
        spec = importlib.util.spec_from_file_location(name, os.path.join(path, "__init__.py"), submodule_search_locations=[path])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[name]
            raise
    return sys.modules[name]


fake_graph = _import_fake_graph()
FakeGraphServer, data = fake_graph.FakeGraphServer, fake_graph.data

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
            # Its wamids and media ids count from 1 in each process: a restarted Odoo would give an
            # answer the wamid of a message it already has. Counting from the clock keeps them new.
            server.graph._serial = itertools.count(int(time.time() * 1000) % 10 ** 12)
            _server = server.start()
        return _server


def graph_url():
    return graph_server().base_url
