import { ApiError } from "./api_error";
import { ROUTES, type Answer, type Route } from "./routes";
import type { RpcPort } from "./rpc_port";

/**
 * Calls one of the addon's JSON routes and parses its answer with the route's schema (api/routes.ts),
 * so that nothing past this point ever sees raw server data.
 */
export async function callRoute<R extends Route>(rpc: RpcPort, route: R, params?: Record<string, unknown>): Promise<Answer<R>> {
    let raw: unknown;
    try {
        raw = await rpc(route, params);
    } catch (error) {
        throw ApiError.unreachable(route, error);
    }
    const parsed = ROUTES[route].safeParse(raw);
    if (!parsed.success) {
        throw ApiError.unexpectedAnswer(route, parsed.error);
    }
    return parsed.data as Answer<R>;
}
