from odoo import api, fields, models


class CusoftWhatsappReadMarker(models.Model):
    """How far one user has read one conversation: unread counts are per user, not per conversation."""

    _name = "cusoft.whatsapp.read.marker"
    _description = "WhatsApp conversation read by a user"
    _rec_name = "conversation_id"

    conversation_id = fields.Many2one("cusoft.whatsapp.conversation", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one("res.users", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="conversation_id.company_id", store=True)
    last_read_message_id = fields.Integer(
        "Last message read", required=True, default=0,
        help="Id of the newest message of the conversation this user has seen; later inbound messages are unread.",
    )

    _sql_constraints = [
        ("conversation_user_unique", "unique(user_id, conversation_id)", "One read marker per user and conversation."),
    ]

    @api.model
    def _advance(self, conversation, user, message_id):
        """Moves the marker forward only, atomically: two tabs marking read at once cannot move it back."""
        self.flush_model()
        self.env.cr.execute(
            """INSERT INTO cusoft_whatsapp_read_marker
                      (conversation_id, user_id, company_id, last_read_message_id,
                       create_uid, write_uid, create_date, write_date)
               VALUES (%(conversation)s, %(user)s, %(company)s, %(message)s,
                       %(user)s, %(user)s, now() at time zone 'UTC', now() at time zone 'UTC')
               ON CONFLICT (user_id, conversation_id) DO UPDATE
                  SET last_read_message_id = GREATEST(cusoft_whatsapp_read_marker.last_read_message_id,
                                                      EXCLUDED.last_read_message_id),
                      write_date = EXCLUDED.write_date
               RETURNING last_read_message_id""",
            {"conversation": conversation.id, "user": user.id, "company": conversation.company_id.id,
             "message": message_id or 0},
        )
        self.invalidate_model(["last_read_message_id"])
        return self.env.cr.fetchone()[0]
