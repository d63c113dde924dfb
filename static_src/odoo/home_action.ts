import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import type { WhatsAppApi } from "../api/client";
import { WhatsAppHome } from "../components/home/home";
import { useWhatsAppNavigation } from "./navigation";
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
        const navigation = useWhatsAppNavigation();
        this.api = odooWhatsAppApi();
        this.openSettings = () => navigation.openXmlAction("cusoft_whatsapp.res_config_settings_action");
        this.openAccount = (accountId) => navigation.openAccount(accountId);
    }
}

export function registerHomeAction(): void {
    registry.category("actions").add("cusoft_whatsapp.home", WhatsAppHomeAction);
}
