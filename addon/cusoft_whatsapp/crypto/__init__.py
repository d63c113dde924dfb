from .key_source import (
    CONFIG,
    ENVIRONMENT,
    FILE,
    KEY_FILE_NAME,
    NEW,
    InvalidKeyError,
    KeySource,
    check_passphrase,
    key_file_path,
    read_or_create_key_file,
    replace_key_file,
    resolve,
)
from .secret_box import KEY_ENV, KEY_OPTION, MIN_KEY_LENGTH, MissingKeyError, SecretBox, SecretBoxError, box_for

__all__ = [
    "CONFIG", "ENVIRONMENT", "FILE", "KEY_ENV", "KEY_FILE_NAME", "KEY_OPTION", "MIN_KEY_LENGTH", "NEW", "InvalidKeyError",
    "KeySource", "MissingKeyError", "SecretBox", "SecretBoxError", "box_for", "check_passphrase", "key_file_path",
    "read_or_create_key_file", "replace_key_file", "resolve",
]
