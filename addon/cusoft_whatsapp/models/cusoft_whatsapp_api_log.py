from odoo import api, fields, models


class CusoftWhatsappApiLog(models.Model):
    """One row per HTTP call to Meta's Graph API, for diagnostics and audit.

    Holds no token, secret, PIN, code or message body: the Graph client only reports the method,
    a redacted path and the outcome. Kept as long as Settings → WhatsApp → Privacy says
    (cusoft_whatsapp_retention.py).
    """

    _name = "cusoft.whatsapp.api.log"
    _description = "WhatsApp API call"
    _order = "called_at desc, id desc"
    _rec_name = "endpoint"

    called_at = fields.Datetime(required=True, default=fields.Datetime.now, index=True, readonly=True)
    account_id = fields.Many2one("cusoft.whatsapp.account", ondelete="set null", index=True, readonly=True)
    company_id = fields.Many2one("res.company", index=True, readonly=True)
    method = fields.Char(readonly=True)
    endpoint = fields.Char(readonly=True)
    http_status = fields.Integer(readonly=True)
    error_code = fields.Integer("Meta error code", readonly=True)
    fbtrace_id = fields.Char("Meta trace id", readonly=True)
    duration_ms = fields.Integer("Duration (ms)", readonly=True)
    attempt = fields.Integer(readonly=True, default=1)
    user_id = fields.Many2one("res.users", "Acting user", readonly=True, ondelete="set null")
    client_ip = fields.Char("Client IP", readonly=True)
    user_agent = fields.Char(readonly=True)

    @api.model
    def _record_call(self, call, account=None, company=None):
        """Stores one Graph call reported by the client's on_call hook."""
        from odoo.http import request  # only present when a browser triggered the call

        httprequest = request.httprequest if request else None
        self.sudo().create({
            "account_id": account.id if account else False,
            "company_id": (company or (account.company_id if account else self.env.company)).id,
            "method": call.get("method"),
            "endpoint": call.get("path"),
            "http_status": call.get("http_status") or 0,
            "error_code": call.get("error_code") or 0,
            "fbtrace_id": call.get("fbtrace_id"),
            "duration_ms": int(call.get("duration_ms") or 0),
            "attempt": call.get("attempt") or 1,
            "user_id": self.env.uid,
            "client_ip": httprequest.remote_addr if httprequest else False,
            "user_agent": httprequest.user_agent.string[:512] if httprequest else False,
        })
