import * as z from "zod/mini";
import { QUALITY_RATINGS } from "../../domain/quality";
import { serverDateTime } from "./datetime";
import { accountStateSchema } from "./overview";

/** Meta's error on the last failed call, already explained in the user's language by the server. */
export const accountErrorSchema = z.strictObject({
    code: z.nullable(z.number()),
    title: z.string(),
    explanation: z.string(),
    fix: z.string(),
    category: z.enum(["retryable", "reauthorize", "needs_template", "permanent"]),
});

/** Answer of `/cusoft_whatsapp/account/card` and of the account actions: one number's health. */
export const accountCardSchema = z.strictObject({
    id: z.number(),
    name: z.string(),
    state: accountStateSchema,
    company_name: z.string(),
    display_phone_number: z.nullable(z.string()),
    verified_name: z.nullable(z.string()),
    quality_rating: z.nullable(z.enum(QUALITY_RATINGS)),
    name_status: z.nullable(z.string()),
    messaging_limit: z.nullable(z.string()),
    token_set: z.boolean(),
    token_expires_at: z.nullable(serverDateTime),
    webhook_url: z.string(),
    verify_token: z.nullable(z.string()),
    webhook_fields: z.array(z.string()),
    last_webhook_at: z.nullable(serverDateTime),
    last_checked_at: z.nullable(serverDateTime),
    last_error: z.nullable(accountErrorSchema),
    can_manage: z.boolean(),
});

/** What an account action answers: the refreshed card and a sentence for the user. */
export const accountActionResultSchema = z.strictObject({
    card: accountCardSchema,
    message: z.string(),
});

export type AccountError = z.infer<typeof accountErrorSchema>;
export type AccountCard = z.infer<typeof accountCardSchema>;
export type AccountActionResult = z.infer<typeof accountActionResultSchema>;
