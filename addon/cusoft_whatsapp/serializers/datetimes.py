from odoo import fields


def utc(value):
    """Odoo's 'YYYY-MM-DD HH:MM:SS' (UTC) or None: static_src/api/schemas/datetime.ts reads both forms."""
    return fields.Datetime.to_string(value) if value else None
