import { onWillDestroy, useSubEnv } from "@odoo/owl";
import { EmojiPicker } from "@web/core/emoji_picker/emoji_picker";
import { FileModel } from "@web/core/file_viewer/file_model";
import { createFileViewer } from "@web/core/file_viewer/file_viewer_hook";
import { rpc } from "@web/core/network/rpc";
import { useService } from "@web/core/utils/hooks";
import { ChatApi } from "../api/chat_client";
import {
    CHAT_INTEGRATIONS_KEY,
    type ChatIntegrations,
    type ViewableFile,
} from "../components/thread_pane/chat_integrations";
import type { InboxStore } from "../services/inbox_contract";
import { INBOX_SERVICE } from "./inbox_service";
import { useTemplatePicker } from "./template_picker_dialog";
import { odooUpload } from "./upload";

// The one module handing Odoo's standalone pieces to the thread (issue 11: file viewer, emoji
// picker, contact form): a path Odoo moves is fixed here, and the components stay testable
// without Odoo.

/**
 * Call in the setup() of the Odoo component that shows a ThreadPane (the inbox's client action):
 * the pane and its children find these in their env. `extra` replaces any of them.
 */
export function useOdooChatIntegrations(extra: Partial<ChatIntegrations> = {}): void {
    const popover = useService("popover");
    const action = useService("action");
    const viewer = createFileViewer();
    onWillDestroy(() => viewer.close());
    let closePicker: (() => void) | null = null;
    // A template's media header is uploaded like a composer's file; the sent message shows at once.
    const chatApi = new ChatApi((route, params) => rpc(route, params ?? {}, { silent: true }), odooUpload);
    const store = useService(INBOX_SERVICE) as InboxStore;
    const openTemplatePicker = useTemplatePicker({
        upload: (conversationId, file) => chatApi.uploadFile(conversationId, file),
        onSent: (message) => store.acceptSent(message),
    });
    const integrations: Partial<ChatIntegrations> = {
        openFile(file, files) {
            const models = files.map(fileModel);
            viewer.open(models[files.indexOf(file)] ?? fileModel(file), models);
        },
        pickEmoji(target, onSelect) {
            closePicker?.();
            closePicker = popover.add(
                target,
                EmojiPicker,
                { onSelect: (emoji: string) => onSelect(emoji) },
                { position: "top", onClose: () => (closePicker = null) }
            );
        },
        createContact(contact) {
            void action.doAction({
                type: "ir.actions.act_window",
                res_model: "res.partner",
                views: [[false, "form"]],
                target: "new",
                context: { default_name: contact.name, default_phone: contact.numbers[0] ?? false },
            });
        },
        openTemplatePicker,
        ...extra,
    };
    useSubEnv({ [CHAT_INTEGRATIONS_KEY]: integrations });
}

/** Odoo's viewer reads files through FileModel; ours are served by the addon's media route. */
function fileModel(file: ViewableFile): InstanceType<typeof FileModel> {
    const model = new FileModel();
    Object.assign(model, { name: file.name, filename: file.name, mimetype: file.mimeType, type: "binary" });
    // FileModel points at /web/content/<attachment id>; the media route applies our access rules.
    Object.defineProperty(model, "urlRoute", { get: () => file.url });
    return model;
}
