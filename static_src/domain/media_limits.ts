import { _t } from "../i18n/translate";

// What Meta accepts outbound (docs/meta-contract.md §6.2), the twin of OUTBOUND_MEDIA in
// addon/cusoft_whatsapp/graph/messaging.py: checked before uploading so the user learns at once,
// not after sending megabytes the server would refuse anyway.

export type MediaKind = "image" | "video" | "audio" | "document" | "sticker";

const MB = 1024 * 1024;

const OUTBOUND: Record<string, [MediaKind, number]> = {
    "image/jpeg": ["image", 5 * MB],
    "image/png": ["image", 5 * MB],
    "image/webp": ["sticker", 500 * 1024],
    "video/mp4": ["video", 16 * MB],
    "video/3gpp": ["video", 16 * MB],
    "audio/aac": ["audio", 16 * MB],
    "audio/amr": ["audio", 16 * MB],
    "audio/mpeg": ["audio", 16 * MB],
    "audio/mp4": ["audio", 16 * MB],
    "audio/ogg": ["audio", 16 * MB],
    "text/plain": ["document", 100 * MB],
    "application/pdf": ["document", 100 * MB],
    "application/msword": ["document", 100 * MB],
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["document", 100 * MB],
    "application/vnd.ms-excel": ["document", 100 * MB],
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["document", 100 * MB],
    "application/vnd.ms-powerpoint": ["document", 100 * MB],
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["document", 100 * MB],
};

/** Images, videos and documents carry a caption; audio and stickers cannot (Meta drops it). */
export const CAPTIONED: readonly MediaKind[] = ["image", "video", "document"];
export const CAPTION_LIMIT = 1024;

export type MediaCheck = { ok: true; kind: MediaKind } | { ok: false; error: string };

/** "4.5 MB", "300 KB": sizes as people read them. */
export function formatSize(bytes: number): string {
    if (bytes >= MB) {
        return `${Math.round((bytes / MB) * 10) / 10} MB`;
    }
    if (bytes >= 1024) {
        return `${Math.round(bytes / 1024)} KB`;
    }
    return `${bytes} B`;
}

/** Whether WhatsApp will take this file, judged by the browser's type and the size. */
export function checkMedia(file: { name: string; type: string; size: number }): MediaCheck {
    const mime = file.type.split(";")[0]!.trim().toLowerCase();
    const entry = OUTBOUND[mime];
    if (!entry) {
        return {
            ok: false,
            error: _t(
                "WhatsApp does not accept %s. Send a picture (JPEG, PNG), a video (MP4, 3GP), an audio file (AAC, AMR, MP3, M4A, OGG), a sticker (WebP) or a document (PDF, Word, Excel, PowerPoint, text).",
                file.name
            ),
        };
    }
    const [kind, limit] = entry;
    if (file.size > limit) {
        return {
            ok: false,
            error: _t("%s is too large for WhatsApp (%s): at most %s for this kind of file.", file.name, formatSize(file.size), formatSize(limit)),
        };
    }
    if (file.size === 0) {
        return { ok: false, error: _t("%s is empty.", file.name) };
    }
    return { ok: true, kind };
}
