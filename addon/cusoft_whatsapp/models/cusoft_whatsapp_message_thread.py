import json

from odoo import models


def _emoji(reaction):
    if reaction.direction == "outbound":
        return reaction.body or ""
    # Inbound bodies hold a readable text ("Reaction removed"); Meta's payload holds the emoji.
    try:
        payload = json.loads(reaction.payload or "{}")
    except ValueError:
        return ""
    emoji = (payload.get("reaction") or {}).get("emoji") if isinstance(payload, dict) else None
    return emoji if isinstance(emoji, str) else ""


class CusoftWhatsappMessageThread(models.Model):
    _inherit = "cusoft.whatsapp.message"

    def _chat_reactions(self):
        """{message id: [{emoji, direction}]}: each side's latest reaction; an empty emoji removed it."""
        if not self:
            return {}
        latest = {}
        reactions = self.sudo().search(
            [("reply_to_id", "in", self.ids), ("message_type", "=", "reaction"), ("state", "!=", "failed")], order="id",
        )
        for reaction in reactions:
            latest[(reaction.reply_to_id.id, reaction.direction)] = _emoji(reaction)
        result = {}
        for (target, direction), emoji in latest.items():
            if emoji:
                result.setdefault(target, []).append({"emoji": emoji, "direction": direction})
        return result
