import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import type { Conversation } from "../api/schemas/chat";
import { conversationHandle } from "../domain/conversation_label";
import { CustomerNotifier, type AlertPort } from "../services/customer_notifier";
import type { InboxStore } from "../services/inbox_contract";
import { odooBusPort, type OdooBusService } from "./bus_port";
import { discussWhatsApp } from "./discuss_state";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { INBOX_SERVICE } from "./inbox_service";
import { openConversation } from "./open_conversation";

// Odoo's usual alerts for a customer's message, reused rather than rebuilt: `presence` says whether
// the tab has the focus, mail's `mail.out_of_focus` sends the browser notification (or Odoo's own
// when the browser's is not allowed, only from the main tab) with its sound, `mail.sound_effects`
// plays the new-message sound when the user is here. The only file naming these services.

interface Services {
    bus_service: OdooBusService;
    presence: { isOdooFocused(): boolean };
    "mail.out_of_focus": {
        sendNotification(notification: { message: string; title: string; type: string; sound?: boolean; icon?: string }): void;
    };
    "mail.sound_effects": { play(name: string): void };
    action: { doAction(action: unknown, options?: unknown): Promise<unknown> };
    ui: { isSmall: boolean };
    [EVERYWHERE_SERVICE]: EverywhereServices | null;
    [INBOX_SERVICE]: InboxStore;
}

function odooAlerts(services: Services): AlertPort {
    return {
        isFocused: () => services.presence.isOdooFocused(),
        visibleConversationId() {
            if (document.visibilityState !== "visible") {
                return null;
            }
            return services[INBOX_SERVICE].state.activeConversationId ?? discussWhatsApp.conversationId;
        },
        sound: () => services["mail.sound_effects"].play("new-message"),
        notify(conversation: Conversation, onClick) {
            const handle = conversationHandle(conversation);
            services["mail.out_of_focus"].sendNotification({
                title: handle && handle !== conversation.name ? `${conversation.name} (${handle})` : conversation.name,
                message: conversation.last_message?.preview ?? "",
                type: "info",
                sound: true,
                icon: conversation.avatar_url ?? "/cusoft_whatsapp/static/description/icon.png",
            });
            // mail's notification focuses the tab when clicked, where the systray lists the
            // conversation; it takes no callback, so `onClick` stays unused here.
            void onClick;
        },
    };
}

const customerNotificationsService = {
    dependencies: ["bus_service", "presence", "mail.out_of_focus", "mail.sound_effects", "action", "ui", EVERYWHERE_SERVICE, INBOX_SERVICE],
    start(_env: unknown, services: Services): CustomerNotifier | null {
        if (!services[EVERYWHERE_SERVICE]) {
            return null;
        }
        const open = (conversationId: number) => void openConversation(services.action, services.ui.isSmall, conversationId);
        return new CustomerNotifier(services[EVERYWHERE_SERVICE].api, odooBusPort(services.bus_service), odooAlerts(services), user.userId, open);
    },
};

export function registerCustomerNotifications(): void {
    registry.category("services").add("cusoft_whatsapp.customer_notifications", customerNotificationsService);
}
