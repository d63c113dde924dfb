"""Meta's message templates in plain Python (no Odoo import): the components Meta returns parsed
into a header, body, footer and buttons with their variables (parse.py); the values a sender typed
checked, rendered as the customer will read them, and turned into the send payload (fill.py)."""

from . import build
from .fill import HEADER_MEDIA_KINDS, Problem, graph_template, render, validate
from .parse import TemplateFormatError, parse_components, status_after_event, variables

__all__ = [
    "HEADER_MEDIA_KINDS", "build", "Problem", "TemplateFormatError", "graph_template", "parse_components", "render",
    "status_after_event", "validate", "variables",
]
