import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
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
    openSettings!: () => Promise<void>;
    openAccount!: (accountId: number) => void;
    openDeliveries!: () => void;
    copy!: (text: string) => Promise<void>;

    setup(): void {
        const navigation = useWhatsAppNavigation();
        this.api = odooWhatsAppApi();
        // Odoo's Settings page needs Administration / Settings: other WhatsApp admins are sent
        // to the numbers list, where they can add a number by hand.
        this.openSettings = async () => {
            const canOpenSettings = await user.hasGroup("base.group_system");
            navigation.openXmlAction(
                canOpenSettings ? "cusoft_whatsapp.res_config_settings_action" : "cusoft_whatsapp.cusoft_whatsapp_account_action"
            );
        };
        this.openAccount = (accountId) => navigation.openAccount(accountId);
        this.openDeliveries = () => navigation.openXmlAction("cusoft_whatsapp.cusoft_whatsapp_webhook_event_action");
        this.copy = (text) => navigator.clipboard.writeText(text);
    }
}

export function registerHomeAction(): void {
    registry.category("actions").add("cusoft_whatsapp.home", WhatsAppHomeAction);
}
