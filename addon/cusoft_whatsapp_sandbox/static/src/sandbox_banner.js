/** @odoo-module */
// A banner in the navigation bar of every WhatsApp screen while the sandbox module is installed.
import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";

const WHATSAPP_APP = "cusoft_whatsapp.cusoft_whatsapp_menu_root";

export class SandboxBanner extends Component {
    static template = "cusoft_whatsapp_sandbox.SandboxBanner";
    static props = {};

    setup() {
        this.menu = useService("menu");
        this.action = useService("action");
        this.state = useState({ visible: this.inWhatsApp() });
        const update = () => {
            this.state.visible = this.inWhatsApp();
        };
        useBus(this.env.bus, "MENUS:APP-CHANGED", update);
        // A WhatsApp record opened from elsewhere (a number from Settings, a contact's conversations).
        useBus(this.env.bus, "ACTION_MANAGER:UI-UPDATED", update);
        this.title = _t("Meta's API, Embedded Signup and customers are simulated inside this Odoo. Nothing reaches WhatsApp.");
    }

    inWhatsApp() {
        if (this.menu.getCurrentApp()?.xmlid === WHATSAPP_APP) {
            return true;
        }
        const action = this.action.currentController?.action;
        const model = action?.res_model || "";
        const tag = action?.tag || "";
        return model.startsWith("cusoft.whatsapp") || tag.startsWith("cusoft_whatsapp");
    }
}

registry.category("systray").add("cusoft_whatsapp_sandbox.banner", { Component: SandboxBanner }, { sequence: 1 });
