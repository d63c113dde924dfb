import { browser } from "@web/core/browser/browser";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { EverywhereApi } from "../api/everywhere_client";
import { AttentionStore } from "../services/attention_store";
import { SidebarStore } from "../services/sidebar_store";
import { odooBusPort, type OdooBusService } from "./bus_port";

export const USER_GROUP = "cusoft_whatsapp.group_cusoft_whatsapp_user";

/** What the systray, Discuss and the forms share: null for users without WhatsApp rights (they see nothing). */
export interface EverywhereServices {
    api: EverywhereApi;
    attention: AttentionStore;
    sidebar: SidebarStore;
}

export function everywhereApi(): EverywhereApi {
    return new EverywhereApi((route, params) => rpc(route, params ?? {}, { silent: true }));
}

/**
 * One attention store and one sidebar store per tab. Asking the group once at start-up keeps users
 * without WhatsApp rights from calling routes that would answer 403.
 */
const everywhereService = {
    dependencies: ["bus_service"],
    async start(_env: unknown, { bus_service }: { bus_service: OdooBusService }): Promise<EverywhereServices | null> {
        if (!(await user.hasGroup(USER_GROUP))) {
            return null;
        }
        const api = everywhereApi();
        const bus = odooBusPort(bus_service);
        return {
            api,
            attention: new AttentionStore(api, bus),
            sidebar: new SidebarStore(api, bus, browser.localStorage, user.userId),
        };
    },
};

export const EVERYWHERE_SERVICE = "cusoft_whatsapp.everywhere";

export function registerEverywhereServices(): void {
    registry.category("services").add(EVERYWHERE_SERVICE, everywhereService);
}
