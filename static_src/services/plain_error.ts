import { ApiError } from "../api/api_error";
import { _t } from "../i18n/translate";

/** What the user reads when a call fails: the server's plain words, or a generic sentence. */
export function plainError(error: unknown): string {
    return error instanceof ApiError ? error.message : _t("Something went wrong. Try again.");
}
