import type * as z from "zod/mini";
import { ApiError } from "./api_error";
import type { RpcPort } from "./rpc_port";
import {
    accountActionResultSchema,
    accountCardSchema,
    type AccountActionResult,
    type AccountCard,
} from "./schemas/account";
import { overviewSchema, type Overview } from "./schemas/overview";

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
