"""A stand-in for graph.facebook.com (see server.py), plain Python like graph/.

It lives under tests/ because only tests (and a sandbox built on them) may run it: Odoo imports an
addon's tests package only to run its tests, so no production code path can reach it, yet it ships
with the addon, so `odoo-bin -i cusoft_whatsapp --test-enable` works with the addon folder alone.
Other addons import it as `odoo.addons.cusoft_whatsapp.tests.fake_graph`; the Odoo-free Python tier
puts this tests/ folder on sys.path and imports `fake_graph`. It imports nothing from the addon.
"""

from . import data
from .replies import RecordedRequest, Reply
from .server import FakeGraphServer

__all__ = ["FakeGraphServer", "RecordedRequest", "Reply", "data"]
