import { DateTime } from "luxon";
import { _t } from "../i18n/translate";
import type { StateBadge } from "./account_state";

/** Meta's quality ratings of a number; null until Meta rated it. */
export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number] | null;

/** Meta's rating of how customers receive the number's messages (blocks, reports, read rates). */
export function qualityBadge(rating: QualityRating): StateBadge {
    switch (rating) {
        case "GREEN":
            return { label: _t("High"), tone: "success" };
        case "YELLOW":
            return { label: _t("Medium"), tone: "warning" };
        case "RED":
            return { label: _t("Low"), tone: "danger" };
        case "UNKNOWN":
        case null:
            return { label: _t("Not rated yet"), tone: "muted" };
    }
}

const TIER = /^TIER_(\d+)(K|M)?$/;
const MULTIPLIER = { K: 1_000, M: 1_000_000 } as const;

/**
 * How many customers the number may start conversations with per rolling 24 hours. The tier is
 * parsed rather than listed so that a tier Meta adds later still reads as a number.
 */
export function messagingLimitBadge(limit: string | null): StateBadge {
    if (limit === null) {
        return { label: _t("Not known yet"), tone: "muted" };
    }
    if (limit === "TIER_UNLIMITED") {
        return { label: _t("Unlimited customers / 24 h"), tone: "success" };
    }
    const match = TIER.exec(limit);
    if (!match) {
        // Meta's own code is still more useful to an administrator than no answer at all.
        return { label: limit, tone: "muted" };
    }
    const unit = match[2] as keyof typeof MULTIPLIER | undefined;
    const customers = Number(match[1]) * (unit ? MULTIPLIER[unit] : 1);
    const label = _t("%s customers / 24 h", formatCount(customers));
    // The starting tiers hold back campaigns: worth a warning so administrators know why sends stop.
    return { label, tone: customers < 1_000 ? "warning" : "success" };
}

/** Where Meta's review of the display name (the verified name customers see) stands. */
export function nameStatusBadge(status: string | null): StateBadge {
    switch (status) {
        case "APPROVED":
            return { label: _t("Approved"), tone: "success" };
        case "AVAILABLE_WITHOUT_REVIEW":
            return { label: _t("Usable, review not needed"), tone: "success" };
        case "PENDING_REVIEW":
            return { label: _t("Waiting for Meta's review"), tone: "warning" };
        case "DECLINED":
            return { label: _t("Declined by Meta"), tone: "danger" };
        case "EXPIRED":
            return { label: _t("Expired"), tone: "danger" };
        case "NONE":
            return { label: _t("Not submitted"), tone: "muted" };
        case null:
            return { label: _t("Not known yet"), tone: "muted" };
        default:
            return { label: status, tone: "muted" };
    }
}

/**
 * Odoo gives the user's language to luxon, not to the page, so the count is grouped the way luxon
 * resolved that language ("1,000", "1.000", "1 000").
 */
function formatCount(count: number): string {
    return count.toLocaleString(DateTime.local().resolvedLocaleOptions().locale);
}
