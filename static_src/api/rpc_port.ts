/** How the browser reaches the addon's controllers; Odoo's `rpc` in production, a fake in tests. */
export type RpcPort = (route: string, params?: Record<string, unknown>) => Promise<unknown>;
