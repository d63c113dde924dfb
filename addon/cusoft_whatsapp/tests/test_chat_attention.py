from odoo.tests import HttpCase, tagged

from .chat_helpers import ChatCase

CHAT = "/cusoft_whatsapp/chat/"


@tagged("post_install", "-at_install")
class TestChatAttention(ChatCase, HttpCase):
    """What needs me (the systray's list and counter), and a contact's conversations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def rpc(self, route, **params):
        if not getattr(self, "_logged_in", False):
            self.authenticate("wa_user", "wa_user")
            self._logged_in = True
        return self.make_jsonrpc_request(CHAT + route, params)

    def attention(self):
        listed = [c["id"] for c in self.rpc("conversations", filter="attention")["conversations"]]
        count = self.rpc("counters")["attention"]
        self.assertEqual(count, len(listed), "the systray's counter and its list agree")
        return set(listed)

    def test_unread_conversations_of_mine_and_free_ones_of_my_numbers_need_me(self):
        mine = self.make_conversation(wa_id="15550000001", name="Mine")
        free = self.make_conversation(wa_id="15550000002", name="Free")
        colleagues = self.make_conversation(wa_id="15550000003", name="Colleague's")
        mine.user_id, colleagues.user_id = self.wa_user, self.colleague
        self.assertEqual(self.attention(), {mine.id}, "free conversations only count on numbers I am notified for")
        self.account.notify_user_ids = self.wa_user
        self.assertEqual(self.attention(), {mine.id, free.id})
        self.rpc("mark_read", conversation_id=free.id)
        self.assertEqual(self.attention(), {mine.id}, "reading a conversation takes it off the counter")
        self.receive(free, "One more thing")
        self.assertEqual(self.attention(), {mine.id, free.id}, "a new message puts it back")
        self.rpc("assign", conversation_id=free.id, action="assign", user_id=self.colleague.id)
        self.assertEqual(self.attention(), {mine.id}, "given to a colleague, it is theirs to answer")

    def test_a_contacts_conversations_include_its_peoples_and_its_smart_button_opens_them(self):
        company = self.env["res.partner"].create({"name": "Lopez Furniture", "is_company": True})
        maria = self.env["res.partner"].create({"name": "Maria Lopez", "parent_id": company.id})
        conversation = self.make_conversation()
        conversation.partner_id = maria
        self.make_conversation(wa_id="15550000009", name="Stranger")
        listed = self.rpc("conversations", partner_id=company.id)["conversations"]
        self.assertEqual([c["id"] for c in listed], [conversation.id])
        self.assertEqual(company.with_user(self.wa_user).cusoft_whatsapp_conversation_count, 1)
        action = maria.with_user(self.wa_user).action_cusoft_whatsapp_open()
        self.assertEqual((action["tag"], action["params"]), ("cusoft_whatsapp.inbox", {"conversation_id": conversation.id}))
        # Someone without WhatsApp rights sees no count (and no button: it is in the group's view).
        self.assertEqual(company.with_user(self.internal).cusoft_whatsapp_conversation_count, 0)
