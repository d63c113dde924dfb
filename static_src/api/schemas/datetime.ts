import { DateTime } from "luxon";
import * as z from "zod/mini";

/**
 * Odoo sends datetimes as "YYYY-MM-DD HH:MM:SS" in UTC (or ISO 8601 from our own routes);
 * both become a luxon DateTime in the user's zone at the boundary.
 */
export const serverDateTime = z.pipe(
    z.string(),
    z.transform((value, ctx) => {
        const parsed = value.includes("T")
            ? DateTime.fromISO(value, { zone: "utc" })
            : DateTime.fromSQL(value, { zone: "utc" });
        if (!parsed.isValid) {
            ctx.issues.push({ code: "custom", message: `not a datetime: ${value}`, input: value });
            return z.NEVER;
        }
        return parsed.setZone("default");
    })
);
