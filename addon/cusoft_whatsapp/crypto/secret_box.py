"""Encryption at rest for tokens, app secrets and PINs (plain Python, no Odoo import).

The key never lives in the database: a database dump alone must not reveal a token. It comes from
the Odoo config option ``cusoft_whatsapp_key``, the environment variable ``CUSOFT_WHATSAPP_KEY`` or
the key file generated in Odoo's data directory (key_source.py) — any long random passphrase,
stretched here into a Fernet key.
"""

import base64
import functools
import hashlib

from cryptography.fernet import Fernet, InvalidToken

KEY_OPTION = "cusoft_whatsapp_key"
KEY_ENV = "CUSOFT_WHATSAPP_KEY"
MIN_KEY_LENGTH = 16
_SALT = b"cusoft_whatsapp/secret_box/v1"


class SecretBoxError(Exception):
    """A secret could not be encrypted or decrypted; the message is safe to show an admin."""


class MissingKeyError(SecretBoxError):
    pass


class SecretBox:
    def __init__(self, passphrase):
        if not passphrase or len(passphrase) < MIN_KEY_LENGTH:
            raise MissingKeyError(
                f"WhatsApp secrets cannot be stored: set '{KEY_OPTION}' in the Odoo configuration "
                f"file or the environment variable {KEY_ENV} to a random value of at least "
                f"{MIN_KEY_LENGTH} characters (for example the output of `openssl rand -base64 32`), "
                "then restart Odoo."
            )
        # A fixed salt is fine: the passphrase is a machine secret, not a user password, and the
        # derivation must be stable across restarts and workers.
        raw = hashlib.pbkdf2_hmac("sha256", passphrase.encode(), _SALT, 100_000, dklen=32)
        self._fernet = Fernet(base64.urlsafe_b64encode(raw))

    def __repr__(self):
        return "SecretBox(<key hidden>)"

    def encrypt(self, plaintext):
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, ciphertext):
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except InvalidToken:
            raise SecretBoxError(
                f"A stored WhatsApp secret cannot be decrypted: '{KEY_OPTION}' / {KEY_ENV} changed "
                "since it was saved. Restore the previous key or enter the token again."
            ) from None


@functools.lru_cache(maxsize=4)
def box_for(passphrase):
    """The box of `passphrase`, derived once per process: the key stretching costs ~20 ms, and
    every Graph call, media download and webhook secret lookup needs a decrypted secret."""
    return SecretBox(passphrase)
