import type { DateTime } from "luxon";
import { _t } from "../i18n/translate";

/** "3 minutes ago" in the user's language, or a plain "never" when nothing happened yet. */
export function relativeTime(at: DateTime | null, now: DateTime): string {
    if (!at) {
        return _t("never");
    }
    return at.toRelative({ base: now }) ?? at.toLocaleString();
}
