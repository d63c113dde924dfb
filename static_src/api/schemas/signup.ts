import * as z from "zod/mini";

/** Answer of `/cusoft_whatsapp/signup/start`: what the browser needs to open Meta's popup. */
export const signupStartSchema = z.strictObject({
    /** One-time value bound to the admin's session; the completion route refuses any other. */
    state: z.string(),
    app_id: z.string(),
    config_id: z.string(),
    graph_version: z.string(),
    sdk_url: z.string(),
    extras: z.record(z.string(), z.unknown()),
    /** Meta's redirect-based dialog, offered when the popup is blocked or returns nothing. */
    fallback_url: z.string(),
    /** Set when reconnecting an existing number: the flow must end on the same phone number. */
    account_id: z.nullable(z.number()),
});

export const onboardingStepSchema = z.strictObject({
    key: z.enum(["exchange_code", "check_token", "read_numbers", "save_account", "register", "subscribe", "test_connection"]),
    label: z.string(),
    status: z.enum(["pending", "running", "done", "failed", "skipped"]),
    message: z.nullable(z.string()),
});

export const onboardingErrorSchema = z.strictObject({
    title: z.string(),
    explanation: z.string(),
    fix: z.string(),
});

/** Answer of `/cusoft_whatsapp/signup/complete` and `/cusoft_whatsapp/signup/step`. */
export const onboardingSchema = z.strictObject({
    onboarding_id: z.number(),
    status: z.enum(["running", "done", "failed"]),
    steps: z.array(onboardingStepSchema),
    account_id: z.nullable(z.number()),
    display_phone_number: z.nullable(z.string()),
    error: z.nullable(onboardingErrorSchema),
    /** The two-step verification PIN generated at registration, shown to the admin once. */
    pin: z.nullable(z.string()),
});

export type SignupStart = z.infer<typeof signupStartSchema>;
export type OnboardingStep = z.infer<typeof onboardingStepSchema>;
export type Onboarding = z.infer<typeof onboardingSchema>;
