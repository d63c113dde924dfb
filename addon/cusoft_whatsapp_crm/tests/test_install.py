from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCrmBridgeInstall(TransactionCase):
    def test_bridge_installs_itself_with_crm_and_whatsapp(self):
        module = self.env["ir.module.module"].search([("name", "=", "cusoft_whatsapp_crm")])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.auto_install, "installing crm and cusoft_whatsapp must bring the bridge along")
        self.assertEqual(
            set(module.dependencies_id.mapped("name")), {"cusoft_whatsapp", "crm"}
        )
