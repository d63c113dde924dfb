"""The setup checklist's real answers for the contract fixtures (mixed into test_contract.TestContract)."""

import json

from odoo import fields

from .contract import HIDDEN_STRINGS

ROUTE = "/cusoft_whatsapp/setup/checklist"


class SetupContract:
    """Each situation an administrator can meet: first steps, a number to connect, all done, a step undone."""

    def produce_setup_before_numbers(self):
        """Before any number exists; the class set up an https address and the Meta app."""
        answers = {}
        params = self.env["ir.config_parameter"].sudo()
        base_url, config_id = params.get_param("web.base.url"), self.company.cusoft_whatsapp_config_id
        params.set_param("web.base.url", "http://localhost:8069")
        self.company.cusoft_whatsapp_config_id = False
        answers["first_steps"] = self.rpc("wa_admin", ROUTE)
        params.set_param("web.base.url", base_url)
        self.company.cusoft_whatsapp_config_id = config_id
        answers["no_number"] = self.rpc("wa_admin", ROUTE)
        return answers

    def produce_setup_with_number(self, account, answers):
        """`account` connected but silent, then verified, heard from and answered, then an undone step."""
        account.sudo().write({"state": "connected", "display_phone_number": "+1 555-000-1234"})
        answers["connected"] = self.rpc("wa_admin", ROUTE)
        account.sudo().write({"webhook_verified_at": fields.Datetime.now(), "last_webhook_at": fields.Datetime.now()})
        conversation = self.env["cusoft.whatsapp.conversation"].sudo().create({
            "account_id": account.id, "wa_id": "15550007777", "profile_name": "Setup check",
        })
        self.env["cusoft.whatsapp.message"].sudo().create({
            "conversation_id": conversation.id, "direction": "outbound", "body": "Welcome!",
            "wamid": "wamid.CONTRACT.SETUP1", "state": "delivered",
        })
        answers["complete"] = self.rpc("wa_admin", ROUTE)
        params = self.env["ir.config_parameter"].sudo()
        base_url = params.get_param("web.base.url")
        params.set_param("web.base.url", "http://odoo.example.com")
        answers["regressed"] = self.rpc("wa_admin", ROUTE)
        params.set_param("web.base.url", base_url)
        # The verify token is quoted as a value to paste: one-time, like everywhere in the fixtures.
        token = account.sudo().verify_token
        return {situation: json.loads(json.dumps(answer).replace(token, HIDDEN_STRINGS["verify_token"]))
                for situation, answer in answers.items()}
