from urllib.parse import urlsplit

from odoo import api, models

from ..graph_server import graph_url

LOOPBACK = ("127.0.0.1", "localhost", "::1")


class CusoftWhatsappAccount(models.Model):
    _inherit = "cusoft.whatsapp.account"

    @api.model
    def _graph_client_for(self, token, account=None, company=None):
        """Every Graph call goes to the sandbox's fake server, whatever Settings say, so that nothing
        reaches Meta; a Graph URL on this machine (another fake, a test's) is left as it is."""
        client = super()._graph_client_for(token, account=account, company=company)
        if urlsplit(client.base_url).hostname not in LOOPBACK:
            client.base_url = graph_url()
        return client
