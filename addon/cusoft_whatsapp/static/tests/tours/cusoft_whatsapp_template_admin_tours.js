/** @odoo-module */
// Tours of the administrator's side of templates, run by tests/test_ui_template_admin.py: the
// builder checks Meta's rules as one types and previews the message; a variable is mapped to a
// field of contacts with Odoo's field picker.
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const BUILDER = ".modal .o_form_view";
// A field is committed when it loses the focus, as when a person moves on.
const leaveField = { content: "Move on", trigger: ".modal .modal-title", run: "click" };

tours.add("cusoft_whatsapp_template_builder_tour", {
    steps: () => [
        {
            content: "A name with capitals and a space",
            trigger: `${BUILDER} .o_field_widget[name=name] input`,
            run: "edit Spring Sale",
        },
        leaveField,
        {
            content: "Meta's naming rule is shown at once, with the name it would accept",
            trigger: `${BUILDER} .o_field_widget[name=name_problem]:contains(spring_sale)`,
        },
        {
            content: "Fix the name",
            trigger: `${BUILDER} .o_field_widget[name=name] input`,
            run: "edit spring_sale",
        },
        leaveField,
        {
            content: "The message, with two variables",
            trigger: `${BUILDER} .o_field_widget[name=body] textarea`,
            run: "edit Hi {{1}}, our spring sale starts on {{2}}.",
        },
        leaveField,
        {
            content: "Without examples, Meta would refuse it: said before submitting",
            trigger: `${BUILDER} .o_field_widget[name=problems]:contains(one per line)`,
        },
        {
            content: "One example per variable",
            trigger: `${BUILDER} .o_field_widget[name=body_examples] textarea`,
            // A function: a string action cannot hold the line break.
            async run(helpers) {
                await helpers.edit("Dana\nMonday");
            },
        },
        leaveField,
        {
            content: "A footer with a variable",
            trigger: `${BUILDER} .o_field_widget[name=footer] input`,
            run: "edit Reply {{1}}",
        },
        leaveField,
        {
            content: "Footers cannot hold variables",
            trigger: `${BUILDER} .o_field_widget[name=problems]:contains(The footer cannot hold a variable.)`,
        },
        {
            content: "A plain footer",
            trigger: `${BUILDER} .o_field_widget[name=footer] input`,
            run: "edit Cusoft",
        },
        leaveField,
        {
            content: "The preview reads as the customer will, with the examples",
            trigger: `${BUILDER} .o_field_widget[name=preview]:contains(Hi Dana, our spring sale starts on Monday.)`,
        },
        {
            content: "Nothing left that Meta would refuse",
            trigger: `${BUILDER}:not(:has(.o_field_widget[name=problems]:contains(.)))`,
        },
        {
            content: "Submit it for review",
            trigger: ".modal button[name=action_submit]",
            run: "click",
        },
        {
            content: "The builder closes on the submitted template",
            trigger: "body:not(:has(.modal .o_field_widget[name=body_examples]))",
        },
    ],
});

tours.add("cusoft_whatsapp_template_mapping_tour", {
    steps: () => [
        {
            content: "The template's variables from records",
            trigger: ".o_form_view .o_notebook .nav-link:contains(Variables from records)",
            run: "click",
        },
        {
            content: "Map a variable",
            trigger: ".o_field_widget[name=field_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "For contacts",
            trigger: ".o_field_widget[name=field_ids] .o_data_row .o_field_widget[name=model] input",
            run: "edit res.partner",
        },
        {
            content: "The first variable of the message",
            trigger: ".o_field_widget[name=field_ids] .o_data_row .o_field_widget[name=variable_key] input",
            run: "edit body.1",
        },
        {
            content: "Pick the field with Odoo's field picker",
            trigger: ".o_field_widget[name=field_ids] .o_data_row .o_field_widget[name=field_path] .o_model_field_selector",
            run: "click",
        },
        {
            content: "Contacts' Name",
            trigger: ".o_model_field_selector_popover_item[data-name=name] .o_model_field_selector_popover_item_name",
            run: "click",
        },
        {
            content: "Save the template",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
