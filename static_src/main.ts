// Entry of the bundle Odoo loads in web.assets_backend: wires the components into Odoo's registries.
import { registerHomeAction } from "./odoo/home_action";
import { registerNumbersWidget } from "./odoo/numbers_widget";
import { registerAccountCardWidget } from "./odoo/account_card_widget";
import { registerConnectWidget } from "./odoo/connect_widget";
import { registerSetupChecklistWidget } from "./odoo/setup_checklist_widget";
import { installOdooTranslator } from "./odoo/translation";
import { registerInboxService } from "./odoo/inbox_service";
import { registerEverywhereServices } from "./odoo/everywhere_services";
import { registerSystray } from "./odoo/systray";
import { registerCustomerNotifications } from "./odoo/customer_notifications";
import { registerDiscussSidebar } from "./odoo/discuss_sidebar";
import { installDiscussMainArea } from "./odoo/discuss_main_area";
import { installMessagingMenuTab } from "./odoo/messaging_menu_tab";
import { registerChatPanelWidget } from "./odoo/chat_panel_widget";
import { registerConversationActions } from "./odoo/conversation_actions";
import { installPhoneFieldButton } from "./odoo/phone_field";
import { registerInboxAction } from "./odoo/inbox_action";

installOdooTranslator();
registerHomeAction();
registerNumbersWidget();
registerAccountCardWidget();
registerConnectWidget();
registerInboxService();
// The chat where users already are (issue 12): systray, notifications, Discuss, forms, phone fields.
registerEverywhereServices();
registerSystray();
registerCustomerNotifications();
registerDiscussSidebar();
installDiscussMainArea();
installMessagingMenuTab();
registerChatPanelWidget();
registerConversationActions();
installPhoneFieldButton();
registerInboxAction();
registerSetupChecklistWidget();

export { WhatsAppApi } from "./api/client";
export { WhatsAppHome } from "./components/home/home";
// The chat's thread (issue 11): the inbox places the pane and calls useOdooChatIntegrations().
export { ThreadPane } from "./components/thread_pane/thread_pane";
export { useOdooChatIntegrations } from "./odoo/chat_integrations";
