import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import type { WhatsAppApi } from "../api/client";
import { WhatsAppHome } from "../components/home/home";
import { useWhatsAppNavigation } from "./navigation";
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
        const navigation = useWhatsAppNavigation();
        this.api = odooWhatsAppApi();
        this.openAccounts = () => navigation.openXmlAction("cusoft_whatsapp.cusoft_whatsapp_account_action");
        this.openAccount = (accountId) => navigation.openAccount(accountId);
    }
}

export function registerNumbersWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_numbers", { component: NumbersWidget });
}
