/** @odoo-module */
// Browser tours run by tests/test_ui.py: they prove the esbuild bundle executes inside Odoo 18's
// web client and that its components mount and render server data.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("cusoft_whatsapp_home_tour", {
    steps: () => [
        {
            content: "The WhatsApp overview lists the connected number with its health",
            trigger: ".o_cusoft_whatsapp_home .o_cusoft_whatsapp_account:contains(Tour line):contains(+1 555-000-1234)",
        },
        {
            content: "Its state is spelled out",
            trigger: ".o_cusoft_whatsapp_account .o_cusoft_whatsapp_state:contains(Connected)",
        },
    ],
});

registry.category("web_tour.tours").add("cusoft_whatsapp_account_tour", {
    steps: () => [
        {
            content: "The account card shows the number's health",
            trigger: ".o_cusoft_whatsapp_account_card:contains(Tour line):contains(Example Trading SRL)",
        },
        {
            content: "The webhook URL is ready to copy into Meta's dashboard",
            trigger: ".o_cusoft_whatsapp_account_card input[id^='o_cusoft_whatsapp_webhook_url_']",
            run() {
                if (!this.anchor.value.endsWith("/whatsapp/webhook")) {
                    throw new Error(`unexpected webhook URL: ${this.anchor.value}`);
                }
            },
        },
        {
            content: "Test the connection against Meta (the project's fake Graph server in tests)",
            trigger: ".o_cusoft_whatsapp_account_card button:contains(Test connection)",
            run: "click",
        },
        {
            content: "The result is announced",
            trigger: ".o_cusoft_whatsapp_account_card:contains(The connection works)",
        },
    ],
});

/** Stands in for Meta's SDK: the popup "completes" and hands back a code, as FB.login would. */
const fakeFacebookSdk = {
    async load() {
        return {
            login(callback, options) {
                window.cusoftTourLoginOptions = options;
                setTimeout(() => callback({ authResponse: { code: "tour-code" } }), 10);
            },
        };
    },
};

registry.category("web_tour.tours").add("cusoft_whatsapp_signup_tour", {
    steps: () => [
        {
            content: "Connect WhatsApp from Settings (with the fake SDK instead of Meta's)",
            trigger: ".o_cusoft_whatsapp_connect_widget button:contains(Connect WhatsApp)",
            run(actions) {
                registry.category("cusoft_whatsapp.ports").add("facebook_sdk", fakeFacebookSdk, { force: true });
                return actions.click();
            },
        },
        {
            content: "Each onboarding step is shown, and the flow ends connected",
            trigger: ".o_cusoft_whatsapp_connect_widget:contains(Test the connection)",
        },
        {
            content: "Open the new number",
            trigger: ".o_cusoft_whatsapp_open_connected",
            run: "click",
        },
        {
            content: "It is connected",
            trigger: ".o_cusoft_whatsapp_account_card .badge:contains(Connected)",
        },
    ],
});

registry.category("web_tour.tours").add("cusoft_whatsapp_connect_first_number_tour", {
    steps: () => [
        {
            content: "No number yet: the overview offers to connect one",
            trigger: ".o_cusoft_whatsapp_empty button:contains(Connect a number)",
            run: "click",
        },
        {
            content: "Without the Settings right, it opens the numbers list instead of an access error",
            trigger: ".o_breadcrumb:contains(WhatsApp numbers)",
        },
    ],
});
