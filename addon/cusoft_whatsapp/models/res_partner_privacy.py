import base64
import csv
import io
import json
import re
import zipfile

from odoo import fields, models
from odoo.exceptions import AccessError

from .cusoft_whatsapp_account import ADMIN_GROUP

MESSAGE_COLUMNS = [
    "conversation_id", "id", "direction", "message_type", "timestamp", "state", "body", "wamid", "reply_to_wamid",
    "sent_at", "delivered_at", "read_at", "error_code", "error_title", "error_details",
    "media_id", "media_mime_type", "media_detected_type", "media_filename", "media_caption", "media_sha256", "media_file",
]


def _value(value):
    if isinstance(value, models.BaseModel):
        return value.id or None
    if value is False:
        return None
    return fields.Datetime.to_string(value) if hasattr(value, "isoformat") else value


class ResPartnerPrivacy(models.Model):
    """Data-subject requests: what WhatsApp holds about a contact, exported or erased on request."""

    _inherit = "res.partner"

    def _cusoft_whatsapp_check_privacy(self):
        self.ensure_one()
        if not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(self.env._("Only WhatsApp administrators can export or erase a contact's WhatsApp data."))
        self.check_access("read")

    def _cusoft_whatsapp_ids(self):
        """Phone digits and BSUIDs this contact is known by on WhatsApp."""
        digits = {re.sub(r"\D", "", number or "") for number in (self.phone, self.mobile)}
        return {d for d in digits if len(d) >= 7}, {self.cusoft_whatsapp_bsuid} - {False, None, ""}

    def _cusoft_whatsapp_conversations(self):
        """The contact's conversations in the companies the user works in (record rules apply), found
        by the contact, their BSUID (username-only customers) or their phone number."""
        wa_ids, bsuids = self._cusoft_whatsapp_ids()
        domain = [("partner_id", "=", self.id)]
        if bsuids:
            domain = ["|", *domain, ("bsuid", "in", list(bsuids))]
        if wa_ids:
            domain = ["|", *domain, ("wa_id", "in", list(wa_ids))]
        return self.env["cusoft.whatsapp.conversation"].search(domain).sudo()

    # ------------------------------------------------------------ export

    def action_cusoft_whatsapp_export(self):
        self._cusoft_whatsapp_check_privacy()
        conversations = self._cusoft_whatsapp_conversations()
        content = self._cusoft_whatsapp_export_zip(conversations)
        audit = self.env["cusoft.whatsapp.audit"]._log(
            "export", self.env._("Contact #%(id)s: %(count)s conversation(s) exported.", id=self.id, count=len(conversations)),
            record=self,
        )
        # Attached to the audit entry, not the contact: only WhatsApp administrators of the company
        # may read it, not everyone who sees the contact.
        attachment = self.env["ir.attachment"].sudo().create({
            "name": f"whatsapp-data-{self.id}.zip",
            "raw": content,
            "mimetype": "application/zip",
            "res_model": audit._name,
            "res_id": audit.id,
        })
        return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true", "target": "self"}

    def _cusoft_whatsapp_export_zip(self, conversations):
        """data.json (everything), messages.csv (one row per message) and media/ (the files)."""
        messages = conversations.message_ids.sorted(lambda m: (m.conversation_id.id, m.timestamp or fields.Datetime.now(), m.id))
        statuses = self.env["cusoft.whatsapp.message.status"].sudo().search([("wamid", "in", [w for w in messages.mapped("wamid") if w])])
        buffer = io.BytesIO()
        rows = []
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for message in messages:
                row = {column: _value(message[column]) for column in MESSAGE_COLUMNS if column in message._fields}
                row["conversation_id"] = message.conversation_id.id
                row["payload"] = json.loads(message.payload) if message.payload else None
                if message.attachment_id:
                    name = f"media/{message.id}-{re.sub(r'[^A-Za-z0-9._-]', '_', message.attachment_id.name or 'file')}"
                    archive.writestr(name, message.attachment_id.raw or b"")
                    row["media_file"] = name
                rows.append(row)
            data = {
                "contact": {
                    "id": self.id, "name": self.name, "phone": self.phone or None, "mobile": self.mobile or None,
                    "whatsapp_bsuid": self.cusoft_whatsapp_bsuid or None,
                },
                "conversations": [{
                    "id": c.id, "business_number": c.account_id.display_phone_number or c.account_id.phone_number_id,
                    "wa_id": c.wa_id or None, "bsuid": c.bsuid or None, "profile_name": c.profile_name or None,
                    "username": c.username or None, "last_message_at": _value(c.last_message_at),
                    "messages": [row for row in rows if row["conversation_id"] == c.id],
                } for c in conversations],
                "statuses_waiting_for_their_message": [
                    {"wamid": s.wamid, "status": s.status, "timestamp": _value(s.timestamp), "errors": json.loads(s.errors or "[]")}
                    for s in statuses
                ],
            }
            archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=MESSAGE_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr("messages.csv", text.getvalue())
        return buffer.getvalue()

    # ------------------------------------------------------------ erase

    def action_cusoft_whatsapp_erase(self):
        self._cusoft_whatsapp_check_privacy()
        wizard = self.env["cusoft.whatsapp.erase.wizard"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Erase WhatsApp data"),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _cusoft_whatsapp_erase(self):
        """Deletes the contact's conversations, messages, statuses, media, past exports, and the webhook
        deliveries and API log rows that name them. Returns the counts, also written to the audit log."""
        self._cusoft_whatsapp_check_privacy()
        conversations = self._cusoft_whatsapp_conversations()
        wa_ids, bsuids = self._cusoft_whatsapp_ids()
        wa_ids |= set(conversations.mapped("wa_id")) - {False}
        bsuids |= set(conversations.mapped("bsuid")) - {False}
        identifiers = sorted(wa_ids | bsuids)
        companies = self.env.companies | conversations.company_id
        messages = conversations.with_context(active_test=False).message_ids
        Attachment = self.env["ir.attachment"].sudo()
        exports = self.env["cusoft.whatsapp.audit"].sudo().search([
            ("action", "=", "export"), ("res_model", "=", self._name), ("res_id", "=", self.id),
        ])
        attachments = Attachment.search([
            "|", "|", ("id", "in", messages.attachment_id.ids),
            "&", ("res_model", "=", "cusoft.whatsapp.message"), ("res_id", "in", messages.ids),
            "&", ("res_model", "=", "cusoft.whatsapp.audit"), ("res_id", "in", exports.ids),
        ])
        counts = {"conversations": len(conversations), "messages": len(messages), "files": len(attachments)}
        wamids = [w for w in messages.mapped("wamid") if w]
        self.env["cusoft.whatsapp.message.status"].sudo().search([("wamid", "in", wamids)]).unlink()
        attachments.unlink()
        conversations.unlink()  # messages go with them (ondelete cascade)
        counts["webhook_deliveries"] = counts["api_log_rows"] = 0
        if identifiers:
            cr = self.env.cr
            cr.execute(
                # Deliveries not applied yet stay: they may hold other customers' messages, and what they
                # hold of this person is something they wrote after the request.
                "DELETE FROM cusoft_whatsapp_webhook_event e WHERE (e.company_id IN %s OR e.company_id IS NULL)"
                " AND e.state NOT IN ('pending', 'retry')"
                " AND EXISTS (SELECT 1 FROM unnest(%s::text[]) i WHERE strpos(e.raw_body, i) > 0)",
                (tuple(companies.ids), identifiers),
            )
            counts["webhook_deliveries"] = cr.rowcount
            cr.execute(
                "DELETE FROM cusoft_whatsapp_api_log l WHERE (l.company_id IN %s OR l.company_id IS NULL)"
                " AND EXISTS (SELECT 1 FROM unnest(%s::text[]) i WHERE strpos(l.endpoint, i) > 0)",
                (tuple(companies.ids), identifiers),
            )
            counts["api_log_rows"] = cr.rowcount
            self.env["cusoft.whatsapp.webhook.event"].invalidate_model()
            self.env["cusoft.whatsapp.api.log"].invalidate_model()
        if self.cusoft_whatsapp_bsuid:
            self.sudo().cusoft_whatsapp_bsuid = False
        self.env["cusoft.whatsapp.audit"]._log("erase", self.env._(
            "Contact #%(id)s: %(conversations)s conversation(s), %(messages)s message(s), %(files)s file(s), "
            "%(webhook_deliveries)s webhook delivery(ies) and %(api_log_rows)s API log row(s) erased.", id=self.id, **counts,
        ), record=self)
        return counts
