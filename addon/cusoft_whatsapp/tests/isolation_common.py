from odoo.tests import new_test_user

from ..webhook import parse_delivery
from .common import WABA_ID, WhatsAppKeyCase
from .webhook_helpers import text_delivery

A_NUMBER_ID = "110000000000011"
B_NUMBER_ID = "110000000000022"
C_NUMBER_ID = "110000000000033"
USER = "base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_user"
ADMIN = "base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_admin"


class ThreeCompanies(WhatsAppKeyCase):
    """Companies A, B and C, each with one number, and users who work for one company only
    (mix into a test case and call setup_companies from setUpClass)."""

    @classmethod
    def setup_companies(cls):
        cls.use_test_key()
        Company = cls.env["res.company"]
        cls.company_a = cls.env.company
        cls.company_b = Company.create({"name": "Company B"})
        cls.company_c = Company.create({"name": "Company C"})
        Account = cls.env["cusoft.whatsapp.account"]
        cls.account_a, cls.account_b, cls.account_c = (
            Account.create({"name": f"Line {letter}", "waba_id": WABA_ID, "phone_number_id": number_id,
                            "company_id": company.id})
            for letter, number_id, company in (
                ("A", A_NUMBER_ID, cls.company_a), ("B", B_NUMBER_ID, cls.company_b), ("C", C_NUMBER_ID, cls.company_c),
            )
        )
        cls.a_user = cls.restricted_user("a_wa_user", USER, cls.company_a)
        cls.a_admin = cls.restricted_user("a_wa_admin", ADMIN, cls.company_a)
        cls.b_user = cls.restricted_user("b_wa_user", USER, cls.company_b)
        cls.b_admin = cls.restricted_user("b_wa_admin", ADMIN, cls.company_b)

    @classmethod
    def restricted_user(cls, login, groups, company):
        return new_test_user(cls.env, login, groups=groups, company_id=company.id, company_ids=[company.id])

    def inbound(self, account, wamid, **kwargs):
        """Stores one inbound text for `account` as the webhook does; returns the stored message."""
        parsed = parse_delivery(text_delivery(wamid, phone_number_id=account.phone_number_id, **kwargs))
        return self.env["cusoft.whatsapp.message"].sudo()._store_inbound(account, parsed.messages[0])
