import json

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, tagged

from .chat_helpers import REMINDER, ChatCase

# Numbers Odoo's phone library accepts (US, +1 650 253 xxxx), as its blacklist requires.
NUMBER = "+1 650-253-%04d"


@tagged("post_install", "-at_install")
class TestTemplateSender(ChatCase, TransactionCase):
    """Send WhatsApp from records: variables mapped to fields, a result per recipient, no duplicate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_chat()
        cls.sync_meta_templates(
            {"id": "1300000000000050", "name": "reminder", "language": "en", "status": "APPROVED",
             "category": "UTILITY", "components": REMINDER},
            {"id": "1300000000000051", "name": "promo", "language": "en", "status": "APPROVED",
             "category": "MARKETING", "components": REMINDER},
        )
        Template = cls.env["cusoft.whatsapp.template"]
        cls.reminder = Template.search([("name", "=", "reminder")])
        cls.promo = Template.search([("name", "=", "promo")])
        for template in cls.reminder | cls.promo:
            cls.env["cusoft.whatsapp.template.field"].create([
                {"template_id": template.id, "model": "res.partner", "variable_key": "body.1", "field_path": "name"},
                {"template_id": template.id, "model": "res.partner", "variable_key": "body.2", "field_path": "ref",
                 "fallback": "your order"},
            ])

    def composer(self, partners, template):
        action_context = {"active_model": "res.partner", "active_ids": partners.ids}
        form = Form(self.env["cusoft.whatsapp.composer"].with_user(self.wa_user).with_context(action_context))
        form.account_id = self.account
        form.template_id = template
        return form

    def test_one_contact_gets_its_values_prefilled_editable_and_previewed(self):
        partner = self.env["res.partner"].create({"name": "Maria Lopez", "mobile": NUMBER % 1, "ref": "C-77"})
        form = self.composer(partner, self.reminder)
        self.assertEqual(form.preview, "Hello Maria Lopez, your reference is C-77.")
        with form.line_ids.edit(0) as line:
            self.assertEqual(line.value, "Maria Lopez")
            line.value = "Maria"
        composer = form.save()
        self.assertEqual(composer.line_ids.mapped("value"), ["Maria", "C-77"])
        composer.action_send()
        [result] = composer.result_ids
        self.assertEqual((result.state, result.phone), ("sent", "+16502530001"))
        message = result.message_id
        self.assertEqual(message.body, "Hello Maria, your reference is C-77.")
        self.assertEqual((message.origin_model, message.origin_res_id), ("res.partner", partner.id))
        self.assertEqual(message.conversation_id.partner_id, partner)
        self.assertIn("WhatsApp template reminder sent to +16502530001", partner.message_ids[:1].body)
        self.run_sends()
        self.assertEqual(message.state, "sent")
        self.assertEqual(self.posts()[-1]["template"]["components"][0]["parameters"][0]["text"], "Maria")

    def test_a_list_send_reports_each_recipient_and_never_sends_twice(self):
        Partner = self.env["res.partner"]
        partners = Partner.create([{"name": f"Customer {i}", "mobile": NUMBER % (100 + i), "ref": f"R{i}"} for i in range(46)])
        # Meta refuses five spaces in a row in a value: this one fails, before any call to Meta.
        spaced = Partner.create({"name": "Ana      Lopez", "mobile": NUMBER % 250, "ref": "R250"})
        nameless = Partner.create({"name": "No name ref", "mobile": NUMBER % 200})
        no_number = Partner.create({"name": "Walk-in customer"})
        duplicate = Partner.create({"name": "Customer 0 (work)", "mobile": NUMBER % 100})
        opted_out = Partner.create({"name": "Opted out", "mobile": NUMBER % 300})
        self.env["phone.blacklist"].sudo()._add(["+16502530300"])
        everyone = partners | spaced | nameless | no_number | duplicate | opted_out
        self.assertEqual(len(everyone), 51)
        # The contact without a reference gets the fallback; one value typed by the user would go to all.
        composer = self.composer(everyone, self.promo).save()
        composer.action_send()
        results = {r.res_id: r for r in composer.result_ids}
        self.assertEqual((composer.sent_count, composer.failed_count, composer.skipped_count), (47, 1, 3))
        self.assertIn("cannot contain line breaks, tabs or more than four spaces", results[spaced.id].reason)
        self.assertEqual(results[no_number.id].reason, "No phone number.")
        self.assertEqual(results[duplicate.id].reason, "Same number as Customer 0: sent once.")
        self.assertEqual(results[opted_out.id].reason, "Opted out of marketing messages.")
        self.assertEqual(results[nameless.id].message_id.body, "Hello No name ref, your reference is your order.")
        queued = self.Message.search([("template_id", "=", self.promo.id)])
        self.assertEqual(len(queued), 47)

        composer.action_send()  # the user presses Send again (or the request is retried)
        self.assertEqual(len(self.Message.search([("template_id", "=", self.promo.id)])), 47, "nothing sent twice")
        self.assertEqual((composer.sent_count, composer.failed_count), (47, 1))
        self.assertEqual(len(partners[0].message_ids.filtered(lambda m: "WhatsApp template" in (m.body or ""))), 1)

    def test_a_recipient_whose_values_are_refused_fails_with_the_reason_and_the_others_go(self):
        mapping = self.env["cusoft.whatsapp.template.field"].search([
            ("template_id", "=", self.reminder.id), ("variable_key", "=", "body.2")])
        mapping.fallback = False
        with_ref = self.env["res.partner"].create({"name": "Ana", "mobile": NUMBER % 401, "ref": "R9"})
        without = self.env["res.partner"].create({"name": "Luis", "mobile": NUMBER % 402})
        composer = self.composer(with_ref | without, self.reminder).save()
        composer.action_send()
        results = {r.res_id: r for r in composer.result_ids}
        self.assertEqual(results[with_ref.id].state, "sent")
        self.assertEqual((results[without.id].state, results[without.id].reason), ("failed", "Fill in {{2}} in the message."))

    def test_only_whatsapp_users_send(self):
        partner = self.env["res.partner"].create({"name": "Maria", "mobile": NUMBER % 1})
        composer = self.env["cusoft.whatsapp.composer"].create({
            "res_model": "res.partner", "res_ids": json.dumps(partner.ids), "account_id": self.account.id,
            "template_id": self.reminder.id})
        with self.assertRaises(AccessError):
            composer.with_user(self.internal).action_send()
