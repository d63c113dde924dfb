// Entry of the bundle Odoo loads in web.assets_backend: wires the components into Odoo's registries.
import { registerHomeAction } from "./odoo/home_action";
import { registerNumbersWidget } from "./odoo/numbers_widget";
import { registerAccountCardWidget } from "./odoo/account_card_widget";
import { registerConnectWidget } from "./odoo/connect_widget";
import { installOdooTranslator } from "./odoo/translation";

installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();

export { WhatsAppApi } from "./api/client";
export { WhatsAppHome } from "./components/home/home";
// The chat's thread (issue 11): the inbox places the pane and calls useOdooChatIntegrations().
export { ThreadPane } from "./components/thread_pane/thread_pane";
export { useOdooChatIntegrations } from "./odoo/chat_integrations";
