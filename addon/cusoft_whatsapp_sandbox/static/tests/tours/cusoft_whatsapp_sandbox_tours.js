/** @odoo-module */
// Run by tests/test_sandbox_ui.py: the sandbox as a first-time user meets it.
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("cusoft_whatsapp_sandbox_tour", {
    steps: () => [
        {
            content: "Settings say the sandbox is active",
            trigger: ".o_cusoft_whatsapp_sandbox_settings_banner:contains(nothing reaches WhatsApp)",
        },
        {
            content: "Connect WhatsApp: the sandbox stands in for Meta's popup",
            trigger: ".o_cusoft_whatsapp_connect_widget button:contains(Connect WhatsApp)",
            run: "click",
        },
        {
            content: "Our real onboarding steps run against the fake Graph server and end connected",
            trigger: ".o_cusoft_whatsapp_open_connected",
            run: "click",
        },
        {
            content: "The number is connected",
            trigger: ".o_cusoft_whatsapp_account_card .badge:contains(Connected)",
        },
        {
            content: "The number's form shows the sandbox banner too",
            trigger: ".o_main_navbar .o_cusoft_whatsapp_sandbox_banner:contains(Sandbox)",
        },
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "… and the WhatsApp app",
            trigger: ".o-dropdown-item.o_app:contains(WhatsApp)",
            run: "click",
        },
        {
            content: "The WhatsApp app shows the sandbox banner",
            trigger: ".o_main_navbar .o_cusoft_whatsapp_sandbox_banner:contains(Sandbox)",
        },
        {
            content: "Open the Sandbox menu",
            trigger: ".o_main_navbar button:contains(Sandbox), .o_main_navbar a:contains(Sandbox)",
            run: "click",
        },
        {
            content: "… and Simulate a customer",
            trigger: ".dropdown-item:contains(Simulate a customer)",
            run: "click",
        },
        {
            content: "Create the customer by name",
            trigger: ".o_field_widget[name=customer_id] input",
            run: "edit Lucía Tour",
        },
        {
            content: "… with Create and edit, to give the phone number",
            trigger: ".o-autocomplete--dropdown-item:contains(Create and edit)",
            run: "click",
        },
        {
            content: "Her phone number",
            trigger: ".modal .o_field_widget[name=phone] input",
            run: "edit +34 600 555 777",
        },
        {
            content: "Save the customer",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "Type her message",
            trigger: ".o_field_widget[name=body] textarea",
            run: "edit Hello from the sandbox tour",
        },
        {
            content: "Send it as the customer",
            trigger: "button[name=action_send]",
            run: "click",
        },
        {
            content: "It is on its way to the webhook",
            trigger: ".o_notification:contains(on its way to the webhook)",
        },
    ],
});

// The second half, run by tests/test_sandbox_ui.py after the customer's message was processed: the
// answer from the inbox, then the simulated customer's phone reports it delivered and read, live.
registry.category("web_tour.tours").add("cusoft_whatsapp_sandbox_inbox_tour", {
    steps: () => [
        {
            content: "The simulated customer's conversation is in the inbox",
            trigger: ".o_cusoft_whatsapp_inbox .o_cusoft_whatsapp_conversation:contains(Hello from the sandbox tour)",
            run: "click",
        },
        {
            content: "Her message is in the thread",
            trigger: ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_inbound:contains(Hello from the sandbox tour)",
        },
        {
            content: "Answer her",
            trigger: ".o_cusoft_whatsapp_thread_pane textarea.o_cusoft_whatsapp_input",
            run: "edit Hello Lucía, how can we help?",
        },
        {
            content: "Send",
            trigger: ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_send:enabled",
            run: "click",
        },
        {
            content: "Her phone read it: the blue ticks arrive without a reload",
            trigger: ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_outbound:contains(Hello Lucía, how can we help?) .o_cusoft_whatsapp_tick_read",
            timeout: 30000,
        },
    ],
});
