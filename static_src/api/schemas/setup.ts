import * as z from "zod/mini";

export const SETUP_STEP_KEYS = [
    "app",
    "signup_config",
    "public_url",
    "number",
    "subscribed",
    "webhook_verified",
    "first_event",
    "first_message",
] as const;

export const setupValueSchema = z.strictObject({
    /** What the value is, e.g. "Callback URL". */
    label: z.string(),
    /** The text to paste where the step's detail says. */
    value: z.string(),
});

export const setupStepSchema = z.strictObject({
    key: z.enum(SETUP_STEP_KEYS),
    title: z.string(),
    done: z.boolean(),
    /** What was found when done; otherwise exactly what to do, in the user's language. */
    detail: z.string(),
    values: z.array(setupValueSchema),
});

/** Answer of `/cusoft_whatsapp/setup/checklist`: the company's way from nothing to a first message. */
export const setupChecklistSchema = z.strictObject({
    /** `regressed`: every step was done once and one is not any more. */
    status: z.enum(["in_progress", "complete", "regressed"]),
    steps: z.array(setupStepSchema),
});

export type SetupValue = z.infer<typeof setupValueSchema>;
export type SetupStep = z.infer<typeof setupStepSchema>;
export type SetupChecklist = z.infer<typeof setupChecklistSchema>;
