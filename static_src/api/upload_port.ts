/**
 * How the browser posts a file to the addon (multipart, outside JSON-RPC): a `fetch` with Odoo's
 * CSRF token in production, a fake in tests. It never throws for an HTTP status: the caller reads
 * the addon's answer (`{error}` on a refusal) to say what went wrong; it throws when nothing came back.
 */
export interface UploadAnswer {
    status: number;
    /** The parsed JSON body, or null when the body was not JSON (a proxy's page, an empty 413…). */
    body: unknown;
}

export type UploadPort = (route: string, fields: Record<string, string | Blob>) => Promise<UploadAnswer>;
