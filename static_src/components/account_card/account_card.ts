import { Component, markRaw, onMounted, onPatched, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import type { DateTime } from "luxon";
import type { AccountAction, WhatsAppApi } from "../../api/client";
import { ApiError } from "../../api/api_error";
import type { AccountCard as Card } from "../../api/schemas/account";
import { accountStateBadge, type StateBadge, type Tone } from "../../domain/account_state";
import { messagingLimitBadge, nameStatusBadge, qualityBadge } from "../../domain/quality";
import { relativeTime } from "../../domain/relative_time";
import { tokenExpiry, type TokenExpiry } from "../../domain/token_expiry";
import { _t } from "../../i18n/translate";

export interface AccountCardProps {
    api: WhatsAppApi;
    accountId: number;
    /** The clock: the countdowns are computed from it, so tests can move time. */
    now: () => DateTime;
    /** Writes to the clipboard; rejects when the browser refuses. */
    copy: (text: string) => Promise<void>;
    /** Told about every card an action brought back, so lists showing this number can follow. */
    onChanged?: (card: Card) => void;
    /** How often the countdowns are recomputed while the card is on screen. */
    refreshMs?: number;
}

type CopyField = "webhook_url" | "verify_token";

interface CopyFeedback {
    field: CopyField;
    ok: boolean;
}

interface AccountCardState {
    status: "loading" | "ready" | "error";
    card: Card | null;
    loadError: string;
    running: AccountAction | null;
    confirmingDisconnect: boolean;
    message: string;
    actionError: string;
    copyFeedback: CopyFeedback | null;
    now: DateTime;
}

const MINUTE_MS = 60_000;

/** One WhatsApp Business number's health: what an administrator checks to know WhatsApp works. */
export class AccountCard extends Component<AccountCardProps> {
    static template = "cusoft_whatsapp.AccountCard";
    static props = {
        api: Object,
        accountId: Number,
        now: Function,
        copy: Function,
        onChanged: { type: Function, optional: true },
        refreshMs: { type: Number, optional: true },
    };

    state!: AccountCardState;
    /** Where focus goes once the confirmation appears or goes away, so keyboard users are not lost. */
    private focusAfterPatch: "disconnect" | "cancel" | null = null;

    setup(): void {
        this.state = useState<AccountCardState>({
            status: "loading",
            card: null,
            loadError: "",
            running: null,
            confirmingDisconnect: false,
            message: "",
            actionError: "",
            copyFeedback: null,
            now: this.readClock(),
        });
        onWillStart(() => this.load());
        let timer: ReturnType<typeof setInterval> | undefined;
        onMounted(() => {
            timer = setInterval(() => {
                this.state.now = this.readClock();
            }, this.props.refreshMs ?? MINUTE_MS);
        });
        onWillUnmount(() => clearInterval(timer));
        const disconnectButton = useRef("disconnectButton");
        const cancelDisconnectButton = useRef("cancelDisconnectButton");
        onPatched(() => {
            if (this.focusAfterPatch) {
                (this.focusAfterPatch === "cancel" ? cancelDisconnectButton : disconnectButton).el?.focus();
                this.focusAfterPatch = null;
            }
        });
    }

    async load(): Promise<void> {
        this.state.status = "loading";
        try {
            this.showCard(await this.props.api.accountCard(this.props.accountId));
            this.state.status = "ready";
        } catch (error) {
            this.state.loadError =
                error instanceof ApiError ? error.message : _t("Something went wrong while loading this WhatsApp number.");
            this.state.status = "error";
        }
    }

    async run(action: AccountAction): Promise<void> {
        if (this.state.running) {
            return;
        }
        this.state.running = action;
        this.state.confirmingDisconnect = false;
        this.state.message = "";
        this.state.actionError = "";
        try {
            const result = await this.props.api.accountAction(this.props.accountId, action);
            this.showCard(result.card);
            this.state.message = result.message;
            this.props.onChanged?.(result.card);
        } catch (error) {
            this.state.actionError =
                error instanceof ApiError ? error.message : _t("Something went wrong while talking to the server.");
        } finally {
            this.state.running = null;
            if (action === "disconnect") {
                // The confirmation that held focus is gone: give it back to the button that opened it.
                this.focusAfterPatch = "disconnect";
            }
        }
    }

    askDisconnect(): void {
        this.state.confirmingDisconnect = true;
        this.focusAfterPatch = "cancel";
    }

    cancelDisconnect(): void {
        this.state.confirmingDisconnect = false;
        this.focusAfterPatch = "disconnect";
    }

    async copy(field: CopyField): Promise<void> {
        const value = this.state.card?.[field];
        if (!value) {
            return;
        }
        try {
            await this.props.copy(value);
            this.state.copyFeedback = { field, ok: true };
        } catch {
            this.state.copyFeedback = { field, ok: false };
        }
    }

    copyFeedback(field: CopyField): string {
        const feedback = this.state.copyFeedback;
        if (feedback?.field !== field) {
            return "";
        }
        return feedback.ok ? _t("Copied") : _t("Could not copy: select the text and copy it yourself.");
    }

    copyFailed(field: CopyField): boolean {
        return this.state.copyFeedback?.field === field && !this.state.copyFeedback.ok;
    }

    /** Unique per number, as several cards can share a page. */
    domId(part: string): string {
        return `o_cusoft_whatsapp_${part}_${this.props.accountId}`;
    }

    badgeClass(tone: Tone): string {
        return `text-bg-${tone === "muted" ? "secondary" : tone}`;
    }

    stateBadge(card: Card): StateBadge {
        return accountStateBadge(card.state);
    }

    quality(card: Card): StateBadge {
        return qualityBadge(card.quality_rating);
    }

    messagingLimit(card: Card): StateBadge {
        return messagingLimitBadge(card.messaging_limit);
    }

    nameStatus(card: Card): StateBadge {
        return nameStatusBadge(card.name_status);
    }

    token(card: Card): TokenExpiry {
        return tokenExpiry(card.token_expires_at, card.token_set, this.state.now);
    }

    since(at: DateTime | null): string {
        return relativeTime(at, this.state.now);
    }

    /** Kept out of OWL's reactivity: luxon objects are immutable, and proxying them only costs. */
    private showCard(card: Card): void {
        this.state.card = markRaw(card);
    }

    private readClock(): DateTime {
        return markRaw(this.props.now());
    }
}
