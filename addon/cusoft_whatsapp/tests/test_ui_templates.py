from odoo.tests import HttpCase, tagged

from .chat_helpers import REMINDER, ChatCase


@tagged("post_install", "-at_install")
class TestTemplatesUi(ChatCase, HttpCase):
    """Templates in Chromium, where agents need them: the inbox once the window has closed, and the
    phone field's WhatsApp button on a contact without a conversation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.sync_meta_templates({
            "id": "1300000000000050", "name": "reminder", "language": "en", "status": "APPROVED",
            "category": "UTILITY", "components": REMINDER,
        })
        cls.reminder = cls.env["cusoft.whatsapp.template"].search([("name", "=", "reminder")])
        cls.env["cusoft.whatsapp.template.field"].create([
            {"template_id": cls.reminder.id, "model": "res.partner", "variable_key": "body.1", "field_path": "name"},
            {"template_id": cls.reminder.id, "model": "res.partner", "variable_key": "body.2", "field_path": "ref"},
        ])

    def test_a_template_is_sent_from_the_inbox_once_the_window_has_closed(self):
        conversation = self.make_conversation(window_hours=-24)
        self.start_tour("/odoo/whatsapp", "cusoft_whatsapp_template_inbox_tour", login="wa_user")
        sent = self.Message.search([("conversation_id", "=", conversation.id), ("direction", "=", "outbound")])
        self.assertEqual(sent.mapped("body"), ["Hello Maria, your reference is R-9."], "sent once, with the values typed")
        self.assertEqual(sent.template_id, self.reminder)
        self.run_sends()
        # Opening the conversation also posted its read receipt to the same path.
        [post] = [post for post in self.posts() if post.get("type") == "template"]
        self.assertEqual(post["type"], "template")
        self.assertEqual(post["template"]["name"], "reminder")

    def test_the_phone_button_sends_a_template_to_a_contact_without_a_conversation(self):
        dana = self.env["res.partner"].create({"name": "Dana Ruiz", "mobile": "+1 650-253-0001", "ref": "C-12"})
        self.start_tour(f"/odoo/contacts/{dana.id}", "cusoft_whatsapp_phone_template_tour", login="wa_user")
        sent = self.Message.search([("direction", "=", "outbound"), ("template_id", "=", self.reminder.id)])
        self.assertEqual(sent.mapped("body"), ["Hello Dana Ruiz, your reference is C-12."])
        self.assertEqual(sent.conversation_id.wa_id, "16502530001", "to the number whose button was pressed")

    def test_the_phone_button_opens_the_conversation_when_there_is_one(self):
        conversation = self.make_conversation(wa_id="16502530002")
        maria = self.env["res.partner"].create({"name": "Maria", "mobile": "+1 650-253-0002"})
        self.start_tour(f"/odoo/contacts/{maria.id}", "cusoft_whatsapp_phone_chat_tour", login="wa_user")
        self.assertFalse(self.Message.search([("conversation_id", "=", conversation.id), ("direction", "=", "outbound")]),
                         "opening the chat sends nothing")
