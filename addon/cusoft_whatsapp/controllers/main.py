from odoo import _, fields, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from ..models.cusoft_whatsapp_account import ADMIN_GROUP

USER_GROUP = "cusoft_whatsapp.group_cusoft_whatsapp_user"
ACCOUNT_ACTIONS = {
    "test_connection": "action_test_connection",
    "sync_templates": "action_sync_templates",
    "disconnect": "action_disconnect",
}


def _require(group):
    if not request.env.user.has_group(group):
        raise AccessError(_("You need WhatsApp access rights for this."))


def _account(account_id):
    account = request.env["cusoft.whatsapp.account"].browse(int(account_id)).exists()
    if not account:
        raise UserError(_("This WhatsApp number no longer exists."))
    account.check_access("read")
    return account


class CusoftWhatsappController(http.Controller):
    """JSON routes of the browser components. Thin: the work is in the models."""

    @http.route("/cusoft_whatsapp/overview", type="json", auth="user")
    def overview(self):
        _require(USER_GROUP)
        accounts = request.env["cusoft.whatsapp.account"].search([])
        return {
            "can_manage": request.env.user.has_group(ADMIN_GROUP),
            "accounts": [
                {
                    "id": account.id,
                    "name": account.name,
                    "display_phone_number": account.display_phone_number or None,
                    "state": account.state,
                    "last_webhook_at": fields.Datetime.to_string(account.last_webhook_at) or None,
                }
                for account in accounts
            ],
        }

    @http.route("/cusoft_whatsapp/account/card", type="json", auth="user")
    def account_card(self, account_id):
        _require(USER_GROUP)
        return _account(account_id)._card()

    @http.route("/cusoft_whatsapp/account/action", type="json", auth="user")
    def account_action(self, account_id, action):
        _require(ADMIN_GROUP)
        if action not in ACCOUNT_ACTIONS:
            raise UserError(_("Unknown action."))
        account = _account(account_id)
        getattr(account, ACCOUNT_ACTIONS[action])()
        card = account._card()
        return {"card": card, "message": _action_message(action, account, card)}


def _action_message(action, account, card):
    if card["state"] == "error":
        return _("Meta reported a problem: %s", card["last_error"]["title"] if card["last_error"] else "")
    if action == "test_connection":
        return _("The connection works: Meta answered for %s.", card["display_phone_number"] or card["name"])
    if action == "sync_templates":
        return _("%s message templates synced from Meta.", account.template_count_synced)
    return _("The number is disconnected. Its conversations stay in Odoo.")
