/** @odoo-module */
// The setup checklist inside Odoo's web client: at the top of Settings → WhatsApp and on the empty
// overview, the first step to do is marked and its instructions are shown. Run by
// tests/test_setup_checklist.py.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("cusoft_whatsapp_setup_checklist_settings_tour", {
    steps: () => [
        {
            content: "Settings → WhatsApp opens with the checklist, the number to connect next",
            trigger: ".o_cusoft_whatsapp_setup_settings .o_cusoft_whatsapp_setup_step[aria-current=step][data-step=number]",
        },
        {
            content: "The steps before it are done",
            trigger: ".o_cusoft_whatsapp_setup_step.o_done[data-step=public_url]",
        },
    ],
});

registry.category("web_tour.tours").add("cusoft_whatsapp_setup_checklist_home_tour", {
    steps: () => [
        {
            content: "The empty overview shows administrators the checklist above the connect button",
            trigger: ".o_cusoft_whatsapp_home .o_cusoft_whatsapp_setup_step[aria-current=step][data-step=number]",
        },
        {
            content: "and still the button",
            trigger: ".o_cusoft_whatsapp_empty button:contains(Connect a number)",
        },
    ],
});
