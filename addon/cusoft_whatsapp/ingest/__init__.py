"""Per-process helpers of the webhook route that must cost the request nothing (see background.py)."""

from .background import BACKGROUND

__all__ = ["BACKGROUND"]
