import { _t } from "../i18n/translate";

/** What the UI shows when a call to the addon's server fails or answers something unexpected. */
export class ApiError extends Error {
    constructor(
        message: string,
        readonly route: string,
        readonly cause?: unknown
    ) {
        super(message);
        this.name = "ApiError";
    }

    static unexpectedAnswer(route: string, cause: unknown): ApiError {
        return new ApiError(
            _t("The server sent an answer this page does not understand. Reload the page; if it persists, update the WhatsApp module."),
            route,
            cause
        );
    }

    static unreachable(route: string, cause: unknown): ApiError {
        const serverMessage = serverErrorMessage(cause);
        return new ApiError(
            serverMessage ?? _t("The server could not be reached. Check your connection and try again."),
            route,
            cause
        );
    }
}

/** Odoo's RPCError carries the user-facing text of a UserError in `data.message`. */
function serverErrorMessage(cause: unknown): string | undefined {
    if (typeof cause !== "object" || cause === null || !("data" in cause)) {
        return undefined;
    }
    const data = (cause as { data: unknown }).data;
    if (typeof data === "object" && data !== null && "message" in data) {
        const message = (data as { message: unknown }).message;
        return typeof message === "string" && message ? message : undefined;
    }
    return undefined;
}
