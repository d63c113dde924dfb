import type { SignupSession } from "../domain/signup_flow";
import { callRoute } from "./call";
import type { Answer, Route } from "./routes";
import type { RpcPort } from "./rpc_port";
import type { AccountActionResult, AccountCard } from "./schemas/account";
import type { Overview } from "./schemas/overview";
import type { SetupChecklist } from "./schemas/setup";
import type { Onboarding, SignupStart } from "./schemas/signup";

export type AccountAction = "test_connection" | "sync_templates" | "disconnect";

/** The addon's own routes, each answer parsed with its schema (api/routes.ts) before anything else sees it. */
export class WhatsAppApi {
    constructor(private readonly rpc: RpcPort) {}

    overview(): Promise<Overview> {
        return this.call("/cusoft_whatsapp/overview");
    }

    /** The company's setup steps and what to do next (administrators only). */
    setupChecklist(): Promise<SetupChecklist> {
        return this.call("/cusoft_whatsapp/setup/checklist");
    }

    accountCard(accountId: number): Promise<AccountCard> {
        return this.call("/cusoft_whatsapp/account/card", { account_id: accountId });
    }

    /** Runs one of the card's buttons on the server; Meta's failures come back explained in the card. */
    accountAction(accountId: number, action: AccountAction): Promise<AccountActionResult> {
        return this.call("/cusoft_whatsapp/account/action", { account_id: accountId, action });
    }

    /** Opens an Embedded Signup; `accountId` reconnects an existing number. */
    signupStart(accountId?: number): Promise<SignupStart> {
        return this.call("/cusoft_whatsapp/signup/start", { account_id: accountId ?? null });
    }

    /** Sends Meta's code at once (it expires in 30 s) with the session info, if any arrived. */
    signupComplete(state: string, code: string, session: SignupSession | null): Promise<Onboarding> {
        return this.call("/cusoft_whatsapp/signup/complete", { state, code, session: session && sessionParams(session) });
    }

    /** Runs the next pending onboarding step (or resumes a failed one). */
    signupStep(onboardingId: number): Promise<Onboarding> {
        return this.call("/cusoft_whatsapp/signup/step", { onboarding_id: onboardingId });
    }

    /** Records a cancelled or failed popup for the audit trail and for support (Meta's session id). */
    signupAbandon(state: string, session: Record<string, unknown>): Promise<unknown> {
        return this.call("/cusoft_whatsapp/signup/abandon", { state, session });
    }

    private call<R extends Route>(route: R, params?: Record<string, unknown>): Promise<Answer<R>> {
        return callRoute(this.rpc, route, params);
    }
}

/** The popup's report as the completion route reads it (only the keys Meta sent). */
function sessionParams(session: SignupSession): Record<string, string> {
    const params: Record<string, string> = { event: session.event };
    for (const key of ["waba_id", "phone_number_id", "business_id"] as const) {
        const value = session[key];
        if (value !== undefined) {
            params[key] = value;
        }
    }
    return params;
}
