import type { BusPort } from "../services/inbox_contract";

export interface OdooBusService {
    subscribe(type: string, callback: (payload: unknown) => void): void;
    unsubscribe(type: string, callback: (payload: unknown) => void): void;
}

/** Odoo's bus behind a store's port (our notifications go to the user's partner, always listened to). */
export function odooBusPort(busService: OdooBusService): BusPort {
    return {
        subscribe(type, callback) {
            // Odoo's bus hands (payload, {id}); the stores want the payload only, and an unsubscribe.
            const listener = (payload: unknown) => callback(payload);
            busService.subscribe(type, listener);
            return () => busService.unsubscribe(type, listener);
        },
    };
}
