import { rpc } from "@web/core/network/rpc";
import { WhatsAppApi } from "../api/client";

/** The API client every adapter hands its component: Odoo's JSON-RPC underneath. */
export function odooWhatsAppApi(): WhatsAppApi {
    return new WhatsAppApi((route, params) => rpc(route, params ?? {}));
}
