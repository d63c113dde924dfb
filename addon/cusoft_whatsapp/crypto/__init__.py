from .secret_box import KEY_ENV, KEY_OPTION, MissingKeyError, SecretBox, SecretBoxError, box_for

__all__ = ["KEY_ENV", "KEY_OPTION", "MissingKeyError", "SecretBox", "SecretBoxError", "box_for"]
