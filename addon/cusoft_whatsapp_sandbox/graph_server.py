"""The fake Graph server of cusoft_whatsapp's tests, run in a thread of this Odoo process.

Not a copy: the sandbox imports the test double (tests/fake_graph, which imports nothing from Odoo)
and only changes what a long-lived server needs that a test does not:

- tokens: a test names the tokens it accepts; here a number's token must keep working after Odoo
  restarts, when the fake's memory is new, so any token the fake itself could have issued is valid;
- wamids and media ids that stay unique across restarts;
- the app subscribed to the sandbox's WhatsApp Business Account, as Connect WhatsApp leaves it;
- one server per process, started on first use on a free loopback port (each Odoo process of a
  multi-process server gets its own; their states differ, which a sandbox can live with).

Nothing here reaches the internet: the server listens on 127.0.0.1 and answers from memory.
"""

import collections
import copy
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


def _template(template_id, name, status, category, body, examples=()):
    component = {"type": "BODY", "text": body}
    if examples:
        component["example"] = {"body_text": [list(examples)]}
    return {"id": template_id, "name": name, "language": "en_US", "status": status, "category": category,
            "parameter_format": "POSITIONAL", "components": [component]}


# With the fake's own (approved, paused, rejected), a template in each status Meta reports.
EXTRA_TEMPLATES = [
    _template("1300000000000101", "appointment_reminder", "PENDING", "UTILITY",
              "Reminder: your appointment is on {{1}} at {{2}}.", ("Monday", "10:00")),
    _template("1300000000000102", "welcome_offer", "DISABLED", "MARKETING", "Welcome! Enjoy 10% off your first order."),
    _template("1300000000000103", "account_alert", "IN_APPEAL", "UTILITY", "There is news about your account {{1}}.", ("ACC-42",)),
    _template("1300000000000104", "order_shipped", "APPROVED", "UTILITY", "Good news {{1}}: your order {{2}} has shipped.",
              ("Dana", "SO0042")),
]


def add_template(waba_id, template):
    """A template as if created in Meta's WhatsApp Manager (pending review)."""
    server = graph_server()
    with server._lock:  # the server's handlers read the templates under this lock
        server.graph.templates.setdefault(waba_id, []).append(template)


def set_template_status(waba_id, template_id, status):
    server = graph_server()
    with server._lock:
        for template in server.graph.templates.get(waba_id, []):
            if template["id"] == template_id:
                template["status"] = status


class SandboxTokens(set):
    """The tokens the fake accepts: those it was given, and any token of the fake's own shape."""

    def __contains__(self, token):
        return super().__contains__(token) or (isinstance(token, str) and token.startswith(TOKEN_PREFIX))


def _new_server():
    """A fake Graph server set up for the sandbox, not started: what each Odoo process begins with."""
    server = FakeGraphServer()
    server.graph.tokens = SandboxTokens()
    server.requests = collections.deque(maxlen=500)  # a test reads them all; a sandbox lives for days
    # Its wamids and media ids count from 1 in each process: a restarted Odoo would give an
    # answer the wamid of a message it already has. Counting from the clock keeps them new.
    server.graph._serial = itertools.count(int(time.time() * 1000) % 10 ** 12)
    server.graph.templates.setdefault(WABA_ID, []).extend(copy.deepcopy(EXTRA_TEMPLATES))
    # Subscriptions live in memory too: after a restart the diagnostics would find the app
    # unsubscribed from the account Connect WhatsApp subscribed it to. The sandbox's is.
    server.graph.subscriptions.setdefault(WABA_ID, None)
    return server


def graph_server():
    """The running sandbox Graph server of this process (started on first call)."""
    global _server
    with _lock:
        if _server is None:
            _server = _new_server().start()
        return _server


def graph_url():
    return graph_server().base_url
