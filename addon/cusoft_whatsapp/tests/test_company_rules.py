from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import TOKEN
from .isolation_common import ThreeCompanies

MESSAGE = "cusoft.whatsapp.message"


@tagged("post_install", "-at_install")
class TestCompanyRules(ThreeCompanies, TransactionCase):
    """Every model of the addon, seen by users who work for company B only: B's rows, never A's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_companies()
        cls.system_b = cls.restricted_user("b_settings_admin", "base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin",
                                           cls.company_b)

    def assert_b_sees_only_b(self, model, a_record, b_record, users=None):
        for user in users or (self.b_admin,):
            Model = self.env[model].with_user(user)
            with self.subTest(model=model, user=user.login):
                found = Model.search([("id", "in", (a_record | b_record).ids)])
                self.assertEqual(found, b_record.with_user(user))
                self.assertEqual([row["id"] for row in b_record.with_user(user).read(["id"])], b_record.ids)
                with self.assertRaises(AccessError):
                    a_record.with_user(user).read(["id"])

    def per_company(self, make):
        return make(self.account_a), make(self.account_b)

    def test_numbers(self):
        self.assert_b_sees_only_b("cusoft.whatsapp.account", self.account_a, self.account_b, (self.b_admin, self.b_user))

    def test_templates(self):
        a, b = self.per_company(lambda account: self.env["cusoft.whatsapp.template"].create({
            "account_id": account.id, "meta_id": f"13{account.id}", "name": "order_update", "language": "en_US",
        }))
        self.assert_b_sees_only_b("cusoft.whatsapp.template", a, b, (self.b_admin, self.b_user))

    def test_conversations_and_messages(self):
        a = self.inbound(self.account_a, "wamid.RA")
        b = self.inbound(self.account_b, "wamid.RB")
        self.assert_b_sees_only_b("cusoft.whatsapp.conversation", a.conversation_id, b.conversation_id, (self.b_admin, self.b_user))
        self.assert_b_sees_only_b(MESSAGE, a, b, (self.b_admin, self.b_user))

    def test_statuses_waiting_for_their_message(self):
        Status = self.env["cusoft.whatsapp.message.status"]
        a, b = self.per_company(lambda account: Status.create({"account_id": account.id, "wamid": f"wamid.S{account.id}",
                                                               "status": "delivered"}))
        self.assert_b_sees_only_b("cusoft.whatsapp.message.status", a, b)

    def test_connection_history_and_its_steps(self):
        Onboarding = self.env["cusoft.whatsapp.onboarding"]
        a, b = (
            Onboarding.create({"state_token_hash": f"hash-{company.id}", "expires_at": "2030-01-01 00:00:00",
                               "company_id": company.id, "step_ids": [(0, 0, {"key": "exchange_code"})],
                               "phone_number_id": account.phone_number_id})
            for company, account in ((self.company_a, self.account_a), (self.company_b, self.account_b))
        )
        self.assert_b_sees_only_b("cusoft.whatsapp.onboarding", a, b)
        self.assert_b_sees_only_b("cusoft.whatsapp.onboarding.step", a.step_ids, b.step_ids)

    def test_webhook_deliveries(self):
        Event = self.env["cusoft.whatsapp.webhook.event"]
        a, b = (Event.create({"raw_body": f'{{"company": {company.id}}}', "company_id": company.id})
                for company in (self.company_a, self.company_b))
        orphan = Event.create({"raw_body": '{"text": "a customer wrote this"}', "company_id": False})
        # Not yet filed under the company of its number: seen by the companies whose app signed it only.
        signed_by_a = Event.create({"raw_body": '{"text": "for A or C"}', "company_id": False,
                                    "signer_company_ids": [(6, 0, (self.company_a | self.company_c).ids)]})
        signed_by_b = Event.create({"raw_body": '{"text": "for B"}', "company_id": False,
                                    "signer_company_ids": [(6, 0, self.company_b.ids)]})
        self.assert_b_sees_only_b("cusoft.whatsapp.webhook.event", a | orphan | signed_by_a, b | signed_by_b)

    def test_api_log(self):
        Log = self.env["cusoft.whatsapp.api.log"]
        a, b = self.per_company(lambda account: Log.create({"account_id": account.id, "company_id": account.company_id.id,
                                                            "method": "GET", "endpoint": "/v25.0/x"}))
        orphan = Log.create({"method": "GET", "endpoint": "/v25.0/y", "company_id": False})
        self.assert_b_sees_only_b("cusoft.whatsapp.api.log", a | orphan, b)

    def test_message_files(self):
        a, b = (self.inbound(account, f"wamid.FILE{account.id}") for account in (self.account_a, self.account_b))
        Attachment = self.env["ir.attachment"]
        files = {
            message: Attachment.create({"name": "photo.jpg", "raw": b"\xff\xd8\xff\xe0 photo", "res_model": MESSAGE,
                                        "res_id": message.id, "company_id": message.company_id.id})
            for message in (a, b)
        }
        for user in (self.b_user, self.b_admin):
            with self.subTest(user=user.login):
                visible = Attachment.with_user(user).search([("res_model", "=", MESSAGE)])
                self.assertIn(files[b], visible)
                self.assertNotIn(files[a], visible)
                with self.assertRaises(AccessError):
                    files[a].with_user(user).read(["raw"])

    def test_secrets_are_out_of_every_users_reach(self):
        self.account_a.token = TOKEN
        self.account_b.token = TOKEN
        Secret = self.env["cusoft.whatsapp.secret"]
        secrets = Secret.search([("res_model", "=", "cusoft.whatsapp.account")])
        self.assertEqual(set(secrets.mapped("company_id")), {self.company_a, self.company_b}, "each secret knows its company")
        for user in (self.b_admin, self.system_b):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    Secret.with_user(user).search([])
                with self.assertRaises(AccessError):
                    secrets.with_user(user).read(["ciphertext"])

    def test_refused_request_counters_are_for_settings_administrators(self):
        # They belong to no company (nobody signed them): the database's operator reads them.
        Rejection = self.env["cusoft.whatsapp.webhook.rejection"]
        Rejection.create({"hour": "2026-12-01 10:00:00", "reason": "signature", "count": 3})
        for user in (self.b_admin, self.a_admin, self.b_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Rejection.with_user(user).search([])
        self.assertEqual(Rejection.with_user(self.system_b).search([]).mapped("reason"), ["signature"])
