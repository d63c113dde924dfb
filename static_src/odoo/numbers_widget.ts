import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import type { WhatsAppApi } from "../api/client";
import { WhatsAppHome } from "../components/home/home";
import { odooWhatsAppApi } from "./rpc";

/** `<widget name="cusoft_whatsapp_numbers"/>` in Settings → WhatsApp: the numbers and their health. */
export class NumbersWidget extends Component {
    static template = "cusoft_whatsapp.NumbersWidget";
    static components = { WhatsAppHome };
    static props = ["*"];

    api!: WhatsAppApi;
    openAccounts!: () => void;
    openAccount!: (accountId: number) => void;

    setup(): void {
        const action = useService("action");
        this.api = odooWhatsAppApi();
        this.openAccounts = () => {
            void action.doAction("cusoft_whatsapp.cusoft_whatsapp_account_action");
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

export function registerNumbersWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_numbers", { component: NumbersWidget });
}
