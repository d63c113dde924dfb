import { Component } from "@odoo/owl";
import { PhoneField } from "@web/views/fields/phone/phone_field";
import { _t } from "../i18n/translate";
import { patch } from "@web/core/utils/patch";
import { useService } from "@web/core/utils/hooks";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { useOpenConversation } from "./open_conversation";

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
    action!: { doAction(action: Record<string, unknown>): Promise<unknown> };

    setup(): void {
        this.services = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        this.openConversation = useOpenConversation();
        this.notification = useService("notification");
        this.action = useService("action");
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
        const { resModel, resId } = this.props.record;
        if (!resId) {
            this.notification.add(_t("Save the record first: a template is sent from a saved record."), { type: "info" });
            return;
        }
        // No conversation yet: WhatsApp only lets a business open one with an approved template,
        // so the number's record goes to the template sender (variables filled from the record).
        await this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "cusoft.whatsapp.composer",
            views: [[false, "form"]],
            target: "new",
            name: _t("Send WhatsApp"),
            context: { active_model: resModel, active_id: resId, active_ids: [resId] },
        });
    }
}

export function installPhoneFieldButton(): void {
    patch(PhoneField, { components: { ...PhoneField.components, WhatsAppPhoneButton } });
}
