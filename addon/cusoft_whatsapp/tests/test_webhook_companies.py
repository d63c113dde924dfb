import json

from odoo.tests import HttpCase, new_test_user, tagged

from .common import APP_SECRET, PHONE_NUMBER_ID, WABA_ID, WhatsAppCase
from .webhook_helpers import signed, text_delivery

B_SECRET = "company-b-own-app-secret-0123456789"
B_NUMBER, C_NUMBER = "110000000000002", "110000000000003"


@tagged("post_install", "-at_install")
class TestWebhookCompanies(WhatsAppCase, HttpCase):
    """Company A; B with its own Meta app; C sharing A's app (a Tech Provider serving two companies).
    A delivery only ever writes into numbers of the companies whose app signed it, and each company
    sees only its own part of a delivery."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.company_a = cls.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.company_c = cls.env["res.company"].create({"name": "Company C"})
        Secret = cls.env["cusoft.whatsapp.secret"]
        Secret._store(cls.company_b, "app_secret", B_SECRET)
        Secret._store(cls.company_c, "app_secret", APP_SECRET)  # the same Meta app as A
        cls.account_a = cls.make_account()
        cls.account_b = cls.make_account(name="B line", phone_number_id=B_NUMBER, waba_id="100000000000002", company_id=cls.company_b.id)
        cls.account_c = cls.make_account(name="C line", phone_number_id=C_NUMBER, waba_id="100000000000003", company_id=cls.company_c.id)
        groups = "base.group_user,base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin"
        cls.admin_a = new_test_user(cls.env, "admin_a", groups=groups, company_id=cls.company_a.id, company_ids=[cls.company_a.id])
        cls.admin_c = new_test_user(cls.env, "admin_c", groups=groups, company_id=cls.company_c.id, company_ids=[cls.company_c.id])
        cls.Event = cls.env["cusoft.whatsapp.webhook.event"].sudo()
        cls.Message = cls.env["cusoft.whatsapp.message"].sudo()

    @classmethod
    def make_account(cls, **vals):
        vals = {"name": "Sales line", "waba_id": WABA_ID, "phone_number_id": PHONE_NUMBER_ID, "token": "tok-" + vals.get("phone_number_id", "a"), **vals}
        return cls.env["cusoft.whatsapp.account"].sudo().create(vals)

    def post(self, body, secret):
        raw, headers = signed(body, secret)
        response = self.opener.post(self.base_url() + "/whatsapp/webhook", data=raw, headers=headers, timeout=30)
        self.assertEqual(response.status_code, 200)

    def visible_events(self, user):
        return self.env["cusoft.whatsapp.webhook.event"].with_user(user).search([])

    def test_a_delivery_for_bs_number_signed_with_as_secret_never_reaches_b(self):
        self.post(text_delivery("wamid.X1", "injected", phone_number_id=B_NUMBER), APP_SECRET)
        self.process_webhooks()
        self.assertFalse(self.Message.search([("wamid", "=", "wamid.X1")]), "nothing written into B")
        event = self.Event.search([])
        self.assertEqual(event.state, "error", "kept for a person, with the reason")
        self.assertIn("another company", event.error)
        self.assertNotEqual(event.company_id, self.company_b)

    def test_bs_own_secret_still_works_for_bs_number(self):
        self.post(text_delivery("wamid.B1", "hello B", phone_number_id=B_NUMBER), B_SECRET)
        self.process_webhooks()
        message = self.Message.search([("wamid", "=", "wamid.B1")])
        self.assertEqual(message.company_id, self.company_b)

    def test_a_shared_app_files_each_delivery_under_the_company_of_its_number(self):
        self.post(text_delivery("wamid.C1", "hello C", phone_number_id=C_NUMBER), APP_SECRET)
        event = self.Event.search([])
        self.assertEqual(event.signer_company_ids, self.company_a | self.company_c)
        self.process_webhooks()
        self.assertEqual(self.Message.search([("wamid", "=", "wamid.C1")]).company_id, self.company_c)
        self.assertEqual(event.company_id, self.company_c)
        self.assertEqual(self.visible_events(self.admin_c), event, "C's admin sees its delivery")
        self.assertFalse(self.visible_events(self.admin_a), "A's admin does not read C's messages")

    def test_one_delivery_touching_a_and_c_is_split_and_each_sees_only_its_part(self):
        body = text_delivery("wamid.A2", "for A")
        other = text_delivery("wamid.C2", "for C", phone_number_id=C_NUMBER)
        body["entry"][0]["changes"] += other["entry"][0]["changes"]
        self.post(body, APP_SECRET)
        self.process_webhooks()
        self.assertEqual(self.Message.search([("wamid", "=", "wamid.A2")]).company_id, self.company_a)
        self.assertEqual(self.Message.search([("wamid", "=", "wamid.C2")]).company_id, self.company_c)
        seen_by_a, seen_by_c = self.visible_events(self.admin_a), self.visible_events(self.admin_c)
        self.assertEqual((len(seen_by_a), len(seen_by_c)), (1, 1))
        self.assertIn("for A", seen_by_a.raw_body)
        self.assertNotIn("for C", seen_by_a.raw_body)
        self.assertIn("for C", seen_by_c.raw_body)
        self.assertNotIn("for A", seen_by_c.raw_body)
        self.assertEqual(set(self.Event.search([]).mapped("state")), {"done"})

    def test_a_template_update_signed_by_a_never_rejects_bs_template(self):
        template = self.env["cusoft.whatsapp.template"].sudo().create({
            "account_id": self.account_b.id, "meta_id": "1300000000000009", "name": "b_offer", "language": "en_US",
            "status": "APPROVED",
        })
        body = {"object": "whatsapp_business_account", "entry": [{"id": self.account_b.waba_id, "time": 1793000000, "changes": [{
            "field": "message_template_status_update",
            "value": {"event": "REJECTED", "message_template_id": 1300000000000009, "message_template_name": "b_offer",
                      "message_template_language": "en_US", "reason": "ABUSIVE_CONTENT"}}]}]}
        self.post(body, APP_SECRET)
        self.process_webhooks()
        self.assertEqual(template.status, "APPROVED")
        self.post(body, B_SECRET)
        self.process_webhooks()
        self.assertEqual(template.status, "REJECTED", "B's own app may")

    def test_one_company_with_an_unreadable_secret_does_not_break_the_others(self):
        secret = self.env["cusoft.whatsapp.secret"].sudo().search([("res_model", "=", "res.company"), ("res_id", "=", self.company_b.id)])
        secret.ciphertext = "gAAAAA-not-a-valid-token"
        self.env.registry.clear_cache()
        self.post(text_delivery("wamid.OK1", "still fine"), APP_SECRET)
        self.process_webhooks()
        self.assertTrue(self.Message.search([("wamid", "=", "wamid.OK1")]))
        raw, headers = signed(json.dumps(text_delivery("wamid.B9", phone_number_id=B_NUMBER)).encode(), B_SECRET)
        refused = self.opener.post(self.base_url() + "/whatsapp/webhook", data=raw, headers=headers, timeout=30)
        self.assertEqual(refused.status_code, 403, "B's deliveries cannot be verified until its secret is saved again")

    def test_a_delivery_for_an_unknown_number_is_visible_only_to_the_companies_that_signed_it(self):
        admin_b = new_test_user(self.env, "admin_b", company_id=self.company_b.id, company_ids=[self.company_b.id],
                                groups="base.group_user,base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin")
        self.post(text_delivery("wamid.U1", phone_number_id="110000000000777"), APP_SECRET)
        self.process_webhooks()
        event = self.Event.search([])
        self.assertEqual(event.state, "retry")
        self.assertFalse(event.company_id)
        self.assertEqual(self.visible_events(self.admin_a), event)
        self.assertEqual(self.visible_events(self.admin_c), event, "C shares the app that signed it")
        self.assertFalse(self.visible_events(admin_b), "B's app did not sign it")
