import json
import secrets
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from ..graph_server import _new_server
from .common import PHONE_NUMBER_ID, SandboxCase


@tagged("post_install", "-at_install")
class TestSandboxSignup(SandboxCase, HttpCase):
    """Connect WhatsApp in the sandbox: our real routes and steps, the fake Graph in Meta's place."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sandbox()

    def rpc(self, route, **params):
        return self.make_jsonrpc_request(route, params)

    def test_simulated_signup_ends_on_a_connected_number(self):
        self.authenticate("sbx_admin", "sbx_admin")
        start = self.rpc("/cusoft_whatsapp/signup/start")
        # What the sandbox's stand-in for Meta's SDK hands back: a one-time code, no popup message.
        code = f"sandbox-{secrets.token_hex(6)}"
        answer = self.rpc("/cusoft_whatsapp/signup/complete", state=start["state"], code=code, session=None)
        for _call in range(10):
            if answer["status"] != "running":
                break
            answer = self.rpc("/cusoft_whatsapp/signup/step", onboarding_id=answer["onboarding_id"])
        self.assertEqual(answer["status"], "done", answer["error"])
        self.assertEqual({step["status"] for step in answer["steps"]} - {"done", "skipped"}, set())
        account = self.env["cusoft.whatsapp.account"].browse(answer["account_id"])
        self.assertEqual(account.state, "connected")
        self.assertEqual(account.phone_number_id, PHONE_NUMBER_ID)
        self.assertEqual(account.display_phone_number, "+1 555-000-1234")
        exchanges = [r for r in self.graph.requests_to("GET", "oauth/access_token") if r.query.get("code") == code]
        self.assertEqual(len(exchanges), 1, "the code went to the sandbox's Graph server, not to Meta")
        self.assertTrue(self.graph.requests_to("POST", "100000000000001/subscribed_apps"))

    def test_a_sandbox_number_is_diagnosed_subscribed_even_after_a_restart(self):
        account = self.make_number()
        # A restarted Odoo starts a new fake: nothing posted subscribed_apps to it.
        self.graph.graph.subscriptions = dict(_new_server().graph.subscriptions)
        account.with_user(self.wa_admin).action_doctor()
        findings = {f["key"]: f["level"] for f in json.loads(account.doctor_findings)}
        self.assertEqual(findings["subscribed_app"], "ok")
        steps = {step["key"]: step for step in self.env["cusoft.whatsapp.setup"]._checklist(self.company)["steps"]}
        self.assertTrue(steps["subscribed"]["done"], steps["subscribed"]["detail"])

    def test_a_trial_on_localhost_is_not_held_back_by_the_public_address_step(self):
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", "http://localhost:8069")
        steps = {step["key"]: step for step in self.env["cusoft.whatsapp.setup"]._checklist(self.company)["steps"]}
        self.assertTrue(steps["public_url"]["done"])
        self.assertIn("Sandbox", steps["public_url"]["detail"], "the step says why, and what a real number needs")
        self.assertTrue(steps["app"]["done"] and steps["signup_config"]["done"], "the sandbox's Meta app is configured")


@tagged("post_install", "-at_install")
class TestSandboxCustomer(SandboxCase, HttpCase):
    """A simulated customer's message goes through the real webhook route and pipeline; answers get
    simulated statuses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sandbox()
        cls.account = cls.make_number()
        Customer = cls.env["cusoft.whatsapp.sandbox.customer"]
        cls.maria = Customer.create({"name": "María Sandbox", "phone": "+34 600 111 222"})
        cls.ghost = Customer.create({"name": "Ghost", "username": "ghost.sbx"})

    def simulate(self, customer, message_type="text", **vals):
        wizard = self.env["cusoft.whatsapp.sandbox.simulator"].with_user(self.wa_user).create({
            "account_id": self.account.id, "customer_id": customer.id, "message_type": message_type, **vals,
        })
        action = wizard.action_send()
        self.assertEqual(action["params"]["type"], "success")
        self.process_webhooks()
        return wizard

    def conversation_of(self, customer):
        return self.env["cusoft.whatsapp.conversation"].sudo().search([("bsuid", "=", customer.bsuid)])

    def test_the_account_is_connected_through_the_fake_graph(self):
        self.assertEqual(self.account.state, "connected")
        self.assertEqual(self.account.verified_name, "Example Trading SRL")

    def test_a_customer_message_lands_through_the_real_webhook(self):
        Event = self.env["cusoft.whatsapp.webhook.event"].sudo()
        before = Event.search_count([])
        body = f"Is my order ready? {secrets.token_hex(3)}"
        self.simulate(self.maria, body=body)
        self.assertGreater(Event.search_count([]), before, "the delivery was stored by the webhook route")
        conversation = self.conversation_of(self.maria)
        self.assertEqual(conversation.wa_id, "34600111222")
        self.assertEqual(conversation.profile_name, "María Sandbox")
        self.assertEqual(conversation.message_ids.mapped("body"), [body])
        self.assertEqual(conversation.message_ids.state, "received")
        self.assertTrue(conversation.partner_id, "the pipeline found or made the customer's contact")
        self.assertGreater(conversation.window_expires_at, fields.Datetime.now() + timedelta(hours=23))

    def test_a_username_only_customer_is_known_by_bsuid(self):
        self.simulate(self.ghost, body="Hi, no number here")
        conversation = self.conversation_of(self.ghost)
        self.assertTrue(conversation)
        self.assertFalse(conversation.wa_id)
        self.assertEqual(conversation.username, "ghost.sbx")

    def test_a_picture_is_downloaded_from_the_fake_graph(self):
        self.simulate(self.maria, "image", caption="The box arrived damaged")
        message = self.conversation_of(self.maria).message_ids.filtered(lambda m: m.message_type == "image")
        self.assertEqual(message.media_state, "pending")
        self.env["cusoft.whatsapp.message"].sudo()._cron_download_media()
        message.invalidate_recordset()
        self.assertEqual(message.media_state, "done", message.media_error)
        self.assertEqual(message.attachment_id.mimetype, "image/png")

    def test_location_contact_audio_and_reaction(self):
        self.simulate(self.maria, body="Hello")
        self.simulate(self.maria, "location")
        self.simulate(self.maria, "contacts", contact_name="Pedro Pérez", contact_phone="+34 600 333 444")
        self.simulate(self.maria, "audio")
        self.simulate(self.maria, "reaction", reaction_emoji="❤️")
        messages = self.conversation_of(self.maria).message_ids
        self.assertEqual(sorted(messages.mapped("message_type")), ["audio", "contacts", "location", "reaction", "text"])
        reaction = messages.filtered(lambda m: m.message_type == "reaction")
        self.assertEqual(reaction.body, "❤️")
        self.assertEqual(reaction.reply_to_id.message_type, "audio", "it reacts to the last message")

    def answer(self, customer, text):
        self.simulate(customer, body="Hello?")
        conversation = self.conversation_of(customer).with_user(self.wa_user)
        conversation.send_text(text)
        self.env["cusoft.whatsapp.message"]._cron_send(budget=5, wait_retries=False)
        message = conversation.sudo().message_ids.filtered(lambda m: m.direction == "outbound")
        self.assertEqual(message.state, "sent")
        return message

    def test_an_answer_gets_sent_delivered_and_read(self):
        message = self.answer(self.maria, "Yes, it is ready")
        Status = self.env["cusoft.whatsapp.sandbox.status"].sudo()
        jobs = Status.search([("message_id", "=", message.id)])
        self.assertEqual(jobs.mapped("status"), ["sent", "delivered", "read"])
        self.assertEqual(Status._cron_post(now=fields.Datetime.now()), 0, "not before the phone would answer")
        Status._cron_post(now=fields.Datetime.now() + timedelta(seconds=4))
        self.process_webhooks()
        self.assertEqual(message.state, "delivered")
        Status._cron_post(now=fields.Datetime.now() + timedelta(minutes=1))
        self.process_webhooks()
        self.assertEqual(message.state, "read")
        self.assertTrue(message.delivered_at and message.read_at)
        self.assertFalse(Status.search([("message_id", "=", message.id)]))

    def test_a_customer_who_blocked_the_number_gets_nothing(self):
        blocker = self.env["cusoft.whatsapp.sandbox.customer"].create({"name": "Blocker", "phone": "+34 600 999 000"})
        self.simulate(blocker, body="Stop writing to me")
        blocker.blocked = True
        message = self.answer(blocker, "Sorry to hear that")
        Status = self.env["cusoft.whatsapp.sandbox.status"].sudo()
        self.assertEqual(Status.search([("message_id", "=", message.id)]).mapped("status"), ["failed"])
        Status._cron_post(now=fields.Datetime.now() + timedelta(minutes=1))
        self.process_webhooks()
        self.assertEqual(message.state, "failed")
        self.assertEqual(message.error_code, 131026)


