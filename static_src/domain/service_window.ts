import type { DateTime } from "luxon";
import { _t } from "../i18n/translate";

// WhatsApp's 24-hour customer service window (CONTRACT.md §9): free text only while it is open.

export interface ServiceWindow {
    open: boolean;
    /** "23:59:58 left to reply" while open; why it is closed otherwise. */
    label: string;
    /** Under an hour left: the header warns. */
    closingSoon: boolean;
}

function pad(value: number): string {
    return String(value).padStart(2, "0");
}

export function serviceWindow(expiresAt: DateTime | null, now: DateTime): ServiceWindow {
    const left = expiresAt ? Math.floor(expiresAt.diff(now).as("seconds")) : 0;
    if (left <= 0) {
        return {
            open: false,
            label: expiresAt ? _t("Window closed") : _t("No open window"),
            closingSoon: false,
        };
    }
    const hours = Math.floor(left / 3600);
    const minutes = Math.floor((left % 3600) / 60);
    const seconds = left % 60;
    return {
        open: true,
        label: _t("%s left to reply", `${hours}:${pad(minutes)}:${pad(seconds)}`),
        closingSoon: left < 3600,
    };
}
