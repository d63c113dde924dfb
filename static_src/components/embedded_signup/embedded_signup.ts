import { Component, onMounted, onPatched, onWillUnmount, useRef, useState } from "@odoo/owl";
import { ApiError } from "../../api/api_error";
import type { WhatsAppApi } from "../../api/client";
import type { Onboarding, OnboardingStep, SignupStart } from "../../api/schemas/signup";
import { parseSignupMessage, type WindowMessage } from "../../domain/signup_events";
import { advanceSignupFlow, startSignupFlow, type FlowInput, type SignupFlow, type SignupSession } from "../../domain/signup_flow";
import { _t } from "../../i18n/translate";
import { readLoginCode, type FacebookSdkPort, type WindowMessages } from "../../services/facebook_sdk";

export interface EmbeddedSignupProps {
    api: WhatsAppApi;
    sdk: FacebookSdkPort;
    /** Where Meta's popup posts its session events (the window's `message` event). */
    messages: WindowMessages;
    /** Opens Meta's redirect-based dialog when the popup cannot be used. */
    openUrl: (url: string) => void;
    /** Reconnects this existing number instead of adding a new one. */
    accountId?: number;
    /**
     * Told once the number works. The success panel shows the PIN the admin must write down:
     * keep this component on screen afterwards.
     */
    onConnected?: (accountId: number) => void;
}

type Phase =
    | "idle"
    | "starting"
    | "popup"
    | "onboarding"
    | "done"
    | "failed"
    | "cancelled"
    | "meta_error"
    | "no_code"
    | "sdk_error"
    | "api_error";

interface SignupState {
    phase: Phase;
    /** The last answer of the server about the onboarding: its steps, its outcome. */
    onboarding: Onboarding | null;
    /** How the popup ended, as the cancel / Meta error / no-code panels show it. */
    flow: SignupFlow | null;
    /**
     * The PIN comes in the one answer where the number got registered, and the server never sends it
     * again: it stays on screen until the next attempt, whatever the later answers say.
     */
    pin: string | null;
    apiError: string;
    /** What "Try again" does after a server error: start over, or resume the onboarding. */
    retry: "start" | "step";
    fallbackOpened: boolean;
}

const BUSY: readonly Phase[] = ["starting", "popup", "onboarding"];

/** A server that keeps answering "running" must not make the page call it forever. */
const MAX_STEP_CALLS = 50;

const STEP_ICONS: Record<OnboardingStep["status"], string> = {
    pending: "fa-circle-o text-muted",
    running: "fa-circle-o-notch fa-spin text-primary",
    done: "fa-check-circle text-success",
    failed: "fa-times-circle text-danger",
    skipped: "fa-minus-circle text-muted",
};

/** Every attempt starts from a clean slate: nothing of an earlier popup may leak into it. */
function freshState(phase: Phase): SignupState {
    return { phase, onboarding: null, flow: null, pin: null, apiError: "", retry: "start", fallbackOpened: false };
}

/** The "Connect WhatsApp" button: Meta's Embedded Signup popup, then the server's onboarding steps. */
export class EmbeddedSignup extends Component<EmbeddedSignupProps> {
    static template = "cusoft_whatsapp.EmbeddedSignup";
    static props = {
        api: Object,
        sdk: Object,
        messages: Function,
        openUrl: Function,
        accountId: { type: Number, optional: true },
        onConnected: { type: Function, optional: true },
    };

    state!: SignupState;
    private start: SignupStart | null = null;
    /** Where the popup stands, for the reducer; `state.flow` keeps what the user is shown. */
    private flow: SignupFlow | null = null;
    /** Bumped by every new attempt, so a late callback from an older popup changes nothing. */
    private attempt = 0;
    private alive = true;
    private focusedPhase: Phase = "idle";

    setup(): void {
        this.state = useState(freshState("idle"));
        let unsubscribe: (() => void) | undefined;
        onMounted(() => {
            unsubscribe = this.props.messages((message) => this.onMessage(message));
        });
        onWillUnmount(() => {
            this.alive = false;
            unsubscribe?.();
        });
        // Each outcome replaces the busy button that held focus: move focus to the outcome.
        const outcome = useRef("outcome");
        onPatched(() => {
            if (this.state.phase !== this.focusedPhase) {
                this.focusedPhase = this.state.phase;
                outcome.el?.focus();
            }
        });
    }

    get busy(): boolean {
        return BUSY.includes(this.state.phase);
    }

    get buttonLabel(): string {
        return this.props.accountId === undefined ? _t("Connect WhatsApp") : _t("Reconnect");
    }

    get statusText(): string {
        switch (this.state.phase) {
            case "starting":
                return _t("Opening Meta's signup window…");
            case "popup":
                return _t("Finish the steps in Meta's window. This page continues on its own when you are done.");
            case "onboarding":
                return _t("Setting up the WhatsApp number…");
            default:
                return "";
        }
    }

