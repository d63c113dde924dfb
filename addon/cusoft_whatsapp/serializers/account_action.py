from .account_card import account_card


def account_action_result(account, action):
    """`/cusoft_whatsapp/account/action` (schema: accountActionResultSchema): the refreshed card and
    a sentence for the user about what `action` did."""
    card = account_card(account)
    return {"card": card, "message": _message(account, action, card)}


def _message(account, action, card):
    _ = account.env._
    if card["state"] == "error":
        return _("Meta reported a problem: %s", card["last_error"]["title"] if card["last_error"] else "")
    if action == "test_connection":
        return _("The connection works: Meta answered for %s.", card["display_phone_number"] or card["name"])
    if action == "sync_templates":
        return _("%s message templates synced from Meta.", account.template_count_synced)
    return _("The number is disconnected. Its conversations stay in Odoo.")
