"""Where the encryption key comes from (plain Python, no Odoo import).

In order: the Odoo option ``cusoft_whatsapp_key``, the environment variable ``CUSOFT_WHATSAPP_KEY``,
then a key file generated once in Odoo's data directory. The file lives outside the database, so a
database dump alone reveals no token; it must be backed up with the filestore.
"""

import os
import secrets
from dataclasses import dataclass

from .secret_box import KEY_ENV, KEY_OPTION, MIN_KEY_LENGTH, MissingKeyError

KEY_FILE_NAME = "cusoft_whatsapp.key"
CONFIG, ENVIRONMENT, FILE = "config", "environment", "file"
NEW = "new"  # a key given to the rotation

# Values people leave in place from examples: the docker-compose.yml one and its kin.
_PLACEHOLDER_PREFIXES = ("change-me", "changeme", "change_me", "replace-me", "replaceme", "your-", "<")
_PLACEHOLDERS = frozenset({"secret", "password", "cusoft_whatsapp_key", "random-value", "example"})


class InvalidKeyError(MissingKeyError):
    """A key that must not be used. `reason` is 'placeholder', 'short' or 'unreadable'; `kind` says
    where the value came from (CONFIG, ENVIRONMENT, FILE with `path`, or NEW)."""

    def __init__(self, reason, kind, path=None, detail=""):
        self.reason, self.kind, self.path, self.detail = reason, kind, path, detail
        origin = describe(kind, path)
        super().__init__(_ENGLISH[reason].format(origin=origin, minimum=MIN_KEY_LENGTH, detail=detail))


_ENGLISH = {
    "placeholder": "The WhatsApp encryption key in {origin} is an example value, not a secret: replace it "
                   "with the output of `openssl rand -base64 32` (or remove it to let Odoo generate one), "
                   "then restart Odoo.",
    "short": "The WhatsApp encryption key in {origin} is shorter than {minimum} characters: use the output of "
             "`openssl rand -base64 32`, then restart Odoo.",
    "unreadable": "The WhatsApp {origin} cannot be read or created ({detail}): check that Odoo's user "
                  "owns the data directory.",
}


@dataclass(frozen=True)
class KeySource:
    kind: str  # CONFIG, ENVIRONMENT or FILE
    passphrase: str
    path: str | None = None  # the key file, for FILE

    def __repr__(self):
        return f"KeySource({self.kind!r}, <key hidden>, path={self.path!r})"


def describe(kind, path=None):
    return {
        CONFIG: f"the Odoo option '{KEY_OPTION}'", ENVIRONMENT: f"the environment variable {KEY_ENV}", NEW: "the new key",
    }.get(kind, f"the key file {path}")


def check_passphrase(value, kind, path=None):
    """`value` if it can serve as a key, else InvalidKeyError saying why."""
    lowered = value.strip().lower()
    if lowered in _PLACEHOLDERS or lowered.startswith(_PLACEHOLDER_PREFIXES):
        raise InvalidKeyError("placeholder", kind, path)
    if len(value) < MIN_KEY_LENGTH:
        raise InvalidKeyError("short", kind, path)
    return value


def key_file_path(data_dir):
    return os.path.join(data_dir, KEY_FILE_NAME)


def read_or_create_key_file(path):
    """The key stored at `path`, generated first (mode 0600) when there is none. Safe against
    several workers starting at once: the file appears complete or not at all."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise InvalidKeyError("unreadable", FILE, path, error.strerror or str(error)) from None
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_urlsafe(32) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(temporary, path)  # fails if another worker won the race: use its key
            except FileExistsError:
                pass
        finally:
            os.unlink(temporary)
        return _read(path)
    except OSError as error:
        raise InvalidKeyError("unreadable", FILE, path, error.strerror or str(error)) from None


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return check_passphrase(handle.read().strip(), FILE, path)


def resolve(option_value, environ, data_dir):
    """The key to use: an explicit one wins (and is refused when it is a placeholder or too short);
    otherwise the generated key file of `data_dir`."""
    if option_value:
        return KeySource(CONFIG, check_passphrase(str(option_value), CONFIG))
    if environ.get(KEY_ENV):
        return KeySource(ENVIRONMENT, check_passphrase(environ[KEY_ENV], ENVIRONMENT))
    path = key_file_path(data_dir)
    return KeySource(FILE, read_or_create_key_file(path), path)


def replace_key_file(path, passphrase):
    """Puts `passphrase` in the key file at once (mode 0600): readers see the old or the new key."""
    temporary = f"{path}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(passphrase + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
