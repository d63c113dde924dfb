import csv
import io
import json
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .common import WhatsAppCase
from .privacy_helpers import DeliveryMixin
from .webhook_helpers import CUSTOMER, status_delivery, text_delivery

OTHER = "15550004444"
BSUID = "US.8271663900412298154"
PHOTO = b"\xff\xd8\xff\xe0 maria's photo of her invoice"


@tagged("post_install", "-at_install")
class TestDataSubjectRequests(DeliveryMixin, WhatsAppCase, HttpCase):
    """Export and erase a contact's WhatsApp data, from real deliveries through the route and the queue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()
        cls.account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        cls.maria = cls.env["res.partner"].create({"name": "Maria Export", "phone": "+1 (555) 000-9876"})

    def conversation_of(self, **domain):
        return self.env["cusoft.whatsapp.conversation"].sudo().search([(k, "=", v) for k, v in domain.items()])

    def maria_talks(self):
        self.receive(
            text_delivery("wamid.M1", "Maria-secret-text-7f3a", wa_id=CUSTOMER),
            self.image_delivery("wamid.M2", PHOTO),
            text_delivery("wamid.O1", "Other-customer-text-19bc", wa_id=OTHER, name="Olga"),
        )
        self.download_media()
        conversation = self.conversation_of(wa_id=CUSTOMER)
        outbound = self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": conversation.id, "direction": "outbound", "body": "Your order ships today", "wamid": "wamid.OUT1",
            "state": "sent",
        })
        self.receive(status_delivery("wamid.OUT1", "delivered"))
        self.assertEqual(outbound.state, "delivered")
        return conversation

    def export(self, partner, user="wa_admin"):
        self.authenticate(user, user)
        action = self.make_jsonrpc_request("/web/dataset/call_kw/res.partner/action_cusoft_whatsapp_export", {
            "model": "res.partner", "method": "action_cusoft_whatsapp_export", "args": [partner.ids], "kwargs": {},
        })
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        return zipfile.ZipFile(io.BytesIO(response.content))

    def test_the_export_holds_every_conversation_message_status_and_file_of_the_contact(self):
        conversation = self.maria_talks()
        self.assertEqual(conversation.partner_id, self.maria)
        archive = self.export(self.maria)
        data = json.loads(archive.read("data.json"))
        self.assertEqual(data["contact"]["name"], "Maria Export")
        self.assertEqual(len(data["conversations"]), 1)
        messages = data["conversations"][0]["messages"]
        bodies = {m["body"] for m in messages}
        self.assertIn("Maria-secret-text-7f3a", bodies)
        self.assertIn("Your order ships today", bodies)
        self.assertEqual({m["wamid"]: m["state"] for m in messages}["wamid.OUT1"], "delivered")
        self.assertTrue(next(m for m in messages if m["wamid"] == "wamid.OUT1")["delivered_at"])
        photo = next(m for m in messages if m["wamid"] == "wamid.M2")
        self.assertEqual(archive.read(photo["media_file"]), PHOTO)
        rows = list(csv.DictReader(io.StringIO(archive.read("messages.csv").decode())))
        self.assertEqual(sorted(r["wamid"] for r in rows), ["wamid.M1", "wamid.M2", "wamid.OUT1"])
        everything = b"".join(archive.read(name) for name in archive.namelist())
        self.assertNotIn(b"Other-customer-text-19bc", everything, "nobody else's messages")
        entry = self.env["cusoft.whatsapp.audit"].sudo().search([("action", "=", "export")])
        self.assertEqual((entry.user_id, entry.res_id, entry.client_ip), (self.wa_admin, self.maria.id, "127.0.0.1"))

    def test_only_whatsapp_administrators_export_or_erase(self):
        self.maria_talks()
        for method in ("action_cusoft_whatsapp_export", "action_cusoft_whatsapp_erase", "_cusoft_whatsapp_erase"):
            with self.assertRaises(AccessError):
                getattr(self.maria.with_user(self.wa_user), method)()
        self.assertEqual(len(self.conversation_of(wa_id=CUSTOMER).message_ids), 3)

    def test_erasing_leaves_nothing_of_the_contact_and_everything_of_the_others(self):
        conversation = self.maria_talks()
        message_ids = conversation.message_ids.ids
        self.export(self.maria)  # a past export is their data too
        self.env["cusoft.whatsapp.api.log"].sudo().create({
            "company_id": self.company.id, "method": "GET", "endpoint": f"/v25.0/{CUSTOMER}/profile",
        })
        wizard_action = self.maria.with_user(self.wa_admin).action_cusoft_whatsapp_erase()
        wizard = self.env[wizard_action["res_model"]].with_user(self.wa_admin).browse(wizard_action["res_id"])
        self.assertEqual((wizard.conversation_count, wizard.message_count), (1, 3))
        with self.assertRaises(UserError):
            wizard.action_erase()
        self.assertEqual(len(conversation.exists().message_ids), 3, "nothing goes without the confirmation")
        wizard.confirmed = True
        wizard.action_erase()
        self.env.flush_all()
        self.env.invalidate_all()

        cr = self.env.cr
        for secret in ("Maria-secret-text-7f3a", CUSTOMER):
            cr.execute("SELECT count(*) FROM cusoft_whatsapp_message WHERE body LIKE %s OR payload LIKE %s", (f"%{secret}%",) * 2)
            self.assertEqual(cr.fetchone()[0], 0, secret)
            cr.execute("SELECT count(*) FROM cusoft_whatsapp_webhook_event WHERE raw_body LIKE %s", (f"%{secret}%",))
            self.assertEqual(cr.fetchone()[0], 0, secret)
            cr.execute("SELECT count(*) FROM cusoft_whatsapp_api_log WHERE endpoint LIKE %s", (f"%{secret}%",))
            self.assertEqual(cr.fetchone()[0], 0, secret)
            cr.execute("SELECT count(*) FROM cusoft_whatsapp_conversation WHERE wa_id = %s", (secret,))
            self.assertEqual(cr.fetchone()[0], 0, secret)
        cr.execute("SELECT count(*) FROM ir_attachment WHERE (res_model = 'cusoft.whatsapp.message' AND res_id = ANY(%s))"
                   " OR name LIKE %s", (message_ids, f"whatsapp-data-{self.maria.id}%"))
        self.assertEqual(cr.fetchone()[0], 0, "the photo and the past export are gone")
        cr.execute("SELECT count(*) FROM cusoft_whatsapp_message WHERE id = ANY(%s)", (message_ids,))
        self.assertEqual(cr.fetchone()[0], 0)

        other = self.conversation_of(wa_id=OTHER)
        self.assertEqual(other.message_ids.body, "Other-customer-text-19bc", "the other customer keeps everything")
        cr.execute("SELECT count(*) FROM cusoft_whatsapp_webhook_event WHERE raw_body LIKE %s", ("%Other-customer-text-19bc%",))
        self.assertEqual(cr.fetchone()[0], 1)
        self.assertTrue(self.maria.exists(), "the contact stays")
        entry = self.env["cusoft.whatsapp.audit"].sudo().search([("action", "=", "erase")])
        self.assertEqual((entry.user_id, entry.res_id), (self.wa_admin, self.maria.id))
        self.assertIn("3 message(s)", entry.description)
        self.assertNotIn("Maria", entry.description)

    def test_a_contact_known_only_by_username_is_exported_and_erased(self):
        self.receive(text_delivery("wamid.B1", "Username-only-text-55e1", wa_id=None, bsuid=BSUID, username="maria.shop"))
        partner = self.env["res.partner"].search([("cusoft_whatsapp_bsuid", "=", BSUID)])
        self.assertEqual(len(partner), 1)
        self.assertFalse(partner.phone)
        archive = self.export(partner)
        data = json.loads(archive.read("data.json"))
        self.assertEqual(data["conversations"][0]["bsuid"], BSUID)
        self.assertEqual(data["conversations"][0]["messages"][0]["body"], "Username-only-text-55e1")
        counts = partner.with_user(self.wa_admin)._cusoft_whatsapp_erase()
        self.assertEqual((counts["conversations"], counts["messages"], counts["webhook_deliveries"]), (1, 1, 1))
        self.env.invalidate_all()
        self.assertFalse(self.conversation_of(bsuid=BSUID))
        self.assertFalse(partner.cusoft_whatsapp_bsuid)
        cr = self.env.cr
        cr.execute("SELECT count(*) FROM cusoft_whatsapp_webhook_event WHERE raw_body LIKE %s", (f"%{BSUID}%",))
        self.assertEqual(cr.fetchone()[0], 0)
        cr.execute("SELECT count(*) FROM cusoft_whatsapp_message WHERE body LIKE %s", ("%Username-only-text-55e1%",))
        self.assertEqual(cr.fetchone()[0], 0)
