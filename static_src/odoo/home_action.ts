import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import type { WhatsAppApi } from "../api/client";
import { WhatsAppHome } from "../components/home/home";
import { odooWhatsAppApi } from "./rpc";

/** Client action `cusoft_whatsapp.home`: the WhatsApp menu's landing page inside Odoo. */
export class WhatsAppHomeAction extends Component {
    static template = "cusoft_whatsapp.WhatsAppHomeAction";
    static components = { WhatsAppHome };
    static props = ["*"];

    api!: WhatsAppApi;
    openSettings!: () => void;
    openAccount!: (accountId: number) => void;

    setup(): void {
        const action = useService("action");
        this.api = odooWhatsAppApi();
        this.openSettings = () => {
            void action.doAction("cusoft_whatsapp.res_config_settings_action");
        };
        this.openAccount = (accountId) => {
            void action.doAction({
                type: "ir.actions.act_window",
                res_model: "cusoft.whatsapp.account",
                res_id: accountId,
                views: [[false, "form"]],
            });
        };
    }
}

export function registerHomeAction(): void {
    registry.category("actions").add("cusoft_whatsapp.home", WhatsAppHomeAction);
}
