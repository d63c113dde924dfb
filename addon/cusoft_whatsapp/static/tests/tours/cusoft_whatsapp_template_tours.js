/** @odoo-module */
// Tours of templates where agents meet them, run by tests/test_ui_templates.py: the inbox's
// "Send a template" once the 24-hour window has closed, and the phone field's WhatsApp button on a
// contact who has no conversation yet (the template sender) or has one (the chat).
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const PICKER = ".modal .o_cusoft_whatsapp_template_picker";

tours.add("cusoft_whatsapp_template_inbox_tour", {
    steps: () => [
        {
            content: "Open the customer who wrote two days ago",
            trigger: ".o_cusoft_whatsapp_inbox .o_cusoft_whatsapp_conversation:contains(Maria)",
            run: "click",
        },
        {
            content: "The window has closed: the composer offers a template instead of free text",
            trigger: ".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_window_closed .o_cusoft_whatsapp_send_template:enabled",
            run: "click",
        },
        {
            content: "The picker lists the number's approved templates",
            trigger: `${PICKER} .o_cusoft_whatsapp_tpl_option[data-name='reminder']`,
            run: "click",
        },
        {
            content: "Fill the customer's name",
            trigger: `${PICKER} .o_cusoft_whatsapp_tpl_variable[data-key='body.1'] input`,
            run: "edit Maria",
        },
        {
            content: "Fill the reference",
            trigger: `${PICKER} .o_cusoft_whatsapp_tpl_variable[data-key='body.2'] input`,
            run: "edit R-9",
        },
        {
            content: "The preview shows what the customer will read",
            trigger: `${PICKER} .o_cusoft_whatsapp_tpl_preview:contains(Hello Maria, your reference is R-9.)`,
        },
        {
            content: "Send it",
            trigger: `${PICKER} .o_cusoft_whatsapp_tpl_send:enabled`,
            run: "click",
        },
        {
            content: "The dialog closes and the template is in the thread at once",
            trigger: "body:not(:has(.modal)) .o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_outbound:contains(Hello Maria, your reference is R-9.)",
        },
    ],
});

tours.add("cusoft_whatsapp_phone_template_tour", {
    steps: () => [
        {
            content: "The contact's mobile has a WhatsApp button",
            trigger: ".o_field_widget[name='mobile'] .o_cusoft_whatsapp_phone_button",
            run: "click",
        },
        {
            content: "No conversation with this number yet: the template sender opens for this contact",
            trigger: ".modal .o_form_view .o_field_widget[name='template_id']",
        },
        {
            content: "Choose the template",
            trigger: ".modal .o_field_widget[name='template_id'] input",
            run: "edit reminder",
        },
        {
            content: "Pick it from the list",
            trigger: ".o-autocomplete--dropdown-item:contains(reminder)",
            run: "click",
        },
        {
            content: "The preview is filled from the contact",
            trigger: ".modal .o_field_widget[name='preview']:contains(Hello Dana Ruiz, your reference is C-12.)",
        },
        {
            content: "Send",
            trigger: ".modal button[name='action_send']",
            run: "click",
        },
        {
            content: "The result says it was sent",
            trigger: ".modal .o_field_widget[name='result_ids'] .o_data_row:contains(Sent)",
        },
    ],
});

tours.add("cusoft_whatsapp_phone_chat_tour", {
    steps: () => [
        {
            content: "The contact's mobile has a WhatsApp button",
            trigger: ".o_field_widget[name='mobile'] .o_cusoft_whatsapp_phone_button",
            run: "click",
        },
        {
            content: "The number has a conversation: it opens with the customer's message",
            trigger: ".o_cusoft_whatsapp_thread_pane:contains(Hello, is my order ready?)",
        },
    ],
});
