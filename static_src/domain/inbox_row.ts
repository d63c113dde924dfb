import type { DateTime } from "luxon";
import { _t } from "../i18n/translate";
import { counterLabel } from "./conversation_label";
import { dayLabel, timeLabel } from "./thread_dates";

// What a row of the conversation list says, worded like WhatsApp's own list.

/** Today's messages by time, then "Yesterday", a weekday, or a short date. */
export function listTime(at: DateTime | null, now: DateTime): string {
    if (!at) {
        return "";
    }
    const days = Math.round(now.startOf("day").diff(at.startOf("day"), "days").days);
    if (days <= 0) {
        return timeLabel(at);
    }
    if (days < 7) {
        return dayLabel(at, now);
    }
    return at.toLocaleString({ year: "2-digit", month: "2-digit", day: "2-digit" });
}

/** No badge without unread messages; "99+" from 100 on, as every counter of the chat. */
export function unreadBadge(count: number): string {
    return count > 0 ? counterLabel(count) : "";
}

export interface Tick {
    symbol: string;
    label: string;
    className: string;
}

/** The ticks of an outbound message, the same symbols as in the thread. */
export function deliveryTick(state: string): Tick | null {
    switch (state) {
        case "queued":
            return { symbol: "🕓", label: _t("Queued"), className: "o_cusoft_whatsapp_tick_queued" };
        case "sent":
            return { symbol: "✓", label: _t("Sent"), className: "o_cusoft_whatsapp_tick_sent" };
        case "delivered":
            return { symbol: "✓✓", label: _t("Delivered"), className: "o_cusoft_whatsapp_tick_delivered" };
        case "read":
            return { symbol: "✓✓", label: _t("Read"), className: "o_cusoft_whatsapp_tick_read" };
        case "failed":
            return { symbol: "⚠", label: _t("Not sent"), className: "o_cusoft_whatsapp_tick_failed text-danger" };
        default:
            return null;
    }
}

/** A last message without text (a photo without caption…) is named by its type. */
export function previewText(type: string, preview: string): string {
    if (preview) {
        return preview;
    }
    switch (type) {
        case "image":
            return _t("Photo");
        case "video":
            return _t("Video");
        case "audio":
            return _t("Audio");
        case "document":
            return _t("Document");
        case "sticker":
            return _t("Sticker");
        case "location":
            return _t("Location");
        case "contacts":
            return _t("Contact");
        default:
            return _t("Message");
    }
}
