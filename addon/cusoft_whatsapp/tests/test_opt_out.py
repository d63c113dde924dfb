from functools import partial
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import WhatsAppCase
from .privacy_helpers import DeliveryMixin
from .webhook_helpers import text_delivery as _text_delivery

# Real-looking numbers: with the phonenumbers library installed, Odoo's blacklist refuses the 555 range.
CUSTOMER = "16502530000"
OTHER = "16502530001"
text_delivery = partial(_text_delivery, wa_id=CUSTOMER)


def stop_button_delivery(wamid, wa_id=CUSTOMER):
    """The tap on the "Stop promotions" quick reply of a marketing template (contract §8.4 `button`)."""
    body = text_delivery(wamid, wa_id=wa_id)
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    del message["text"]
    message.update(type="button", button={"payload": "Stop promotions", "text": "Stop promotions"},
                   context={"from": "15550001234", "id": "wamid.MARKETING1"})
    return body


@tagged("post_install", "-at_install")
class TestOptOut(DeliveryMixin, WhatsAppCase, HttpCase):
    """STOP, BAJA or Meta's button put the customer on Odoo's phone blacklist; marketing is then refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()
        cls.account.sudo().write({"state": "connected"})
        cls.Marketing = cls.env["cusoft.whatsapp.marketing"]
        cls.Blacklist = cls.env["phone.blacklist"].sudo().with_context(active_test=False)

    def conversation(self, wa_id=CUSTOMER):
        return self.env["cusoft.whatsapp.conversation"].sudo().search([("wa_id", "=", wa_id)])

    def test_writing_stop_opts_out_and_marketing_templates_are_refused_with_a_reason(self):
        self.receive(text_delivery("wamid.S1", " stop! "), text_delivery("wamid.S2", "Please stop sending me offers", wa_id=OTHER))
        entry = self.Blacklist.search([("number", "=", f"+{CUSTOMER}")])
        self.assertTrue(entry.active)
        self.assertEqual(entry.cusoft_whatsapp_reason, "keyword")
        self.assertFalse(self.Blacklist.search([("number", "=", f"+{OTHER}")]), "a sentence with the word is a message, not an opt-out")
        with self.assertRaises(UserError) as refused:
            self.Marketing._check_marketing_allowed(self.conversation())
        self.assertIn("asked not to receive marketing messages", str(refused.exception))
        self.assertIn(f"+{CUSTOMER}", str(refused.exception))
        with self.assertRaises(UserError):
            self.Marketing._check_marketing_allowed(self.conversation().partner_id)
        self.assertTrue(self.Marketing._check_marketing_allowed(self.conversation(OTHER)))
        self.assertEqual(self.conversation().message_ids.body, " stop! ", "the message itself is kept like any other")
        audit = self.env["cusoft.whatsapp.audit"].sudo().search([("action", "=", "opt_out")])
        self.assertEqual(len(audit), 1)

    def test_a_contact_whose_phone_is_blacklisted_is_refused_before_any_conversation(self):
        partner = self.env["res.partner"].create({"name": "Sam", "phone": "+1 650 253 0007"})
        self.assertTrue(self.Marketing._check_marketing_allowed(partner))
        self.Blacklist._add(["+16502530007"])
        with self.assertRaises(UserError):
            self.Marketing._check_marketing_allowed(partner)

    def test_the_stop_promotions_button_opts_out(self):
        self.receive(stop_button_delivery("wamid.B1"))
        entry = self.Blacklist.search([("number", "=", f"+{CUSTOMER}")])
        self.assertEqual((entry.active, entry.cusoft_whatsapp_reason), (True, "button"))

    def test_the_keywords_are_a_setting(self):
        settings = self.env["res.config.settings"].with_user(self.wa_admin).create({"cusoft_whatsapp_opt_out_keywords": "ALTO, Unsubscribe"})
        settings.execute()
        self.receive(text_delivery("wamid.K1", "STOP"), text_delivery("wamid.K2", "alto", wa_id=OTHER))
        self.assertFalse(self.Blacklist.search([("number", "=", f"+{CUSTOMER}")]), "STOP is no longer a keyword here")
        self.assertEqual(self.Blacklist.search([("number", "=", f"+{OTHER}")]).cusoft_whatsapp_reason, "keyword")

    def test_opting_back_in_is_recorded(self):
        self.receive(text_delivery("wamid.Y1", "BAJA"))
        entry = self.Blacklist.search([("number", "=", f"+{CUSTOMER}")])
        self.assertTrue(entry.active)
        self.Blacklist.with_user(self.wa_admin)._remove([f"+{CUSTOMER}"], message="Called us to get offers again")
        self.assertFalse(entry.active)
        self.assertFalse(entry.cusoft_whatsapp_reason)
        self.assertTrue(self.Marketing._check_marketing_allowed(self.conversation()))
        opt_in = self.env["cusoft.whatsapp.audit"].sudo().search([("action", "=", "opt_in")])
        self.assertEqual((opt_in.user_id, opt_in.res_id), (self.wa_admin, entry.id))
        self.env.cr.precommit.run()  # the chatter's tracking, as at the end of the request
        self.assertIn("Called us to get offers again", "".join(entry.message_ids.mapped("body")))

    def test_a_stop_from_a_number_the_blacklist_refuses_is_still_stored(self):
        # The 555 range is fictional: with the phonenumbers library, Odoo's blacklist refuses it.
        with patch.object(type(self.Blacklist), "_add", side_effect=UserError("Invalid number +15550009876")), \
                mute_logger("odoo.addons.cusoft_whatsapp.models.cusoft_whatsapp_opt_out"):
            self.receive(_text_delivery("wamid.INV1", "STOP", wa_id="15550009876"))
        message = self.env["cusoft.whatsapp.message"].sudo().search([("wamid", "=", "wamid.INV1")])
        self.assertEqual(message.body, "STOP", "the customer's message is never lost to the opt-out")
        audit = self.env["cusoft.whatsapp.audit"].sudo().search([("action", "=", "opt_out")], limit=1)
        self.assertIn("refused the number", audit.description or audit.display_name or "")
