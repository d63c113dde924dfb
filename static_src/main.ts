// Entry of the bundle Odoo loads in web.assets_backend: wires the components into Odoo's registries.
import { registerHomeAction } from "./odoo/home_action";
import { registerNumbersWidget } from "./odoo/numbers_widget";
import { registerAccountCardWidget } from "./odoo/account_card_widget";
import { registerConnectWidget } from "./odoo/connect_widget";
import { installOdooTranslator } from "./odoo/translation";
import { registerInboxService } from "./odoo/inbox_service";
import { registerInboxAction } from "./odoo/inbox_action";

installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();
registerInboxService();
registerInboxAction();

export { WhatsAppApi } from "./api/client";
export { WhatsAppHome } from "./components/home/home";
