import * as z from "zod/mini";
import { ACCOUNT_STATES } from "../../domain/account_state";
import { serverDateTime } from "./datetime";

export const accountStateSchema = z.enum(ACCOUNT_STATES);

export const accountSummarySchema = z.strictObject({
    id: z.number(),
    name: z.string(),
    display_phone_number: z.nullable(z.string()),
    state: accountStateSchema,
    last_webhook_at: z.nullable(serverDateTime),
});

/** Answer of `/cusoft_whatsapp/overview`: what the WhatsApp home page shows. */
export const overviewSchema = z.strictObject({
    can_manage: z.boolean(),
    /** Webhook deliveries waiting for a person (always 0 for those who cannot see them). */
    deliveries_to_review: z.number(),
    accounts: z.array(accountSummarySchema),
});

export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type Overview = z.infer<typeof overviewSchema>;
