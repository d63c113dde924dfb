import type { UploadPort } from "../api/upload_port";

/** Odoo's CSRF token, which every multipart POST to an http route must carry. */
function csrfToken(): string {
    return (globalThis as unknown as { odoo?: { csrf_token?: string } }).odoo?.csrf_token ?? "";
}

/** Multipart uploads to the addon's http routes, as Odoo's own file upload service sends them. */
export const odooUpload: UploadPort = async (route, fields) => {
    const form = new FormData();
    form.append("csrf_token", csrfToken());
    for (const [name, value] of Object.entries(fields)) {
        if (typeof value === "string") {
            form.append(name, value);
        } else {
            form.append(name, value, value instanceof File ? value.name : "file");
        }
    }
    const response = await fetch(route, { method: "POST", body: form, credentials: "same-origin" });
    let body: unknown = null;
    try {
        body = await response.json();
    } catch {
        // Not JSON (a proxy's error page, an empty 413): the status says enough.
    }
    return { status: response.status, body };
};
