from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from .. import serializers
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
        can_manage = request.env.user.has_group(ADMIN_GROUP)
        to_review = request.env["cusoft.whatsapp.webhook.event"].search_count(
            [("state", "in", ("error", "attention"))]) if can_manage else 0
        return serializers.overview(accounts, can_manage, to_review)

    @http.route("/cusoft_whatsapp/setup/checklist", type="json", auth="user")
    def setup_checklist(self):
        _require(ADMIN_GROUP)
        return serializers.setup_checklist(request.env["cusoft.whatsapp.setup"]._checklist())

    @http.route("/cusoft_whatsapp/account/card", type="json", auth="user")
    def account_card(self, account_id):
        _require(USER_GROUP)
        return serializers.account_card(_account(account_id))

    @http.route("/cusoft_whatsapp/account/action", type="json", auth="user")
    def account_action(self, account_id, action):
        _require(ADMIN_GROUP)
        if action not in ACCOUNT_ACTIONS:
            raise UserError(_("Unknown action."))
        account = _account(account_id)
        getattr(account, ACCOUNT_ACTIONS[action])()
        return serializers.account_action_result(account, action)
