from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cusoft_whatsapp_account import ADMIN_GROUP
from .cusoft_whatsapp_opt_out import DEFAULT_KEYWORDS, KEYWORDS_PARAM
from .cusoft_whatsapp_retention import (
    API_LOG_DAYS,
    CONTENT_DAYS,
    MEDIA_DAYS,
    REJECTION_DAYS,
    WEBHOOK_DAYS,
    WEBHOOK_ERROR_DAYS,
)


def _retention(retention, string, help_text):
    param, default = retention
    return fields.Integer(string, config_parameter=param, default=default, groups=ADMIN_GROUP, help=help_text)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cusoft_whatsapp_api_log_days = _retention(API_LOG_DAYS, "API log (days)", "Rows of the API log older than this are deleted.")
    cusoft_whatsapp_webhook_days = _retention(
        WEBHOOK_DAYS, "Webhook deliveries (days)", "Processed webhook deliveries (they hold message text) older than this are deleted.",
    )
    cusoft_whatsapp_webhook_error_days = _retention(
        WEBHOOK_ERROR_DAYS, "Webhook deliveries in error (days)", "Deliveries in error are kept longer: a person may still need them.",
    )
    cusoft_whatsapp_rejection_days = _retention(
        REJECTION_DAYS, "Refused-request counters (days)", "Hourly counts of refused webhook requests older than this are deleted.",
    )
    cusoft_whatsapp_content_days = _retention(
        CONTENT_DAYS, "Message text (days)", "0 keeps it. Otherwise the text of older messages is removed; the messages stay.",
    )
    cusoft_whatsapp_media_days = _retention(
        MEDIA_DAYS, "Media files (days)", "0 keeps them. Otherwise photos, audio and documents of older messages are deleted.",
    )
    cusoft_whatsapp_opt_out_keywords = fields.Char(
        "Opt-out keywords", config_parameter=KEYWORDS_PARAM, default=DEFAULT_KEYWORDS, groups=ADMIN_GROUP,
        help="Comma-separated. A customer whose whole message is one of them no longer receives marketing templates.",
    )

    _RETENTION_FIELDS = {
        "cusoft_whatsapp_api_log_days": API_LOG_DAYS,
        "cusoft_whatsapp_webhook_days": WEBHOOK_DAYS,
        "cusoft_whatsapp_webhook_error_days": WEBHOOK_ERROR_DAYS,
        "cusoft_whatsapp_rejection_days": REJECTION_DAYS,
        "cusoft_whatsapp_content_days": CONTENT_DAYS,
        "cusoft_whatsapp_media_days": MEDIA_DAYS,
    }

    @api.constrains(*_RETENTION_FIELDS)
    def _check_cusoft_whatsapp_retentions(self):
        for settings in self:
            for name, (_param, default) in self._RETENTION_FIELDS.items():
                # Logs always go in the end (1 day at least); content and media may be kept (0).
                if settings[name] < (0 if default == 0 else 1):
                    raise ValidationError(self.env._(
                        "%s: enter a number of days (1 or more; 0 only keeps message text and media forever).",
                        self._fields[name]._description_string(self.env),
                    ))

    def set_values(self):
        Retention = self.env["cusoft.whatsapp.retention"]
        before = {name: Retention._days(retention) for name, retention in self._RETENTION_FIELDS.items()}
        super().set_values()
        changes = []
        for name, retention in self._RETENTION_FIELDS.items():
            after = Retention._days(retention)
            if after != before[name]:
                label = self._fields[name]._description_string(self.env)
                changes.append(self.env._("%(setting)s: %(before)s → %(after)s", setting=label, before=before[name], after=after))
        if changes:
            self.env["cusoft.whatsapp.audit"]._log("retention", "; ".join(changes))
