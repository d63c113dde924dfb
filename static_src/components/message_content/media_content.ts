import { Component } from "@odoo/owl";
import type { ChatMessage } from "../../api/schemas/chat";
import type { ViewableFile } from "../thread_pane/chat_integrations";
import { TextContent } from "./text_content";

// What the server writes as the body of a media message without a caption
// (models/cusoft_whatsapp_message.py `_placeholder`): not worth repeating under the file.
const PLACEHOLDERS = new Set(["Photo", "Video", "Sticker", "Document", "Audio", "Voice message", "Foto", "Vídeo", "Documento", "Mensaje de voz"]);

export interface MediaContentProps {
    message: ChatMessage;
    onOpen: (file: ViewableFile) => void;
}

/** Images, stickers, videos, audio, voice notes and documents, or why the file is not there. */
export class MediaContent extends Component<MediaContentProps> {
    static template = "cusoft_whatsapp.MediaContent";
    static props = { message: Object, onOpen: Function };
    static components = { TextContent };

    get media() {
        return this.props.message.media;
    }

    get file(): ViewableFile | null {
        const media = this.media;
        if (!media?.url || media.state === "error") {
            return null;
        }
        return {
            url: media.url,
            downloadUrl: `${media.url}?download=1`,
            name: media.filename ?? this.props.message.body,
            mimeType: media.mime_type ?? "application/octet-stream",
        };
    }

    get caption(): string {
        const { message } = this;
        const caption = message.media?.caption ?? message.body;
        if (!caption || PLACEHOLDERS.has(caption) || caption === message.media?.filename) {
            return "";
        }
        return caption;
    }

    get message(): ChatMessage {
        return this.props.message;
    }

    get isVoice(): boolean {
        return Boolean(this.media?.voice);
    }

    open(): void {
        const file = this.file;
        if (file) {
            this.props.onOpen(file);
        }
    }
}
