from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .isolation_common import ThreeCompanies
from .webhook_helpers import CUSTOMER

BSUID = "US.1000000000000000001"


@tagged("post_install", "-at_install")
class TestCustomerMatching(ThreeCompanies, TransactionCase):
    """A new sender becomes the customer of one company's conversation: only that company's contacts
    (and shared ones) are candidates, and nothing is written on another company's contacts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies()
        cls.Partner = cls.env["res.partner"]

    def test_a_b_contact_with_the_same_phone_never_becomes_as_customer(self):
        b_contact = self.Partner.create({"name": "Bea, B's client", "phone": "+1 (555) 000-9876", "company_id": self.company_b.id})
        conversation = self.inbound(self.account_a, "wamid.M1", bsuid=BSUID).conversation_id
        self.assertNotEqual(conversation.partner_id, b_contact)
        self.assertEqual(conversation.partner_id.company_id, self.company_a, "a new contact of A")
        self.assertEqual(conversation.with_user(self.a_user).partner_id.name, "Maria")
        self.assertEqual(conversation.with_user(self.a_user).name, "Maria", "B's contact's name never shows to A")
        self.assertFalse(b_contact.cusoft_whatsapp_bsuid, "nothing is written on B's contact")

    def test_an_archived_contact_of_another_company_is_not_found_by_bsuid(self):
        b_contact = self.Partner.create({"name": "Old B contact", "active": False, "company_id": self.company_b.id,
                                         "cusoft_whatsapp_bsuid": BSUID})
        conversation = self.inbound(self.account_a, "wamid.M2", wa_id=None, bsuid=BSUID, username="maria.shop").conversation_id
        self.assertNotEqual(conversation.partner_id, b_contact)
        self.assertEqual(conversation.partner_id.company_id, self.company_a)

    def test_own_and_shared_contacts_are_matched_whatever_the_format_never_older_ones_of_b(self):
        us = self.env.ref("base.us")
        numbers = {"15550001111": {"phone": "0015550001111"},
                   "15550002222": {"phone": "(0555) 000-2222", "country_id": us.id},
                   "15550003333": {"mobile": "+1 555 000 3333"},
                   "15550004444": {"phone": "+15550004444", "active": False}}
        for wa_id, vals in numbers.items():  # B's contacts come first: the oldest match used to win
            self.Partner.create({"name": f"B's {wa_id}", "company_id": self.company_b.id, **vals})
        expected = {
            "15550001111": self.Partner.create({"name": "Shared", **numbers["15550001111"]}),
            "15550002222": self.Partner.create({"name": "Own", "company_id": self.company_a.id, **numbers["15550002222"]}),
            "15550003333": self.Partner.create({"name": "Mobile", "company_id": self.company_a.id, **numbers["15550003333"]}),
            "15550004444": self.Partner.create({"name": "Archived own", "company_id": self.company_a.id, **numbers["15550004444"]}),
        }
        for wa_id, contact in expected.items():
            with self.subTest(wa_id=wa_id):
                message = self.inbound(self.account_a, f"wamid.F{wa_id}", wa_id=wa_id, bsuid=f"US.{wa_id}")
                self.assertEqual(message.conversation_id.partner_id, contact)
                self.assertEqual(contact.cusoft_whatsapp_bsuid, f"US.{wa_id}", "the BSUID is learnt on usable contacts")
        b_contacts = self.Partner.with_context(active_test=False).search([("company_id", "=", self.company_b.id)])
        self.assertFalse(any(b_contacts.mapped("cusoft_whatsapp_bsuid")))

    def test_phones_are_looked_up_through_an_index_that_follows_edits(self):
        # The previous regexp scan read every contact for each new sender.
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'res_partner' AND indexdef LIKE %s",
            ("%cusoft_whatsapp_%_tail%",),
        )
        self.assertEqual(len(self.env.cr.fetchall()), 2, "one index on the phone's digits, one on the mobile's")
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute(
            "EXPLAIN SELECT id FROM res_partner WHERE cusoft_whatsapp_phone_tail = %s OR cusoft_whatsapp_mobile_tail = %s",
            ("50009876", "50009876"),
        )
        plan = " ".join(row[0] for row in self.env.cr.fetchall())
        self.assertIn("cusoft_whatsapp_phone_tail", plan)
        self.assertIn("cusoft_whatsapp_mobile_tail", plan)
        contact = self.Partner.create({"name": "No phone yet", "company_id": self.company_a.id})
        contact.phone = "+1 555 000 9876"
        self.assertEqual(self.inbound(self.account_a, "wamid.L1").conversation_id.partner_id, contact, "a number typed later is found")

    def test_new_customers_belong_to_the_numbers_company_unless_it_shares_contacts(self):
        self.assertEqual(self.inbound(self.account_b, "wamid.N1").conversation_id.partner_id.company_id, self.company_b)
        self.company_c.cusoft_whatsapp_share_contacts = True
        shared = self.inbound(self.account_c, "wamid.N2", wa_id="15550005555").conversation_id.partner_id
        self.assertFalse(shared.company_id, "C shares its WhatsApp contacts")
        self.assertEqual(self.inbound(self.account_a, "wamid.N3", wa_id="15550005555").conversation_id.partner_id, shared,
                         "a shared contact is every company's")

    def test_the_setting_is_in_whatsapp_settings(self):
        settings_admin = self.restricted_user("a_settings_admin", "base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin",
                                              self.company_a)
        settings = self.env["res.config.settings"].with_user(settings_admin).create({"cusoft_whatsapp_share_contacts": True})
        settings.execute()
        self.assertTrue(self.company_a.cusoft_whatsapp_share_contacts)
        self.assertFalse(self.company_b.cusoft_whatsapp_share_contacts, "the default keeps contacts in their company")


@tagged("post_install", "-at_install")
class TestConversationIntegrity(ThreeCompanies, TransactionCase):
    """Users change what the UI offers; the number, the customer's ids, the window and the counters
    come from Meta and are written by the webhook alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies()

    def setUp(self):
        super().setUp()
        self.message = self.inbound(self.account_a, "wamid.I1", bsuid=BSUID)
        self.conversation = self.message.conversation_id

    def test_a_whatsapp_user_writes_none_of_the_system_fields(self):
        attempts = {
            "account_id": self.account_b.id,
            "company_id": self.company_b.id,
            "wa_id": "15550000000",
            "bsuid": "US.9",
            "window_expires_at": datetime(2030, 1, 1),
            "unread_count": 0,
            "last_inbound_at": datetime(2030, 1, 1),
            "last_message_at": datetime(2030, 1, 1),
            "profile_name": "Someone else",
            "username": "someone.else",
            "message_ids": [(5, 0, 0)],
        }
        before = self.conversation.read(list(attempts))[0]
        for user in (self.a_user, self.a_admin):
            for name, value in attempts.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(AccessError):
                    self.conversation.with_user(user).write({name: value})
        self.conversation.invalidate_recordset()
        self.assertEqual(self.conversation.read(list(attempts))[0], before, "nothing moved")
        self.assertEqual(self.conversation.company_id, self.company_a)
        self.assertEqual(self.account_b.company_id, self.company_b)

    def test_users_assign_and_link_a_contact_of_their_company_only(self):
        a_contact = self.env["res.partner"].create({"name": "A contact", "company_id": self.company_a.id})
        b_contact = self.env["res.partner"].create({"name": "B contact", "company_id": self.company_b.id})
        mine = self.conversation.with_user(self.a_user)
        mine.write({"user_id": self.a_user.id, "partner_id": a_contact.id})
        self.assertEqual((self.conversation.user_id, self.conversation.partner_id), (self.a_user, a_contact))
        with self.assertRaises(UserError):
            mine.write({"partner_id": b_contact.id})
        with self.assertRaises(UserError):
            mine.write({"user_id": self.b_user.id})
        self.assertEqual((self.conversation.user_id, self.conversation.partner_id), (self.a_user, a_contact))

    def test_no_user_opens_a_conversation(self):
        for user in (self.a_user, self.a_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["cusoft.whatsapp.conversation"].with_user(user).create(
                    {"account_id": self.account_a.id, "wa_id": "15550000001"}
                )

    def test_messages_are_never_rewritten_by_users(self):
        attempts = {"body": "I never said that", "state": "failed", "wamid": "wamid.other", "direction": "outbound",
                    "conversation_id": self.inbound(self.account_a, "wamid.I2", wa_id="15550000002").conversation_id.id}
        for user in (self.a_user, self.a_admin):
            for name, value in attempts.items():
                with self.subTest(user=user.login, field=name), self.assertRaises(AccessError):
                    self.message.with_user(user).write({name: value})
            with self.subTest(user=user.login, action="create"), self.assertRaises(AccessError):
                self.env["cusoft.whatsapp.message"].with_user(user).create(
                    {"conversation_id": self.conversation.id, "direction": "outbound", "body": "forged"}
                )
            with self.subTest(user=user.login, action="attach"), self.assertRaises(AccessError):
                self.env["ir.attachment"].with_user(user).create(
                    {"name": "forged.jpg", "raw": b"forged", "res_model": "cusoft.whatsapp.message", "res_id": self.message.id}
                )
        self.assertEqual((self.message.body, self.message.state, self.message.wamid), ("Hello", "received", "wamid.I1"))

    def test_a_message_file_cannot_be_replaced_by_users(self):
        attachment = self.env["ir.attachment"].create({
            "name": "photo.jpg", "raw": b"\xff\xd8\xff\xe0 photo", "res_model": "cusoft.whatsapp.message",
            "res_id": self.message.id, "company_id": self.company_a.id,
        })
        self.message.attachment_id = attachment
        self.assertEqual(attachment.with_user(self.a_user).raw, b"\xff\xd8\xff\xe0 photo", "users see the file")
        for user in (self.a_user, self.a_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                attachment.with_user(user).write({"raw": b"another picture"})
        self.assertEqual(attachment.raw, b"\xff\xd8\xff\xe0 photo")
