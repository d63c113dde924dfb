from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..graph_server import PHONE_NUMBER_ID
from ..hooks import _refuse_real_numbers


@tagged("post_install", "-at_install")
class TestInstallRefusal(TransactionCase):
    """The sandbox answers in Meta's place: never on a database where a real number is connected."""

    def make(self, phone_number_id, state):
        return self.env["cusoft.whatsapp.account"].sudo().create({
            "name": f"Line {phone_number_id}", "waba_id": "123456789012345", "phone_number_id": phone_number_id,
        }).write({"state": state}) or self.env["cusoft.whatsapp.account"].sudo().search([("phone_number_id", "=", phone_number_id)])

    def test_a_real_connected_number_refuses_the_install(self):
        self.make("987654321098765", "connected")
        with self.assertRaisesRegex(UserError, "real connected WhatsApp numbers \\(Line 987654321098765\\)"):
            _refuse_real_numbers(self.env)

    def test_a_real_number_in_error_refuses_it_too(self):
        self.make("987654321098767", "error")
        with self.assertRaisesRegex(UserError, "Line 987654321098767"):
            _refuse_real_numbers(self.env)

    def test_sandbox_numbers_and_numbers_not_connected_do_not(self):
        self.make(PHONE_NUMBER_ID, "connected")
        self.make("987654321098765", "disconnected")
        self.make("987654321098766", "draft")
        self.assertIsNone(_refuse_real_numbers(self.env))

    def test_odoo_runs_the_check_before_installing(self):
        """Odoo calls the manifest's pre_init_hook by name on the package before writing anything."""
        import odoo.addons.cusoft_whatsapp_sandbox as package
        from odoo.modules.module import get_manifest

        hook = get_manifest("cusoft_whatsapp_sandbox")["pre_init_hook"]
        self.assertIs(getattr(package, hook), _refuse_real_numbers)
