import json
from unittest.mock import patch

import odoo
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .chat_helpers import PNG, ChatCase

LIST = "/cusoft_whatsapp/chat/conversations"


@tagged("post_install", "-at_install")
class TestChatRoutes(ChatCase, HttpCase):
    """The routes of the chat client: what each user gets, and the 403 everyone else gets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()

    def setUp(self):
        super().setUp()
        self.graph.reset()
        self.conversation = self.make_conversation()

    def rpc(self, login, route, **params):
        """(HTTP status, result or error) of a JSON-RPC call; login None calls without a session."""
        if login:
            self.authenticate(login, login)
        else:
            self.authenticate(None, None)
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "call", "params": params})
        with mute_logger("odoo.http"):
            response = self.url_open(route, data=body, headers={"Content-Type": "application/json"})
        answer = response.json()
        return response.status_code, answer.get("result", answer.get("error"))

    def ok(self, login, route, **params):
        status, result = self.rpc(login, route, **params)
        self.assertEqual(status, 200, result)
        self.assertNotIn("data", result or {}, result)
        return result

    def refused(self, login, route, **params):
        status, error = self.rpc(login, route, **params)
        self.assertEqual(status, 403, error)
        self.assertEqual(error["data"]["name"], "odoo.exceptions.AccessError")

    # ------------------------------------------------------------ access

    def test_every_route_refuses_portal_public_other_internal_users_and_other_companies(self):
        message = self.conversation.last_message_id
        calls = [
            (LIST, {}),
            ("/cusoft_whatsapp/chat/messages", {"conversation_id": self.conversation.id}),
            ("/cusoft_whatsapp/chat/mark_read", {"conversation_id": self.conversation.id}),
            ("/cusoft_whatsapp/chat/send", {"conversation_id": self.conversation.id, "client_id": "route-0001",
                                            "body": "Hi"}),
            ("/cusoft_whatsapp/chat/retry", {"message_id": message.id}),
            ("/cusoft_whatsapp/chat/typing", {"conversation_id": self.conversation.id}),
            ("/cusoft_whatsapp/chat/assign", {"conversation_id": self.conversation.id, "action": "claim"}),
            ("/cusoft_whatsapp/chat/colleagues", {"conversation_id": self.conversation.id}),
            ("/cusoft_whatsapp/chat/create_contact", {"conversation_id": self.conversation.id}),
        ]
        for login in ("portal_user", None, "internal_user"):
            for route, params in calls:
                with self.subTest(login=login, route=route):
                    self.refused(login, route, **params)
        for route, params in calls[1:]:
            with self.subTest(login="wa_other", route=route):
                self.refused("wa_other", route, **params)
        self.assertEqual(self.ok("wa_other", LIST)["conversations"], [], "another company's inbox is empty")
        self.assertFalse(self.Message.search([("client_id", "=", "route-0001")]))
        self.assertFalse(self.conversation.user_id)

    # ------------------------------------------------------------ inbox

    def test_the_inbox_lists_pages_filters_and_searches(self):
        ana = self.make_conversation(wa_id="15550001111", name="Ana Lopez", body="Where is invoice 77?")
        self.receive(ana, "Also a refund")
        page = self.ok("wa_user", LIST, limit=1)
        [first] = page["conversations"]
        self.assertEqual(first["id"], ana.id, "newest first")
        self.assertEqual(first["unread_count"], 2)
        self.assertEqual(first["phone"], "+15550001111")
        self.assertEqual(first["last_message"]["preview"], "Also a refund")
        self.assertIsNone(first["assignee"])
        self.assertTrue(page["next_cursor"])
        second = self.ok("wa_user", LIST, limit=1, cursor=page["next_cursor"])
        self.assertEqual([c["id"] for c in second["conversations"]], [self.conversation.id])
        self.assertIsNone(second["next_cursor"])

        def ids(**params):
            return [c["id"] for c in self.ok("wa_user", LIST, **params)["conversations"]]

        self.assertEqual(ids(search="invoice 77"), [ana.id], "message text")
        self.assertEqual(ids(search="maria"), [self.conversation.id], "name")
        self.assertEqual(ids(search="+1 555 000 1111"), [ana.id], "number, typed any way")
        self.ok("wa_user", "/cusoft_whatsapp/chat/mark_read", conversation_id=ana.id)
        self.assertEqual(ids(filter="unread"), [self.conversation.id])
        self.assertEqual(self.ok("wa_colleague", LIST, filter="unread", limit=5)["conversations"][0]["unread_count"], 2)
        self.ok("wa_user", "/cusoft_whatsapp/chat/assign", conversation_id=ana.id, action="claim")
        self.assertEqual(ids(filter="mine"), [ana.id])
        self.assertEqual(ids(filter="unassigned"), [self.conversation.id])
        self.assertEqual(ids(account_id=self.account.id, ids=[ana.id]), [ana.id])

    def test_a_thread_pages_by_message_id(self):
        for index in range(9):
            self.receive(self.conversation, f"Message {index}")
        everything = self.conversation.message_ids.sorted("id").ids
        newest = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id, limit=4)
        self.assertEqual([m["id"] for m in newest["messages"]], everything[-4:])
        self.assertEqual((newest["has_older"], newest["has_newer"]), (True, False))
        older = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id, limit=4,
                        before=everything[-4])
        self.assertEqual([m["id"] for m in older["messages"]], everything[-8:-4])
        around = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id, limit=4,
                         around=everything[2])
        self.assertIn(everything[2], [m["id"] for m in around["messages"]])
        self.assertEqual((around["has_older"], around["has_newer"]), (True, True))
        after = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id, limit=50,
                        after=everything[-2])
        self.assertEqual([m["id"] for m in after["messages"]], everything[-1:])

    # ------------------------------------------------------------ sending

    def test_send_is_idempotent_and_answers_the_queued_message(self):
        params = {"conversation_id": self.conversation.id, "client_id": "route-send-1", "body": "On my way"}
        first = self.ok("wa_user", "/cusoft_whatsapp/chat/send", **params)["message"]
        again = self.ok("wa_user", "/cusoft_whatsapp/chat/send", **params)["message"]
        self.assertEqual(first["id"], again["id"])
        self.assertEqual((first["state"], first["direction"], first["client_id"]), ("queued", "outbound", "route-send-1"))
        self.assertEqual(first["author"]["id"], self.wa_user.id)
        self.run_sends()
        page = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id,
                       ids=[first["id"]])
        self.assertEqual(page["messages"][0]["state"], "sent")
        self.assertEqual(len(self.posts()), 1)

    def test_two_tabs_sending_at_the_same_instant_get_one_message(self):
        # Both requests miss each other in their lookup; the second one's insert then hits the unique
        # send id and answers the message the first one committed.
        as_user = self.conversation.with_user(self.wa_user)
        first = as_user.send_text("Same instant", client_id="race-tab-0001")
        Message = type(self.env["cusoft.whatsapp.message"])
        real_search = Message.search
        missed = []

        def blind_search(records, domain, *args, **kwargs):
            if any(isinstance(leaf, (list, tuple)) and leaf[0] == "client_id" for leaf in domain):
                missed.append(domain)
                return records.browse()
            return real_search(records, domain, *args, **kwargs)

        with patch.object(Message, "search", blind_search), mute_logger("odoo.sql_db"):
            second = as_user.send_text("Same instant", client_id="race-tab-0001")
        self.assertTrue(missed, "the lookup was bypassed: the database constraint decided")
        self.assertEqual(second, first)
        self.assertEqual(self.Message.search_count([("client_id", "=", "race-tab-0001")]), 1)

    def test_refusals_come_back_as_clear_errors(self):
        self.conversation.window_expires_at = "2020-01-01 00:00:00"
        status, error = self.rpc("wa_user", "/cusoft_whatsapp/chat/send", conversation_id=self.conversation.id,
                                 client_id="route-send-2", body="Late")
        self.assertEqual(status, 200)
        self.assertEqual(error["data"]["name"], "odoo.exceptions.UserError")
        self.assertIn("template", error["data"]["message"])

    def test_a_reaction_travels_on_its_target(self):
        target = self.conversation.last_message_id
        answer = self.ok("wa_user", "/cusoft_whatsapp/chat/send", conversation_id=self.conversation.id,
                         client_id="route-react-1", kind="reaction", message_id=target.id, emoji="❤️")
        self.assertEqual(answer["message"]["type"], "reaction")
        page = self.ok("wa_user", "/cusoft_whatsapp/chat/messages", conversation_id=self.conversation.id,
                       ids=[answer["message"]["id"]])
        self.assertEqual(page["messages"][0]["id"], target.id)
        self.assertEqual(page["messages"][0]["reactions"], [{"emoji": "❤️", "direction": "outbound"}])

    def test_a_failed_message_is_retried_from_the_route(self):
        message = self.Message.browse(self.conversation.with_user(self.wa_user).send_text("x", client_id="route-retry1"))
        message.write({"state": "failed", "error_kind": "meta", "error_code": 131000})
        answer = self.ok("wa_user", "/cusoft_whatsapp/chat/retry", message_id=message.id)
        self.assertEqual((answer["message"]["state"], answer["message"]["error"]), ("queued", None))

    def test_mark_read_answers_the_new_counter(self):
        self.receive(self.conversation, "More")
        answer = self.ok("wa_user", "/cusoft_whatsapp/chat/mark_read", conversation_id=self.conversation.id)
        self.assertEqual(answer["unread_count"], 0)
        self.assertEqual(answer["last_read_message_id"], self.conversation.last_message_id.id)

    def test_assignment_routes_and_colleagues(self):
        colleagues = self.ok("wa_user", "/cusoft_whatsapp/chat/colleagues", conversation_id=self.conversation.id)
        names = {u["id"] for u in colleagues["users"]}
        self.assertIn(self.colleague.id, names)
        self.assertNotIn(self.other_user.id, names)
        self.assertNotIn(self.internal.id, names)
        answer = self.ok("wa_user", "/cusoft_whatsapp/chat/assign", conversation_id=self.conversation.id,
                         action="assign", user_id=self.colleague.id)
        self.assertEqual(answer["conversation"]["assignee"]["id"], self.colleague.id)
        status, error = self.rpc("wa_user", "/cusoft_whatsapp/chat/assign", conversation_id=self.conversation.id,
                                 action="assign", user_id=self.other_user.id)
        self.assertIn("not a WhatsApp user", error["data"]["message"])
        self.ok("wa_colleague", "/cusoft_whatsapp/chat/assign", conversation_id=self.conversation.id, action="release")
        self.assertFalse(self.conversation.user_id)

    # ------------------------------------------------------------ contacts

    def test_create_contact_links_the_companys_contact_or_creates_one(self):
        CREATE = "/cusoft_whatsapp/chat/create_contact"
        Conversation = self.env["cusoft.whatsapp.conversation"].sudo()
        pedro = Conversation.create({"account_id": self.account.id, "bsuid": "US.1000000000000000001",
                                     "username": "pedro.ws"})
        self.receive(pedro, "Hola")
        self.refused("wa_user", CREATE, conversation_id=pedro.id)  # no Contact Creation right, as Odoo's rule
        self.assertFalse(pedro.partner_id)
        self.wa_user.groups_id += self.env.ref("base.group_partner_manager")
        answer = self.ok("wa_user", CREATE, conversation_id=pedro.id)["conversation"]
        self.assertEqual(pedro.partner_id.name, "pedro.ws", "a customer known by username only gets a contact")
        self.assertEqual(pedro.partner_id.cusoft_whatsapp_bsuid, "US.1000000000000000001")
        self.assertEqual(pedro.partner_id.company_id, self.account.company_id, "the contact is the company's")
        self.assertEqual(answer["partner_id"], pedro.partner_id.id)
        self.assertEqual(self.ok("wa_user", CREATE, conversation_id=pedro.id)["conversation"]["partner_id"],
                         pedro.partner_id.id, "pressed twice: still one contact")

        # Another company's contact with the number stays out of sight; this company's is linked, not copied.
        self.env["res.partner"].create({"name": "Other's Ana", "phone": "+1 650-253-0009",
                                        "company_id": self.other_company.id})
        mine = self.env["res.partner"].create({"name": "Ana Ruiz", "phone": "+1 650-253-0009",
                                               "company_id": self.account.company_id.id})
        ana = Conversation.create({"account_id": self.account.id, "wa_id": "16502530009", "profile_name": "Ana"})
        self.receive(ana, "Hi")
        self.ok("wa_user", CREATE, conversation_id=ana.id)
        self.assertEqual(ana.partner_id, mine)

        self.refused("wa_other", CREATE, conversation_id=ana.id)

    # ------------------------------------------------------------ files

    def upload(self, login, content, name):
        self.authenticate(login, login)
        with mute_logger("odoo.http"):
            return self.url_open("/cusoft_whatsapp/chat/attachment", data={
                "csrf_token": odoo.http.Request.csrf_token(self), "conversation_id": self.conversation.id,
            }, files={"ufile": (name, content)})

    def test_files_are_uploaded_checked_sent_and_downloaded_with_access_rules(self):
        refused = self.upload("wa_user", b"MZ\x90\x00" + b"\x00" * 64, "tool.exe")
        self.assertEqual(refused.status_code, 400)
        self.assertIn("does not accept", refused.json()["error"])
        self.assertEqual(self.upload("portal_user", PNG, "a.png").status_code, 403)
        self.assertEqual(self.upload("wa_other", PNG, "a.png").status_code, 403)
        uploaded = self.upload("wa_user", PNG, "photo.png").json()
        self.assertEqual((uploaded["kind"], uploaded["mime_type"]), ("image", "image/png"))
        sent = self.ok("wa_user", "/cusoft_whatsapp/chat/send", conversation_id=self.conversation.id,
                       client_id="route-media-1", kind="media", attachment_id=uploaded["id"], caption="Here")
        url = sent["message"]["media"]["url"]
        self.run_sends()
        self.assertEqual(self.Message.browse(sent["message"]["id"]).state, "sent")
        self.authenticate("wa_user", "wa_user")
        response = self.url_open(url)
        self.assertEqual((response.status_code, response.content), (200, PNG))
        for login in ("wa_other", "portal_user", "internal_user", None):
            with self.subTest(login=login):
                self.authenticate(login, login)
                with mute_logger("odoo.http"):
                    self.assertEqual(self.url_open(url, allow_redirects=False).status_code, 403)
        inbound = self.receive(self.conversation, "Photo", msg_type="image")
        inbound.write({"media_state": "pending", "media_mime_type": "image/png"})
        self.authenticate("wa_user", "wa_user")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(f"/cusoft_whatsapp/chat/media/{inbound.id}").status_code, 404,
                             "still downloading from Meta")
        inbound.attachment_id = self.env["ir.attachment"].create({
            "name": "photo.png", "raw": PNG, "res_model": inbound._name, "res_id": inbound.id,
        })
        inbound.media_state = "done"
        response = self.url_open(f"/cusoft_whatsapp/chat/media/{inbound.id}?download=1")
        self.assertEqual((response.status_code, response.content), (200, PNG))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        stranger = self.env["ir.attachment"].create({"name": "secret.png", "raw": PNG})
        status, error = self.rpc("wa_user", "/cusoft_whatsapp/chat/send", conversation_id=self.conversation.id,
                                 client_id="route-media-2", kind="media", attachment_id=stranger.id)
        self.assertIn("Upload the file", error["data"]["message"])
