import type { DateTime } from "luxon";
import { _t } from "../i18n/translate";

// Day separators and times in the user's time zone: the schema already turned server UTC into
// luxon DateTimes in the default zone (Odoo sets it to the user's).

export function dayKey(at: DateTime): string {
    return at.toISODate() ?? "";
}

/** "Today", "Yesterday", a weekday within the week, else the full date. */
export function dayLabel(at: DateTime, now: DateTime): string {
    const days = Math.round(now.startOf("day").diff(at.startOf("day"), "days").days);
    if (days === 0) {
        return _t("Today");
    }
    if (days === 1) {
        return _t("Yesterday");
    }
    if (days > 1 && days < 7) {
        return at.toFormat("cccc");
    }
    return at.toLocaleString({ year: "numeric", month: "long", day: "numeric" });
}

export function timeLabel(at: DateTime): string {
    return at.toLocaleString({ hour: "2-digit", minute: "2-digit" });
}
