import * as z from "zod/mini";
import { _t } from "../i18n/translate";

// What Meta's Embedded Signup popup tells the page through `window.postMessage` (contract §3.3).
// Any page can post to us, so nothing is trusted before the origin and the shape are checked.

/** The events that end the flow with assets shared with our app. */
export const FINISH_EVENTS = ["FINISH", "FINISH_ONLY_WABA", "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING"] as const;
export type FinishEventName = (typeof FINISH_EVENTS)[number];

/** The screens of the popup a CANCEL can come from, in the order the user meets them. */
export const CANCEL_STEPS = [
    "BUSINESS_ACCOUNT_SELECTION",
    "WABA_PHONE_PROFILE_PICKER",
    "WHATSAPP_BUSINESS_PROFILE_SETUP",
    "PHONE_NUMBER_SETUP",
    "PHONE_NUMBER_VERIFICATION",
    "PERMISSIONS",
] as const;

export interface SignupFinishEvent {
    kind: "finish";
    event: FinishEventName;
    waba_id: string;
    phone_number_id?: string;
    business_id?: string;
}

export interface SignupCancelEvent {
    kind: "cancel";
    /** Meta's step name; kept as a string because Meta adds screens over time. */
    current_step: string | null;
}

/** The user pressed "report error" in the popup: Meta's support needs the session id. */
export interface SignupErrorEvent {
    kind: "error";
    event: "CANCEL" | "ERROR";
    error_message: string | null;
    error_code: string | null;
    session_id: string | null;
    timestamp: string | null;
}

export type SignupEvent = SignupFinishEvent | SignupCancelEvent | SignupErrorEvent;

/** What a `message` event carries once the browser delivered it. */
export interface WindowMessage {
    origin: string;
    data: unknown;
}

const envelopeSchema = z.object({
    type: z.literal("WA_EMBEDDED_SIGNUP"),
    event: z.string(),
    data: z.optional(z.unknown()),
});

/** Meta sends ids as strings; a number would lose digits past 2^53, so only strings are ids. */
const idSchema = z.string().check(z.minLength(1));

const finishDataSchema = z.object({
    waba_id: idSchema,
    phone_number_id: z.optional(idSchema),
    business_id: z.optional(idSchema),
});

const cancelDataSchema = z.object({
    current_step: z.optional(z.string()),
});

/** Codes and timestamps were seen as strings; numbers are accepted too, they are only shown and logged. */
const looseText = z.optional(z.union([z.string(), z.number()]));

const errorDataSchema = z.object({
    error_message: z.optional(z.string()),
    error_code: looseText,
    /** The older name of `error_code` (contract §3.3, legacy ERROR event). */
    error_id: looseText,
    session_id: looseText,
    timestamp: looseText,
});

/**
 * Meta's own sample only checks `origin.endsWith("facebook.com")`, which lets
 * `https://evilfacebook.com` in; the hostname must be facebook.com itself or one of its subdomains,
 * over HTTPS, on the default port.
 */
export function isFacebookOrigin(origin: string): boolean {
    let url: URL;
    try {
        url = new URL(origin);
    } catch {
        return false;
    }
    const host = url.hostname;
    return url.protocol === "https:" && url.port === "" && (host === "facebook.com" || host.endsWith(".facebook.com"));
}

/** Reads one `message` event; anything that is not Embedded Signup news from Facebook is null. */
export function parseSignupMessage(message: WindowMessage): SignupEvent | null {
    if (!isFacebookOrigin(message.origin)) {
        return null;
    }
    const envelope = envelopeSchema.safeParse(decode(message.data));
    if (!envelope.success) {
        return null;
    }
    const { event, data } = envelope.data;
    if (event === "ERROR" || event === "CANCEL") {
        return parseStop(event, data);
    }
    if (isFinishEvent(event)) {
        const finish = finishDataSchema.safeParse(data);
        // A finish without a WABA id is dropped: the server finds the WABA from the code alone.
        return finish.success ? { kind: "finish", event, ...finish.data } : null;
    }
    return null;
}

/** Plain words for where the user left the popup, and what to have ready next time. */
export function cancelStepExplanation(step: string | null): string {
    switch (step) {
        case "BUSINESS_ACCOUNT_SELECTION":
            return _t(
                "You stopped while choosing the Meta business portfolio. Pick (or create) the business that will own the WhatsApp account and try again."
            );
        case "WABA_PHONE_PROFILE_PICKER":
            return _t(
                "You stopped while choosing the WhatsApp Business account and phone number. Try again and pick the account and number Odoo should use."
            );
        case "WHATSAPP_BUSINESS_PROFILE_SETUP":
            return _t(
                "You stopped while setting up the WhatsApp Business profile. Have the display name and category of your business ready and try again."
            );
        case "PHONE_NUMBER_SETUP":
            return _t(
                "You stopped while adding the phone number. Have the number ready, with a phone that can receive a text message or a call on it, and try again."
            );
        case "PHONE_NUMBER_VERIFICATION":
            return _t("You stopped while verifying the phone number. Keep the phone nearby to receive the code and try again.");
        case "PERMISSIONS":
            return _t(
                "You stopped at the permissions screen. Odoo needs every permission it asks for to send and receive messages: try again and accept them."
            );
        default:
            return _t("You closed the Meta window before the end, so nothing was connected. Try again when you are ready.");
    }
}

/** The popup may post a JSON string or an object; anything unparsable is not ours. */
function decode(data: unknown): unknown {
    if (typeof data !== "string") {
        return data;
    }
    try {
        return JSON.parse(data) as unknown;
    } catch {
        return null;
    }
}

function isFinishEvent(event: string): event is FinishEventName {
    return (FINISH_EVENTS as readonly string[]).includes(event);
}

/** v4 reports a user's "report error" as CANCEL with `error_message`; older versions as ERROR. */
function parseStop(event: "CANCEL" | "ERROR", data: unknown): SignupEvent | null {
    const error = errorDataSchema.safeParse(data ?? {});
    if (event === "ERROR" || (error.success && error.data.error_message !== undefined)) {
        const fields = error.success ? error.data : {};
        return {
            kind: "error",
            event,
            error_message: fields.error_message || null,
            error_code: text(fields.error_code ?? fields.error_id),
            session_id: text(fields.session_id),
            timestamp: text(fields.timestamp),
        };
    }
    const cancel = cancelDataSchema.safeParse(data ?? {});
    return cancel.success ? { kind: "cancel", current_step: cancel.data.current_step || null } : null;
}

function text(value: string | number | undefined): string | null {
    return value === undefined || value === "" ? null : String(value);
}
