import os

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config

from ..crypto import KEY_ENV, KEY_OPTION, SecretBoxError, box_for
from .cusoft_whatsapp_account import ADMIN_GROUP


class CusoftWhatsappSecret(models.Model):
    """Encrypted tokens, app secrets and PINs, kept apart from the records they belong to.

    No group has any access right on this model: only server code running with sudo reads it,
    so no RPC path (read, search_read, export, read_group…) can reach a secret, even encrypted.
    """

    _name = "cusoft.whatsapp.secret"
    _description = "WhatsApp secret (encrypted)"

    res_model = fields.Char(required=True, index=True)
    res_id = fields.Many2oneReference(model_field="res_model", required=True, index=True)
    kind = fields.Selection(
        [("token", "Access token"), ("app_secret", "App secret"), ("pin", "Two-step PIN")],
        required=True,
    )
    ciphertext = fields.Text(required=True)
    company_id = fields.Many2one("res.company", index=True, help="The company of the record the secret belongs to.")

    _sql_constraints = [
        ("secret_unique", "unique(res_model, res_id, kind)", "One secret of each kind per record."),
    ]

    @api.model
    def _box(self):
        try:
            return box_for(config.get(KEY_OPTION) or os.environ.get(KEY_ENV))
        except SecretBoxError as error:
            raise UserError(str(error)) from None

    @api.model
    def _check_admin(self):
        if not self.env.su and not self.env.user.has_group(ADMIN_GROUP):
            raise AccessError(_("Only WhatsApp administrators can change WhatsApp secrets."))

    def _find(self, record, kind):
        return self.sudo().search(
            [("res_model", "=", record._name), ("res_id", "=", record.id), ("kind", "=", kind)], limit=1
        )

    @api.model
    def _store(self, record, kind, value):
        """Encrypts and saves `value` for `record`; an empty value forgets the secret."""
        self._check_admin()
        existing = self._find(record, kind)
        if kind == "app_secret":
            self.env.registry.clear_cache()  # the webhook route caches the signing secrets
        if not value:
            existing.unlink()
            return
        ciphertext = self._box().encrypt(value)
        if existing:
            existing.ciphertext = ciphertext
        else:
            company = record if record._name == "res.company" else record.company_id
            self.sudo().create({
                "res_model": record._name, "res_id": record.id, "kind": kind, "ciphertext": ciphertext,
                "company_id": company.id,
            })

    @api.model
    def _reveal(self, record, kind):
        """The plaintext, for server code about to call Meta; never return it to a client."""
        existing = self._find(record, kind)
        if not existing:
            return None
        try:
            return self._box().decrypt(existing.ciphertext)
        except SecretBoxError as error:
            raise UserError(str(error)) from None

    @api.model
    def _ids_with(self, records, kind):
        found = self.sudo().search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids), ("kind", "=", kind)]
        )
        return set(found.mapped("res_id"))
