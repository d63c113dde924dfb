// Odoo's Dialog, for the template picker's dialog (static_src/odoo/template_picker_dialog.ts).

declare module "@web/core/dialog/dialog" {
    import type { Component } from "@odoo/owl";
    export const Dialog: typeof Component;
}