@tagged("post_install", "-at_install")
class TestSandboxTemplates(SandboxCase, HttpCase):
    """A new template: synced pending from the fake Graph, approved by a simulated webhook."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_sandbox()
        cls.account = cls.make_number()

    def test_a_new_template_is_approved_a_moment_later(self):
        name = f"order_confirmation_{secrets.token_hex(3)}"
        wizard = self.env["cusoft.whatsapp.sandbox.template"].with_user(self.wa_admin).create({
            "account_id": self.account.id, "name": name, "body": "Hello {{1}}, your order {{2}} is confirmed.",
        })
        wizard.action_create()
        template = self.env["cusoft.whatsapp.template"].search([("name", "=", name), ("account_id", "=", self.account.id)])
        self.assertEqual(template.status, "PENDING")
        Status = self.env["cusoft.whatsapp.sandbox.status"].sudo()
        self.assertEqual(Status._cron_post(now=fields.Datetime.now()), 0, "Meta takes its time")
        self.assertEqual(Status._cron_post(now=fields.Datetime.now() + timedelta(minutes=1)), 1)
        self.process_webhooks()
        self.assertEqual(template.status, "APPROVED")
        self.account.action_sync_templates()
        template.invalidate_recordset()
        self.assertEqual(template.status, "APPROVED", "the next sync agrees with the webhook")

    def test_the_fake_has_a_template_in_each_status(self):
        self.account.action_sync_templates()
        statuses = set(self.env["cusoft.whatsapp.template"].search([("account_id", "=", self.account.id)]).mapped("status"))
        self.assertLessEqual({"APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "IN_APPEAL"}, statuses)
