import { Duration, type DateTime, type ToRelativeUnit } from "luxon";
import { _t } from "../i18n/translate";
import type { Tone } from "./account_state";

export interface TokenExpiry {
    label: string;
    tone: Tone;
    expired: boolean;
    expiringSoon: boolean;
}

/** Long enough before the end to renew the token in Meta Business Settings without a gap. */
export const EXPIRING_SOON = Duration.fromObject({ days: 7 });

/**
 * Meta's access tokens last 60 days unless they belong to a system user: counting in days reads
 * better than "in 1 month", and hours then minutes take over for the last day.
 */
const COUNTDOWN_UNITS: ToRelativeUnit[] = ["days", "hours", "minutes"];

/** The access token's countdown, in the user's language: when Odoo will stop reaching Meta. */
export function tokenExpiry(expiresAt: DateTime | null, tokenSet: boolean, now: DateTime): TokenExpiry {
    if (!tokenSet) {
        return { label: _t("No token"), tone: "danger", expired: false, expiringSoon: false };
    }
    if (!expiresAt) {
        return { label: _t("Never expires"), tone: "success", expired: false, expiringSoon: false };
    }
    const relative = expiresAt.toRelative({ base: now, unit: COUNTDOWN_UNITS }) ?? expiresAt.toLocaleString();
    if (expiresAt.toMillis() <= now.toMillis()) {
        return { label: _t("Expired %s", relative), tone: "danger", expired: true, expiringSoon: false };
    }
    if (expiresAt.diff(now).toMillis() < EXPIRING_SOON.toMillis()) {
        return { label: _t("Expires %s", relative), tone: "warning", expired: false, expiringSoon: true };
    }
    return { label: _t("Expires %s", relative), tone: "success", expired: false, expiringSoon: false };
}
