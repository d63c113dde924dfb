import os

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config

from ..crypto import (
    CONFIG,
    ENVIRONMENT,
    NEW,
    KEY_ENV,
    KEY_OPTION,
    MIN_KEY_LENGTH,
    InvalidKeyError,
    SecretBoxError,
    box_for,
    check_passphrase,
    key_file_path,
    replace_key_file,
    resolve,
)
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
    def _key_source(self):
        """Where the key comes from: odoo.conf, the environment, or the key file generated in the
        data directory (outside the database). Raises UserError when the key is unusable."""
        try:
            return resolve(config.get(KEY_OPTION), os.environ, config["data_dir"])
        except InvalidKeyError as error:
            raise UserError(self._key_error_text(error)) from None

    @api.model
    def _key_file_path(self):
        return key_file_path(config["data_dir"])

    @api.model
    def _key_error_text(self, error):
        if error.reason == "placeholder":
            return self.env._(
                "The WhatsApp encryption key in %(origin)s is an example value, not a secret: replace it with "
                "the output of `openssl rand -base64 32` (or remove it to let Odoo generate one), then restart Odoo.",
                origin=self._key_origin_label(error),
            )
        if error.reason == "short":
            return self.env._(
                "The WhatsApp encryption key in %(origin)s is shorter than %(minimum)s characters: use the output "
                "of `openssl rand -base64 32`, then restart Odoo.",
                origin=self._key_origin_label(error), minimum=MIN_KEY_LENGTH,
            )
        return self.env._(
            "The WhatsApp key file %(path)s cannot be read or created (%(reason)s): check that Odoo's user owns "
            "the data directory.",
            path=error.path, reason=error.detail,
        )

    @api.model
    def _key_origin_label(self, error):
        if error.kind == CONFIG:
            return self.env._("the Odoo option '%s'", KEY_OPTION)
        if error.kind == ENVIRONMENT:
            return self.env._("the environment variable %s", KEY_ENV)
        if error.kind == NEW:
            return self.env._("the new key")
        return self.env._("the key file %s", error.path)

    @api.model
    def _box(self):
        try:
            return box_for(self._key_source().passphrase)
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
        self._audit(record, kind, existing, value)
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
    def _audit(self, record, kind, existing, value):
        """Who saved or removed a number's or company's secret (never the value); the short-lived token
        of a connection in progress is the connection's business, audited when it saves the number."""
        if record._name == "cusoft.whatsapp.onboarding" or (not value and not existing):
            return
        label = dict(self._fields["kind"]._description_selection(self.env))[kind]
        company = record if record._name == "res.company" else record.company_id
        what = _("%(secret)s of %(record)s saved", secret=label, record=record.display_name) if value else _(
            "%(secret)s of %(record)s removed", secret=label, record=record.display_name)
        self.env["cusoft.whatsapp.audit"]._log("secret", what, company=company, record=record)

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

    @api.model
    def _rotate_key(self, old_key, new_key):
        """Re-encrypts every secret of this database from `old_key` (None: the key in use) to
        `new_key`, in the current transaction, and returns how many secrets changed. When one
        secret does not open with the old key, nothing changes. Afterwards Odoo must be given the
        new key (odoo.conf, CUSOFT_WHATSAPP_KEY or the key file): see README, "Rotating the key"."""
        if not self.env.is_superuser() and not self.env.user.has_group("base.group_system"):
            raise AccessError(_("Only administrators can rotate the WhatsApp encryption key."))
        try:
            new_box = box_for(check_passphrase(new_key or "", NEW))
        except InvalidKeyError as error:
            raise UserError(self._key_error_text(error)) from None
        old_box = box_for(old_key) if old_key else self._box()
        # Rows locked for the transaction: a token saved meanwhile must not stay under the old key.
        self.env.cr.execute("SELECT id FROM cusoft_whatsapp_secret ORDER BY id FOR UPDATE")
        secrets = self.sudo().browse([row[0] for row in self.env.cr.fetchall()])
        plaintexts, unreadable = {}, 0
        for secret in secrets:
            try:
                plaintexts[secret] = old_box.decrypt(secret.ciphertext)
            except SecretBoxError:
                unreadable += 1
        if unreadable:
            raise UserError(_(
                "%(count)s of %(total)s WhatsApp secrets cannot be decrypted with the old key: nothing was changed.",
                count=unreadable, total=len(secrets),
            ))
        for secret, plaintext in plaintexts.items():
            secret.ciphertext = new_box.encrypt(plaintext)
        Audit = self.env["cusoft.whatsapp.audit"]
        for company in secrets.company_id:
            Audit._log("secret", _("Encryption key rotated: %s secret(s) re-encrypted.",
                                   len(secrets.filtered(lambda s, c=company: s.company_id == c))), company=company)
        return len(plaintexts)

    @api.model
    def _replace_key_file(self, new_key):
        """Writes `new_key` into the generated key file (after a committed rotation)."""
        replace_key_file(self._key_file_path(), check_passphrase(new_key, NEW))
