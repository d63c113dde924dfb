import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";
import { user } from "@web/core/user";
import { ChatApi } from "../api/chat_client";
import type { BusPort } from "../services/inbox_contract";
import { WhatsAppInboxStore } from "../services/inbox_store";
import { odooUpload } from "./upload";

export const INBOX_SERVICE = "cusoft_whatsapp.inbox";

interface BusService {
    subscribe(type: string, callback: (payload: unknown) => void): void;
    unsubscribe(type: string, callback: (payload: unknown) => void): void;
}

/** Odoo's bus behind the store's port. Our notifications go to the user's partner, which the bus always listens to. */
function busPort(busService: BusService): BusPort {
    return {
        subscribe(type, callback) {
            // Odoo's bus hands (payload, {id}); the store wants the payload only, and an unsubscribe.
            const listener = (payload: unknown) => callback(payload);
            busService.subscribe(type, listener);
            return () => busService.unsubscribe(type, listener);
        },
    };
}

/**
 * `cusoft_whatsapp.inbox`: one store per tab, shared by the inbox and any other view of the chat.
 * Starting it costs nothing but three bus subscriptions: it calls the server when a view asks.
 */
export const inboxService = {
    dependencies: ["bus_service"],
    start(_env: unknown, { bus_service }: { bus_service: BusService }): WhatsAppInboxStore {
        const api = new ChatApi((route, params) => rpc(route, params ?? {}, { silent: true }), odooUpload);
        const store = new WhatsAppInboxStore(api, busPort(bus_service), { userId: user.userId, userName: user.name });
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