    async connect(): Promise<void> {
        if (this.busy) {
            return;
        }
        const attempt = ++this.attempt;
        Object.assign(this.state, freshState("starting"));
        this.start = null;
        this.flow = null;
        let start: SignupStart;
        try {
            start = await this.props.api.signupStart(this.props.accountId);
        } catch (error) {
            this.showApiError(attempt, error, "start");
            return;
        }
        if (!this.current(attempt)) {
            return;
        }
        this.start = start;
        try {
            const sdk = await this.props.sdk.load(start.sdk_url, start.app_id, start.graph_version);
            if (!this.current(attempt)) {
                return;
            }
            this.flow = startSignupFlow();
            this.state.phase = "popup";
            sdk.login((response) => this.onLogin(attempt, response), {
                config_id: start.config_id,
                response_type: "code",
                override_default_response_type: true,
                extras: start.extras,
            });
        } catch {
            // Blocked script, timeout or an SDK that throws: the same advice and the same way out.
            if (this.current(attempt)) {
                this.flow = null;
                this.state.phase = "sdk_error";
            }
        }
    }

    /** Runs the failed step again; the server keeps the steps already done. */
    async resume(): Promise<void> {
        const onboarding = this.state.onboarding;
        if (this.busy || !onboarding) {
            return;
        }
        const attempt = this.attempt;
        this.state.phase = "onboarding";
        this.state.apiError = "";
        try {
            await this.follow(attempt, await this.props.api.signupStep(onboarding.onboarding_id));
        } catch (error) {
            this.showApiError(attempt, error, "step");
        }
    }

    retry(): Promise<void> {
        return this.state.retry === "step" ? this.resume() : this.connect();
    }

    openFallback(): void {
        if (this.start) {
            this.props.openUrl(this.start.fallback_url);
            this.state.fallbackOpened = true;
            if (this.flow) {
                this.advance({ type: "fallback" });
            }
        }
    }

    stepIcon(step: OnboardingStep): string {
        return STEP_ICONS[step.status];
    }

    /** Said to screen readers, since the icon alone carries the status. */
    stepStatus(step: OnboardingStep): string {
        switch (step.status) {
            case "pending":
                return _t("waiting");
            case "running":
                return _t("in progress");
            case "done":
                return _t("done");
            case "failed":
                return _t("failed");
            case "skipped":
                return _t("skipped");
        }
    }

    private onLogin(attempt: number, response: unknown): void {
        if (!this.current(attempt)) {
            return;
        }
        const code = readLoginCode(response);
        this.advance(code ? { type: "code", code } : { type: "no_code" });
    }

    private onMessage(message: WindowMessage): void {
        if (!this.flow) {
            return;
        }
        const event = parseSignupMessage(message);
        if (event) {
            this.advance({ type: "event", event });
        }
    }

    private advance(input: FlowInput): void {
        const previous = this.flow;
        if (!previous) {
            return;
        }
        const { flow, command } = advanceSignupFlow(previous, input);
        this.flow = flow;
        if (flow !== previous && (flow.phase === "cancelled" || flow.phase === "meta_error" || flow.phase === "no_code")) {
            this.state.flow = flow;
            this.state.phase = flow.phase;
        }
        if (command?.kind === "complete") {
            void this.complete(command.code, command.session);
        } else if (command?.kind === "abandon") {
            void this.abandon(command.report);
        }
    }

    private async complete(code: string, session: SignupSession | null): Promise<void> {
        const attempt = this.attempt;
        const start = this.start;
        if (!start) {
            return;
        }
        this.state.phase = "onboarding";
        try {
            await this.follow(attempt, await this.props.api.signupComplete(start.state, code, session));
        } catch (error) {
            // The code is spent or expired: only a new popup can bring another one.
            this.showApiError(attempt, error, this.state.onboarding ? "step" : "start");
        }
    }

    /** Asks for the next step for as long as the server says the onboarding is running. */
    private async follow(attempt: number, first: Onboarding): Promise<void> {
        let onboarding = first;
        for (let calls = 0; ; calls++) {
            if (!this.current(attempt)) {
                return;
            }
            this.state.onboarding = onboarding;
            this.state.pin = onboarding.pin ?? this.state.pin;
            if (onboarding.status !== "running") {
                break;
            }
            if (calls >= MAX_STEP_CALLS) {
                this.state.apiError = _t("The setup is taking longer than expected. Try again to continue where it stopped.");
                this.state.retry = "step";
                this.state.phase = "api_error";
                return;
            }
            onboarding = await this.props.api.signupStep(onboarding.onboarding_id);
        }
        if (onboarding.status === "failed") {
            this.state.phase = "failed";
            return;
        }
        this.state.phase = "done";
        if (onboarding.account_id !== null) {
            this.props.onConnected?.(onboarding.account_id);
        }
    }

    private async abandon(report: Record<string, unknown>): Promise<void> {
        const start = this.start;
        if (!start) {
            return;
        }
        try {
            await this.props.api.signupAbandon(start.state, report);
        } catch {
            // Only the audit trail misses it; the panel already tells the user what happened.
        }
    }

    private showApiError(attempt: number, error: unknown, retry: "start" | "step"): void {
        if (!this.current(attempt)) {
            return;
        }
        this.state.apiError = error instanceof ApiError ? error.message : _t("Something went wrong while talking to the server.");
        this.state.retry = retry;
        this.state.phase = "api_error";
    }

    private current(attempt: number): boolean {
        return this.alive && attempt === this.attempt;
    }
}
