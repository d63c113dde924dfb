from odoo.tests import HttpCase, tagged

from .chat_helpers import ChatCase


@tagged("post_install", "-at_install")
class TestEverywhereUi(ChatCase, HttpCase):
    """The chat where users already are, in Chromium: Discuss's WhatsApp category and main area."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def setUp(self):
        super().setUp()
        self.conversation = self.make_conversation()
        self.conversation.user_id = self.wa_user

    def test_a_conversation_opens_in_discuss_and_is_answered(self):
        self.start_tour("/odoo/discuss", "cusoft_whatsapp_discuss_tour", login="wa_user")
        answer = self.conversation.message_ids.filtered(lambda m: m.direction == "outbound")
        self.assertEqual(answer.mapped("body"), ["On my way"], "the answer was sent from Discuss, once")
        self.assertEqual(answer.create_uid, self.wa_user)

    def test_a_reload_or_a_shared_link_reopens_the_conversation(self):
        self.start_tour(
            f"/odoo/discuss?active_id=cusoft_whatsapp.conversation_{self.conversation.id}",
            "cusoft_whatsapp_discuss_restore_tour", login="wa_user",
        )
