from odoo.tests import HttpCase, tagged

from .common import WhatsAppCase


@tagged("post_install", "-at_install")
class TestEssentialCookies(WhatsAppCase, HttpCase):
    """No third-party script, pixel or cookie on WhatsApp's pages before Connect WhatsApp is pressed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account(name="Tour line")
        cls.account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        cls.company.cusoft_whatsapp_config_id = "1234567890123456"

    def test_settings_load_nothing_of_meta_until_connect_is_pressed(self):
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_essential_cookies_settings_tour", login="wa_admin")
        self.assertTrue(self.env["cusoft.whatsapp.onboarding"].search([]), "the click started a connection")

    def test_the_overview_loads_nothing_of_meta(self):
        self.start_tour(
            "/odoo/action-cusoft_whatsapp.cusoft_whatsapp_home_action", "cusoft_whatsapp_essential_cookies_home_tour", login="wa_user",
        )
