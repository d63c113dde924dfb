import { Component, onWillStart, useState } from "@odoo/owl";
import { DateTime } from "luxon";
import type { WhatsAppApi } from "../../api/client";
import { ApiError } from "../../api/api_error";
import type { AccountSummary, Overview } from "../../api/schemas/overview";
import { accountStateBadge, type StateBadge } from "../../domain/account_state";
import { relativeTime } from "../../domain/relative_time";
import { _t } from "../../i18n/translate";
import { SetupChecklist } from "../setup_checklist/setup_checklist";

export interface HomeProps {
    api: WhatsAppApi;
    openSettings: () => void;
    /** Opens a number's card; without it the names are plain text. */
    openAccount?: (accountId: number) => void;
    /** Opens the webhook deliveries that wait for a person; without it their count is not shown. */
    openDeliveries?: () => void;
    /** False where the page already has a heading (the Settings section). */
    showTitle?: boolean;
    /** Given where the setup checklist belongs (the WhatsApp app's landing page): administrators
     * with no number see it instead of a bare "nothing connected". */
    copy?: (text: string) => Promise<void>;
}

interface HomeState {
    status: "loading" | "ready" | "error";
    overview: Overview | null;
    error: string;
}

/** The WhatsApp app's landing page: the business numbers and whether each one is working. */
export class WhatsAppHome extends Component<HomeProps> {
    static template = "cusoft_whatsapp.WhatsAppHome";
    static components = { SetupChecklist };
    static props = {
        api: Object,
        openSettings: Function,
        openAccount: { type: Function, optional: true },
        openDeliveries: { type: Function, optional: true },
        showTitle: { type: Boolean, optional: true },
        copy: { type: Function, optional: true },
    };
    static defaultProps = { showTitle: true };

    state!: HomeState;

    setup(): void {
        this.state = useState<HomeState>({ status: "loading", overview: null, error: "" });
        onWillStart(() => this.load());
    }

    async load(): Promise<void> {
        this.state.status = "loading";
        try {
            this.state.overview = await this.props.api.overview();
            this.state.status = "ready";
        } catch (error) {
            this.state.error =
                error instanceof ApiError ? error.message : _t("Something went wrong while loading WhatsApp.");
            this.state.status = "error";
        }
    }

    badge(account: AccountSummary): StateBadge {
        return accountStateBadge(account.state);
    }

    lastWebhook(account: AccountSummary): string {
        return relativeTime(account.last_webhook_at, DateTime.now());
    }
}
