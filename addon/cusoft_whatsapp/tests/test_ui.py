from odoo.tests import HttpCase, new_test_user, tagged

from .common import WhatsAppCase


@tagged("post_install", "-at_install")
class TestWhatsAppUi(WhatsAppCase, HttpCase):
    """Tours in Chromium: the esbuild bundle runs inside Odoo's web client without console error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account(name="Tour line")
        cls.account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})

    def test_overview_mounts_and_lists_the_number(self):
        self.start_tour("/odoo/action-cusoft_whatsapp.cusoft_whatsapp_home_action", "cusoft_whatsapp_home_tour", login="wa_user")

    def test_account_view_tests_the_connection(self):
        self.account.sudo().verified_name = "Example Trading SRL"
        self.start_tour(
            f"/odoo/action-cusoft_whatsapp.cusoft_whatsapp_account_action/{self.account.id}",
            "cusoft_whatsapp_account_tour",
            login="wa_admin",
        )
        self.assertEqual(self.account.state, "connected")
        self.assertEqual(self.account.quality_rating, "GREEN", "the fake Graph server's answer was stored")

    def test_connect_whatsapp_with_embedded_signup(self):
        self.company.cusoft_whatsapp_config_id = "1234567890123456"
        self.start_tour("/odoo/settings#cusoft_whatsapp", "cusoft_whatsapp_signup_tour", login="wa_admin")
        onboarding = self.env["cusoft.whatsapp.onboarding"].search([], limit=1)
        self.assertEqual(onboarding.status, "done")
        self.assertEqual(onboarding.user_id, self.wa_admin)
        self.assertEqual(onboarding.account_id.state, "connected")
        self.assertTrue(self.graph.requests_to("GET", "oauth/access_token"), "the fake SDK's code was exchanged")

    def test_an_admin_without_settings_rights_is_sent_to_the_numbers_list(self):
        other = self.env["res.company"].create({"name": "No numbers yet"})
        new_test_user(
            self.env, "wa_admin_nosettings", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_admin",
            company_id=other.id, company_ids=[other.id],
        )
        self.start_tour(
            "/odoo/action-cusoft_whatsapp.cusoft_whatsapp_home_action", "cusoft_whatsapp_connect_first_number_tour",
            login="wa_admin_nosettings",
        )
