import { Component, onWillStart, useState } from "@odoo/owl";
import type { TemplateList } from "../../api/schemas/chat_templates";
import { _t } from "../../i18n/translate";
import { TemplatePicker, type TemplateSend } from "./template_picker";

export interface TemplatePickerPanelProps {
    /** Loads the conversation's templates, e.g. `() => new TemplateApi(rpc).list(conversationId)`. */
    load: () => Promise<TemplateList>;
    onSend: (send: TemplateSend) => Promise<void>;
    onCancel: () => void;
}

interface PanelState {
    status: "loading" | "ready" | "error";
    list: TemplateList | null;
    error: string;
}

/** The picker with its loading and error states, for the composer to mount as is. */
export class TemplatePickerPanel extends Component<TemplatePickerPanelProps> {
    static template = "cusoft_whatsapp.TemplatePickerPanel";
    static components = { TemplatePicker };
    static props = { load: Function, onSend: Function, onCancel: Function };

    state!: PanelState;

    setup(): void {
        this.state = useState<PanelState>({ status: "loading", list: null, error: "" });
        onWillStart(() => this.reload());
    }

    async reload(): Promise<void> {
        this.state.status = "loading";
        try {
            this.state.list = await this.props.load();
            this.state.status = "ready";
        } catch (error) {
            this.state.error = error instanceof Error && error.message ? error.message : _t("The templates could not be loaded.");
            this.state.status = "error";
        }
    }
}
