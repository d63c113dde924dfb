// Entry of the bundle Odoo loads in web.assets_backend: wires the components into Odoo's registries.
import { registerHomeAction } from "./odoo/home_action";
import { registerNumbersWidget } from "./odoo/numbers_widget";
import { registerAccountCardWidget } from "./odoo/account_card_widget";
import { registerConnectWidget } from "./odoo/connect_widget";
import { registerSetupChecklistWidget } from "./odoo/setup_checklist_widget";
import { installOdooTranslator } from "./odoo/translation";

installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();
registerSetupChecklistWidget();

export { WhatsAppApi } from "./api/client";
export { WhatsAppHome } from "./components/home/home";
