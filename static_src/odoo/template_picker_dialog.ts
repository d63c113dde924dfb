import { Component } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { rpc } from "@web/core/network/rpc";
import { useService } from "@web/core/utils/hooks";
import type { ChatMessage } from "../api/schemas/chat";
import type { TemplateList } from "../api/schemas/chat_templates";
import { TemplateApi } from "../api/template_client";
import type { TemplateSend } from "../components/template_picker/template_picker";
import { TemplatePickerPanel } from "../components/template_picker/template_picker_panel";

/** Uploads a file to the conversation (`/cusoft_whatsapp/chat/attachment`), e.g. the inbox store's upload. */
export type ConversationUpload = (conversationId: number, file: File) => Promise<{ id: number }>;

interface TemplatePickerDialogProps {
    close: () => void;
    load: () => Promise<TemplateList>;
    send: (send: TemplateSend) => Promise<void>;
}

/** The picker in Odoo's dialog. */
export class TemplatePickerDialog extends Component<TemplatePickerDialogProps> {
    static template = "cusoft_whatsapp.TemplatePickerDialog";
    static components = { Dialog, TemplatePickerPanel };
    static props = { close: Function, load: Function, send: Function };

    async send(send: TemplateSend): Promise<void> {
        await this.props.send(send);
        this.props.close();
    }
}

/**
 * For the thread's `openTemplatePicker` integration: call in the setup() of the component that
 * hosts the ThreadPane, e.g. `useOdooChatIntegrations({ openTemplatePicker: useTemplatePicker({ upload }) })`.
 * The sent message reaches the thread through the bus like any other send; `onSent` gets it at once.
 */
export function useTemplatePicker(options: {
    upload: ConversationUpload;
    onSent?: (message: ChatMessage) => void;
}): (conversationId: number) => void {
    const dialog = useService("dialog");
    const api = new TemplateApi((route, params) => rpc(route, params ?? {}));
    return (conversationId: number) => {
        // One send id per opened picker: a send retried after a lost answer is the same send.
        const clientId = `tpl-${crypto.randomUUID()}`;
        let attachmentId: number | null = null;
        let uploadedFile: File | null = null;
        dialog.add(TemplatePickerDialog, {
            load: () => api.list(conversationId),
            send: async (send: TemplateSend) => {
                if (send.file && send.file !== uploadedFile) {
                    attachmentId = (await options.upload(conversationId, send.file)).id;
                    uploadedFile = send.file;
                }
                const message = await api.send(conversationId, clientId, {
                    templateId: send.templateId,
                    values: send.values,
                    attachmentId: send.file ? attachmentId : null,
                });
                options.onSent?.(message);
            },
        });
    };
}
