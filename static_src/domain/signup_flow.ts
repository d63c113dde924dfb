import { _t } from "../i18n/translate";
import { cancelStepExplanation, type SignupErrorEvent, type SignupEvent, type SignupFinishEvent } from "./signup_events";

/** What Meta's popup told the page about the account it set up, sent to the server with the code. */
export interface SignupSession {
    event: string;
    waba_id?: string;
    phone_number_id?: string;
    business_id?: string;
}

// One Embedded Signup popup, from FB.login to the moment the server takes over. Two channels
// report on it and Meta does not order them: FB.login's callback (the code) and the popup's
// postMessage (the session event). This reducer decides what the page does with each arrival;
// it holds no timers and touches no DOM, so every order can be replayed in a test.

export type FlowInput =
    /** FB.login's callback brought an exchangeable code. */
    | { type: "code"; code: string }
    /** FB.login's callback came back without a code: popup closed, blocked or refused. */
    | { type: "no_code" }
    /** The popup posted a session event (already parsed and origin-checked). */
    | { type: "event"; event: SignupEvent }
    /** The user took the redirect fallback, which carries the same one-time state. */
    | { type: "fallback" };

export type SignupFlow =
    /** The popup is open; a FINISH that came before the code is kept to go with it. */
    | { phase: "waiting"; session: SignupSession | null }
    /** The code went to the server: from here on, the onboarding steps tell the story. */
    | { phase: "sent" }
    | { phase: "cancelled"; step: string | null; explanation: string }
    | { phase: "meta_error"; message: string; errorCode: string | null; sessionId: string | null }
    /** No code came back; `session` says whether Meta nevertheless reported a finish. */
    | { phase: "no_code"; session: SignupSession | null }
    /** The new tab owns the one-time state now: nothing from this popup may spend it. */
    | { phase: "handed_over" };

export type FlowCommand =
    /** Post the code now: it lives 30 seconds, so nothing may wait for the session event. */
    | { kind: "complete"; code: string; session: SignupSession | null }
    /** Tell the server the popup ended without a code, for the audit trail and for Meta support. */
    | { kind: "abandon"; report: Record<string, unknown> };

export interface FlowStep {
    flow: SignupFlow;
    command: FlowCommand | null;
}

export function startSignupFlow(): SignupFlow {
    return { phase: "waiting", session: null };
}

/** The flow after `input`, and what the page must do about it (at most one thing). */
export function advanceSignupFlow(flow: SignupFlow, input: FlowInput): FlowStep {
    if (flow.phase !== "waiting" && flow.phase !== "no_code") {
        // After the code, a FINISH is not needed: the server reads the WABA from debug_token.
        // After a stop, the abandon report has spent the one-time state: a code could not be used.
        return { flow, command: null };
    }
    if (input.type === "fallback") {
        return { flow: { phase: "handed_over" }, command: null };
    }
    if (input.type === "code") {
        return { flow: { phase: "sent" }, command: { kind: "complete", code: input.code, session: flow.session } };
    }
    if (input.type === "no_code") {
        // No abandon report here: the "new tab" fallback still needs the one-time state.
        return { flow: { phase: "no_code", session: flow.session }, command: null };
    }
    const event = input.event;
    switch (event.kind) {
        case "finish":
            return { flow: { ...flow, session: toSession(event) }, command: null };
        case "cancel":
            // Also after an empty callback: the event tells why the popup closed.
            return cancelled(event.current_step);
        case "error":
            return metaError(event);
    }
}

/** The session info the server accepts with the code. */
export function toSession(event: SignupFinishEvent): SignupSession {
    const session: SignupSession = { event: event.event, waba_id: event.waba_id };
    if (event.phone_number_id !== undefined) {
        session.phone_number_id = event.phone_number_id;
    }
    if (event.business_id !== undefined) {
        session.business_id = event.business_id;
    }
    return session;
}

function cancelled(step: string | null): FlowStep {
    return {
        flow: { phase: "cancelled", step, explanation: cancelStepExplanation(step) },
        command: { kind: "abandon", report: { event: "CANCEL", current_step: step } },
    };
}

function metaError(event: SignupErrorEvent): FlowStep {
    return {
        flow: {
            phase: "meta_error",
            message: event.error_message ?? _t("Meta reported an error in its window without saying which."),
            errorCode: event.error_code,
            sessionId: event.session_id,
        },
        command: {
            kind: "abandon",
            report: {
                event: event.event,
                error_message: event.error_message,
                error_code: event.error_code,
                session_id: event.session_id,
                timestamp: event.timestamp,
            },
        },
    };
}
