import { Component } from "@odoo/owl";
import { PhoneField } from "@web/views/fields/phone/phone_field";
import { _t } from "../i18n/translate";
import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { useService } from "@web/core/utils/hooks";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { useOpenConversation } from "./open_conversation";

/**
 * The hook for the templates' sender (templates issue): a function added under this key in the
 * `cusoft_whatsapp.phone_actions` registry is called when the number has no conversation yet:
 * `registry.category("cusoft_whatsapp.phone_actions").add("start_conversation", (request) => …)`.
 */
export const PHONE_ACTIONS = "cusoft_whatsapp.phone_actions";
export const START_CONVERSATION = "start_conversation";

export interface StartConversationRequest {
    phone: string;
    resModel: string;
    resId: number | false;
}

interface FieldProps {
    name: string;
    record: { data: Record<string, unknown>; resModel: string; resId: number | false };
}

/** "WhatsApp" beside SMS and Call on phone fields: the chat when there is one, the templates otherwise. */
export class WhatsAppPhoneButton extends Component<FieldProps> {
    static template = "cusoft_whatsapp.PhoneButton";
    static props = ["*"];

    services!: EverywhereServices | null;
    openConversation!: (conversationId: number) => Promise<unknown>;
    notification!: { add(message: string, options?: Record<string, unknown>): void };

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.openConversation = useOpenConversation();
        this.notification = useService("notification");
    }

    get phone(): string {
        const value = this.props.record.data[this.props.name];
        return typeof value === "string" ? value : "";
    }

    async onClick(): Promise<void> {
        const [conversation] = await this.services!.api.phoneConversations(this.phone);
        if (conversation) {
            await this.openConversation(conversation.id);
            return;
        }
        const actions = registry.category(PHONE_ACTIONS);
        if (actions.contains(START_CONVERSATION)) {
            const request: StartConversationRequest = { phone: this.phone, resModel: this.props.record.resModel, resId: this.props.record.resId };
            (actions.get(START_CONVERSATION) as (request: StartConversationRequest) => void)(request);
            return;
        }
        this.notification.add(_t("No WhatsApp conversation with this number yet. The customer must write first, or receive a template."), { type: "info" });
    }
}

export function installPhoneFieldButton(): void {
    patch(PhoneField, { components: { ...PhoneField.components, WhatsAppPhoneButton } });
}
