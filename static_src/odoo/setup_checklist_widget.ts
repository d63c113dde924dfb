import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import type { WhatsAppApi } from "../api/client";
import { SetupChecklist } from "../components/setup_checklist/setup_checklist";
import { odooWhatsAppApi } from "./rpc";

/** `<widget name="cusoft_whatsapp_setup_checklist"/>` at the top of Settings → WhatsApp. */
export class SetupChecklistWidget extends Component {
    static template = "cusoft_whatsapp.SetupChecklistWidget";
    static components = { SetupChecklist };
    static props = ["*"];

    api!: WhatsAppApi;

    setup(): void {
        this.api = odooWhatsAppApi();
    }

    copy(text: string): Promise<void> {
        return navigator.clipboard.writeText(text);
    }
}

export function registerSetupChecklistWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_setup_checklist", { component: SetupChecklistWidget });
}
