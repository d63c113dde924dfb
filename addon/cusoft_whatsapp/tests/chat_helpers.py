import copy
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from .common import PHONE_NUMBER_ID, WhatsAppCase
from .fake_graph import data as fake_data

CUSTOMER = "15550009876"
MESSAGES_PATH = f"{PHONE_NUMBER_ID}/messages"
MEDIA_PATH = f"{PHONE_NUMBER_ID}/media"
# An approved-template body with two positional variables, e.g. mapped to a contact's name and reference.
REMINDER = [{"type": "BODY", "text": "Hello {{1}}, your reference is {{2}}.", "example": {"body_text": [["Dana", "R1"]]}}]
# The smallest valid PNG: Odoo recognises its type from the bytes, as it would a real upload.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


class ChatCase(WhatsAppCase):
    """A connected number, a customer who wrote an hour ago, and WhatsApp users of two companies."""

    @classmethod
    def setup_chat(cls):
        cls.setup_whatsapp()
        cls.start_fake_graph()
        cls.account = cls.make_account()
        cls.account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        cls.colleague = new_test_user(
            cls.env, "wa_colleague", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_user",
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Trading"})
        cls.other_user = new_test_user(
            cls.env, "wa_other", groups="base.group_user,cusoft_whatsapp.group_cusoft_whatsapp_user",
            company_id=cls.other_company.id, company_ids=[(6, 0, cls.other_company.ids)],
        )
        cls.Message = cls.env["cusoft.whatsapp.message"].sudo()

    @classmethod
    def sync_meta_templates(cls, *extra):
        """The number's templates synced from Meta: the fake Graph server's page, plus `extra` (Meta's
        JSON of further templates)."""
        cls.graph.graph.templates = copy.deepcopy(fake_data.TEMPLATES)
        cls.graph.graph.templates[fake_data.WABA_ID].extend(extra)
        cls.account.with_user(cls.wa_admin).action_sync_templates()

    def make_conversation(self, wa_id=CUSTOMER, name="Maria", window_hours=23, body="Hello, is my order ready?"):
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({
            "account_id": self.account.id,
            "wa_id": wa_id,
            "profile_name": name,
            "window_expires_at": fields.Datetime.now() + timedelta(hours=window_hours),
            "last_inbound_at": fields.Datetime.now() - timedelta(hours=1),
        })
        self.receive(conversation, body)
        return conversation

    def receive(self, conversation, body="Thanks", msg_type="text"):
        self._serial = getattr(self, "_serial", 0) + 1
        return self.Message.create({
            "conversation_id": conversation.id, "direction": "inbound", "message_type": msg_type, "body": body,
            "wamid": f"wamid.IN{conversation.id}x{self._serial}", "state": "received",
        })

    def run_sends(self):
        # Retry delays are left to the test (time_passes): no run waits for one here.
        return self.env["cusoft.whatsapp.message"]._cron_send(budget=5, wait_retries=False)

    def posts(self, path=MESSAGES_PATH):
        return [request.json for request in self.graph.requests_to("POST", path)]

    def time_passes(self):
        """Every retry delay is over."""
        self.env["cusoft.whatsapp.message"].sudo().search([("state", "=", "queued")]).filtered(
            "send_next_try").write({"send_next_try": fields.Datetime.now() - timedelta(seconds=1)})
