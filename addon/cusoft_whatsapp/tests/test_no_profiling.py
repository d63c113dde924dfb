from odoo.tests import HttpCase, tagged

from .common import WhatsAppCase
from .privacy_helpers import DeliveryMixin
from .webhook_helpers import text_delivery

# Where a message's text may be: the message itself, the delivery it came in, and its conversation.
ALLOWED_TABLES = {"cusoft_whatsapp_message", "cusoft_whatsapp_webhook_event", "cusoft_whatsapp_conversation"}


@tagged("post_install", "-at_install")
class TestNoProfiling(DeliveryMixin, WhatsAppCase, HttpCase):
    """Our policy promises no marketing profile built from message content: after an inbound message is
    applied, its text is nowhere else in the database (no field, tag, score, log or note copies it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()
        cls.account.sudo().write({"state": "connected"})

    def tables_holding(self, needle):
        cr = self.env.cr
        cr.execute("""
            SELECT c.table_name, c.column_name FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')
        """)
        found = set()
        for table, column in cr.fetchall():
            cr.execute(f'SELECT 1 FROM "{table}" WHERE "{column}"::text LIKE %s LIMIT 1', (f"%{needle}%",))
            if cr.fetchone():
                found.add(f"{table}.{column}")
        return found

    def test_an_inbound_text_is_stored_only_in_the_message_its_delivery_and_conversation(self):
        needle = "Zorblax-unique-profile-probe-4417"
        self.receive(text_delivery("wamid.NP1", f"I love {needle} and want discounts on shoes"))
        self.env.flush_all()
        message = self.env["cusoft.whatsapp.message"].sudo().search([("wamid", "=", "wamid.NP1")])
        self.assertIn(needle, message.body, "the probe reached the database")
        found = self.tables_holding(needle)
        self.assertIn("cusoft_whatsapp_message.body", found, "the search does find the text where it is")
        self.assertEqual({name for name in found if name.split(".")[0] not in ALLOWED_TABLES}, set())
