import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";
import { user } from "@web/core/user";
import { ChatApi } from "../api/chat_client";
import { WhatsAppInboxStore } from "../services/inbox_store";
import { odooBusPort, type OdooBusService } from "./bus_port";
import { odooUpload } from "./upload";

export const INBOX_SERVICE = "cusoft_whatsapp.inbox";

/**
 * `cusoft_whatsapp.inbox`: one store per tab, shared by the inbox and any other view of the chat.
 * Starting it costs nothing but three bus subscriptions: it calls the server when a view asks.
 */
export const inboxService = {
    dependencies: ["bus_service"],
    start(_env: unknown, { bus_service }: { bus_service: OdooBusService }): WhatsAppInboxStore {
        const api = new ChatApi((route, params) => rpc(route, params ?? {}, { silent: true }), odooUpload);
        const store = new WhatsAppInboxStore(api, odooBusPort(bus_service), { userId: user.userId, userName: user.name });
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "visible") {
                void store.onVisible();
            }
        });
        return store;
    },
};

export function registerInboxService(): void {
    registry.category("services").add(INBOX_SERVICE, inboxService);
}
