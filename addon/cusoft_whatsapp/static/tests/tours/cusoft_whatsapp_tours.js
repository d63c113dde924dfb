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
