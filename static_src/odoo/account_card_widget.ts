import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { DateTime } from "luxon";
import type { WhatsAppApi } from "../api/client";
import type { AccountCard as AccountCardData } from "../api/schemas/account";
import { AccountCard } from "../components/account_card/account_card";
import { odooWhatsAppApi } from "./rpc";

interface WidgetProps {
    record: {
        resId: number | false;
        load(): Promise<void>;
    };
}

/** `<widget name="cusoft_whatsapp_account_card"/>` on the account form: the number's health card. */
export class AccountCardWidget extends Component<WidgetProps> {
    static template = "cusoft_whatsapp.AccountCardWidget";
    static components = { AccountCard };
    static props = ["*"];

    api!: WhatsAppApi;

    setup(): void {
        this.api = odooWhatsAppApi();
    }

    now(): DateTime {
        return DateTime.now();
    }

    copy(text: string): Promise<void> {
        return navigator.clipboard.writeText(text);
    }

    /** The form's own fields (state, last error…) must follow what the card's buttons changed. */
    onChanged(_card: AccountCardData): void {
        void this.props.record.load();
    }
}

export function registerAccountCardWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_account_card", { component: AccountCardWidget });
}
