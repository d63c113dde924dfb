/** @odoo-module */
// Tours of the chat where users already are (issue 12), run by tests/test_ui_everywhere.py and the
// CRM bridge's tests/test_ui_crm.py: Discuss's WhatsApp category and main area, the systray, the
// chat panel of lead forms, Create lead.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("cusoft_whatsapp_discuss_tour", {
    steps: () => [
        {
            content: "Discuss's sidebar has a WhatsApp category listing my conversation",
            trigger: ".o-mail-DiscussSidebar .o_cusoft_whatsapp_sidebar_item[data-mine='1']:contains(Maria)",
            run: "click",
        },
        {
            content: "The conversation opens in Discuss's main area with our thread",
            trigger: ".o-mail-Discuss .o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_pane:contains(Hello, is my order ready?)",
        },
        {
            content: "The URL names the conversation, so a reload or a shared link reopens it",
            trigger: ".o_cusoft_whatsapp_discuss_main",
            run() {
                if (!window.location.href.includes("cusoft_whatsapp.conversation_")) {
                    throw new Error(`the URL does not name the conversation: ${window.location.href}`);
                }
            },
        },
        {
            content: "Answer the customer",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_input",
            run: "edit On my way",
        },
        {
            content: "Send",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_send:enabled",
            run: "click",
        },
        {
            content: "The answer is in the thread",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_pane:contains(On my way)",
        },
        {
            content: "Discuss's own mailboxes still open: back to the Inbox",
            trigger: ".o-mail-DiscussSidebar button:contains(Inbox)",
            run: "click",
        },
        {
            content: "The Inbox replaces the conversation in the main area",
            trigger: ".o-mail-Discuss:not(:has(.o_cusoft_whatsapp_discuss_main)) .o-mail-Discuss-content .o-mail-Discuss-header",
        },
        {
            content: "The WhatsApp row is no longer highlighted, its unread badge is gone (read in Discuss)",
            trigger: ".o_cusoft_whatsapp_sidebar_item:not(.o-active):not(:has(.o_cusoft_whatsapp_sidebar_badge)):contains(Maria)",
        },
        {
            content: "And the conversation opens again from the sidebar",
            trigger: ".o_cusoft_whatsapp_sidebar_item:contains(Maria)",
            run: "click",
        },
        {
            content: "Shown again, with the answer",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_pane:contains(On my way)",
        },
    ],
});

tours.add("cusoft_whatsapp_discuss_restore_tour", {
    steps: () => [
        {
            content: "Opened from its URL, the conversation is in Discuss's main area",
            trigger: ".o-mail-Discuss .o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_pane:contains(Hello, is my order ready?)",
        },
        {
            content: "and highlighted in the WhatsApp category",
            trigger: ".o_cusoft_whatsapp_sidebar_item.o-active:contains(Maria)",
        },
    ],
});

tours.add("cusoft_whatsapp_systray_tour", {
    steps: () => [
        {
            content: "One conversation needs me",
            trigger: ".o_cusoft_whatsapp_systray .o_cusoft_whatsapp_systray_counter:contains(1)",
        },
        {
            // Opening it counts again, which tells tests/test_ui_systray.py that the customer may write now.
            content: "Open the dropdown: my conversation is listed",
            trigger: ".o_cusoft_whatsapp_systray button",
            run: "click",
        },
        {
            content: "Listed",
            trigger: ".o_cusoft_whatsapp_attention_item:contains(Maria)",
        },
        {
            content: "A customer writes in a free conversation: the counter goes up live",
            trigger: ".o_cusoft_whatsapp_systray .o_cusoft_whatsapp_systray_counter:contains(2)",
        },
        {
            content: "The new conversation is listed; open it",
            trigger: ".o_cusoft_whatsapp_attention_item:contains(Newcomer)",
            run: "click",
        },
        {
            content: "It opens in Discuss",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_pane:contains(Do you deliver on Sundays?)",
        },
        {
            content: "Read, it no longer needs me: the counter goes down",
            trigger: ".o_cusoft_whatsapp_systray .o_cusoft_whatsapp_systray_counter:contains(1)",
        },
    ],
});

tours.add("cusoft_whatsapp_lead_panel_tour", {
    steps: () => [
        {
            content: "The lead's form has a WhatsApp tab",
            trigger: ".o_form_view .o_notebook .nav-link:contains(WhatsApp)",
            run: "click",
        },
        {
            content: "Its panel shows the lead's conversation",
            trigger: ".o_cusoft_whatsapp_chat_panel .o_cusoft_whatsapp_thread_pane:contains(Hello, is my order ready?)",
        },
    ],
});

tours.add("cusoft_whatsapp_create_lead_tour", {
    steps: () => [
        {
            content: "Open the conversation from Discuss",
            trigger: ".o_cusoft_whatsapp_sidebar_item:contains(Maria)",
            run: "click",
        },
        {
            content: "The header offers Create lead",
            trigger: ".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_thread_header button[name=create_lead]",
            run: "click",
        },
        {
            content: "The new lead opens, prefilled from the conversation",
            trigger: ".o_form_view .o_field_widget[name=name] textarea, .o_form_view .o_field_widget[name=name] input",
            run() {
                if (!this.anchor.value.includes("Maria")) {
                    throw new Error(`unexpected lead name: ${this.anchor.value}`);
                }
            },
        },
    ],
});
