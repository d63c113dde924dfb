from .secret_box import KEY_ENV, KEY_OPTION, MissingKeyError, SecretBox, SecretBoxError

__all__ = ["KEY_ENV", "KEY_OPTION", "MissingKeyError", "SecretBox", "SecretBoxError"]
