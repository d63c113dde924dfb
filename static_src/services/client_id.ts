/**
 * A send's idempotency key (docs/chat-api.md: 8–64 of `A-Za-z0-9_.:-`). `crypto.randomUUID` exists
 * only in secure contexts, and Odoo is often reached over plain http on a LAN: getRandomValues
 * works everywhere.
 */
export function newClientId(): string {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "wa-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
