import * as z from "zod/mini";
import { ApiError } from "./api_error";
import type { RpcPort } from "./rpc_port";
import {
    accountActionResultSchema,
    accountCardSchema,
    type AccountActionResult,
    type AccountCard,
} from "./schemas/account";
import { overviewSchema, type Overview } from "./schemas/overview";
import { onboardingSchema, signupStartSchema, type Onboarding, type SignupStart } from "./schemas/signup";

/** What Meta's popup told the page, forwarded with the code (see domain/embedded_signup). */
export interface SignupSession {
    event: string;
    waba_id?: string;
    phone_number_id?: string;
    business_id?: string;
}

const okSchema = z.object({ ok: z.literal(true) });

export type AccountAction = "test_connection" | "sync_templates" | "disconnect";

/** The addon's own routes, each answer parsed before anything else sees it. */
export class WhatsAppApi {
    constructor(private readonly rpc: RpcPort) {}

    overview(): Promise<Overview> {
        return this.call("/cusoft_whatsapp/overview", overviewSchema);
    }

    accountCard(accountId: number): Promise<AccountCard> {
        return this.call("/cusoft_whatsapp/account/card", accountCardSchema, { account_id: accountId });
    }

    /** Runs one of the card's buttons on the server; Meta's failures come back explained in the card. */
    accountAction(accountId: number, action: AccountAction): Promise<AccountActionResult> {
        return this.call("/cusoft_whatsapp/account/action", accountActionResultSchema, {
            account_id: accountId,
            action,
        });
    }

    /** Opens an Embedded Signup; `accountId` reconnects an existing number. */
    signupStart(accountId?: number): Promise<SignupStart> {
        return this.call("/cusoft_whatsapp/signup/start", signupStartSchema, { account_id: accountId ?? null });
    }

    /** Sends Meta's code at once (it expires in 30 s) with the session info, if any arrived. */
    signupComplete(state: string, code: string, session: SignupSession | null): Promise<Onboarding> {
        return this.call("/cusoft_whatsapp/signup/complete", onboardingSchema, { state, code, session });
    }

    /** Runs the next pending onboarding step (or resumes a failed one). */
    signupStep(onboardingId: number): Promise<Onboarding> {
        return this.call("/cusoft_whatsapp/signup/step", onboardingSchema, { onboarding_id: onboardingId });
    }

    /** Records a cancelled or failed popup for the audit trail and for support (Meta's session id). */
    signupAbandon(state: string, session: Record<string, unknown>): Promise<unknown> {
        return this.call("/cusoft_whatsapp/signup/abandon", okSchema, { state, session });
    }

    private async call<S extends z.ZodMiniType>(
        route: string,
        schema: S,
        params?: Record<string, unknown>
    ): Promise<z.output<S>> {
        let raw: unknown;
        try {
            raw = await this.rpc(route, params);
        } catch (error) {
            throw ApiError.unreachable(route, error);
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
            throw ApiError.unexpectedAnswer(route, parsed.error);
        }
        return parsed.data;
    }
}
