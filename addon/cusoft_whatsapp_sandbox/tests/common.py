import secrets

from odoo.tests import new_test_user

from odoo.addons.cusoft_whatsapp.tests.common import WebhookProcessingCase, WhatsAppKeyCase

from ..graph_server import PHONE_NUMBER_ID, SECOND_PHONE_NUMBER_ID, TOKEN_PREFIX, WABA_ID, graph_server


class SandboxCase(WhatsAppKeyCase, WebhookProcessingCase):
    """The sandbox as installed, with the tests' own encryption key (mix into an HttpCase)."""

    @classmethod
    def setup_sandbox(cls):
        cls.use_test_key()
        cls.wa_admin = new_test_user(
            cls.env, "sbx_admin", groups="base.group_user,base.group_system,cusoft_whatsapp.group_cusoft_whatsapp_admin",
        )
        cls.wa_user = new_test_user(cls.env, "sbx_user", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_user")
        cls.company = cls.env.company
        # Installed under the server's key; the tests' key cannot read that secret: a new one.
        cls.env["cusoft.whatsapp.secret"]._store(cls.company, "app_secret", "sandbox-" + secrets.token_hex(8))
        cls.company._cusoft_whatsapp_sandbox_configure()
        cls.graph = graph_server()

    @classmethod
    def make_number(cls, phone_number_id=PHONE_NUMBER_ID):
        """A number connected through the sandbox, as Connect WhatsApp leaves it."""
        Account = cls.env["cusoft.whatsapp.account"].sudo().with_context(active_test=False)
        account = Account.search([("phone_number_id", "=", phone_number_id)])
        account = account or Account.create({"name": "Sandbox line", "waba_id": WABA_ID, "phone_number_id": phone_number_id})
        account.write({"active": True, "token": f"{TOKEN_PREFIX}-test-{secrets.token_hex(4)}"})
        account._test_connection()
        return account


__all__ = ["PHONE_NUMBER_ID", "SECOND_PHONE_NUMBER_ID", "SandboxCase"]
