/** @odoo-module */
// The sandbox's Embedded Signup: stands in for Meta's SDK through the ports registry the Connect
// WhatsApp button reads at click time (cusoft_whatsapp static_src/odoo/connect_widget.ts), so the
// button runs our real flow (signup/start, signup/complete, every onboarding step against the fake
// Graph server) without Facebook's script or popup. No Facebook URL is requested.
import { registry } from "@web/core/registry";

/** How long the simulated popup stays "open": long enough to see the flow's first state. */
const POPUP_MS = 600;

export const sandboxFacebookSdk = {
    async load() {
        return {
            login(callback) {
                // Meta's answer: a one-time code (the fake Graph server exchanges any code once). The
                // popup's FINISH message cannot be simulated (the page trusts facebook.com only); the
                // server then reads the WABA from the token, as it does when Meta's message is lost.
                const code = `sandbox-${Date.now()}-${Math.random().toString(36).slice(2)}`;
                setTimeout(() => callback({ authResponse: { code } }), POPUP_MS);
            },
        };
    },
};

registry.category("cusoft_whatsapp.ports").add("facebook_sdk", sandboxFacebookSdk, { force: true });
