import { _t } from "../i18n/translate";

/** Where a number's connection to Meta stands (the API layer reads it from the server's answers). */
export const ACCOUNT_STATES = ["draft", "connected", "error", "disconnected"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export type Tone = "success" | "warning" | "danger" | "muted";

export interface StateBadge {
    label: string;
    tone: Tone;
}

/** How a connection's state reads on a badge: the words and the colour. */
export function accountStateBadge(state: AccountState): StateBadge {
    switch (state) {
        case "connected":
            return { label: _t("Connected"), tone: "success" };
        case "draft":
            return { label: _t("Not connected yet"), tone: "muted" };
        case "error":
            return { label: _t("Needs attention"), tone: "danger" };
        case "disconnected":
            return { label: _t("Disconnected"), tone: "warning" };
    }
}
