from odoo.exceptions import UserError

from .graph_server import SANDBOX_NUMBER_IDS

MEDIA_HOSTS_PARAM = "cusoft_whatsapp.media_hosts"
META_MEDIA_HOST = "lookaside.fbsbx.com"


def _refuse_real_numbers(env):
    """A sandbox answers every Graph call itself: on a database with a real number it would cut that
    number off from Meta (messages sent nowhere, webhooks signed with another secret)."""
    if "cusoft.whatsapp.account" not in env:
        return
    real = env["cusoft.whatsapp.account"].sudo().with_context(active_test=False).search([
        # "error" too: a real number whose token expired is still in use, waiting for a reconnection.
        ("state", "in", ("connected", "error")), ("phone_number_id", "not in", list(SANDBOX_NUMBER_IDS)),
    ])
    if real:
        raise UserError(env._(
            "The WhatsApp sandbox cannot be installed on this database: it has real connected WhatsApp "
            "numbers (%s). The sandbox would answer in Meta's place and nothing would reach WhatsApp any "
            "more. Install it on a test database instead.",
            ", ".join(real.mapped("display_name")),
        ))


def _configure_sandbox(env):
    env["res.company"].search([])._cusoft_whatsapp_sandbox_configure()
    # The fake server's media downloads come from 127.0.0.1 (plain http is allowed on loopback only).
    params = env["ir.config_parameter"].sudo()
    hosts = [host.strip() for host in (params.get_param(MEDIA_HOSTS_PARAM) or META_MEDIA_HOST).split(",") if host.strip()]
    if "127.0.0.1" not in hosts:
        params.set_param(MEDIA_HOSTS_PARAM, ",".join([*hosts, "127.0.0.1"]))
