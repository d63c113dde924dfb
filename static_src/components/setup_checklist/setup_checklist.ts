import { Component, onWillStart, useState } from "@odoo/owl";
import type { WhatsAppApi } from "../../api/client";
import { ApiError } from "../../api/api_error";
import type { SetupChecklist as Checklist, SetupStep, SetupValue } from "../../api/schemas/setup";
import { _t } from "../../i18n/translate";

export interface SetupChecklistProps {
    api: WhatsAppApi;
    /** Writes to the clipboard; rejects when the browser refuses. */
    copy: (text: string) => Promise<void>;
}

interface CopyFeedback {
    /** `<step key>:<value index>`: the value whose button was pressed. */
    target: string;
    ok: boolean;
}

interface SetupChecklistState {
    status: "loading" | "ready" | "error";
    checklist: Checklist | null;
    error: string;
    copyFeedback: CopyFeedback | null;
}

/**
 * The way from nothing to a first WhatsApp message received, each step checked by the server.
 * Hidden once everything is done; when a step done before is undone, it comes back as a warning
 * listing only what broke.
 */
export class SetupChecklist extends Component<SetupChecklistProps> {
    static template = "cusoft_whatsapp.SetupChecklist";
    static props = {
        api: Object,
        copy: Function,
    };

    state!: SetupChecklistState;

    setup(): void {
        this.state = useState<SetupChecklistState>({ status: "loading", checklist: null, error: "", copyFeedback: null });
        onWillStart(() => this.load());
    }

    async load(): Promise<void> {
        this.state.status = "loading";
        this.state.copyFeedback = null;
        try {
            this.state.checklist = await this.props.api.setupChecklist();
            this.state.status = "ready";
        } catch (error) {
            this.state.error =
                error instanceof ApiError ? error.message : _t("Something went wrong while checking the WhatsApp setup.");
            this.state.status = "error";
        }
    }

    get visible(): boolean {
        return this.state.status !== "ready" || this.state.checklist?.status !== "complete";
    }

    get regressed(): boolean {
        return this.state.checklist?.status === "regressed";
    }

    /** The steps shown: all of them while setting up, only the undone ones in a warning. */
    get steps(): SetupStep[] {
        const steps = this.state.checklist?.steps ?? [];
        return this.regressed ? steps.filter((step) => !step.done) : steps;
    }

    /** The first step not done: the one to do now. */
    get current(): SetupStep | undefined {
        return this.state.checklist?.steps.find((step) => !step.done);
    }

    get progress(): string {
        const steps = this.state.checklist?.steps ?? [];
        return _t("%s of %s steps done.", steps.filter((step) => step.done).length, steps.length);
    }

    async copy(step: SetupStep, index: number, value: SetupValue): Promise<void> {
        const target = `${step.key}:${index}`;
        try {
            await this.props.copy(value.value);
            this.state.copyFeedback = { target, ok: true };
        } catch {
            this.state.copyFeedback = { target, ok: false };
        }
    }

    copyFeedback(step: SetupStep, index: number): string {
        const feedback = this.state.copyFeedback;
        if (!feedback || feedback.target !== `${step.key}:${index}`) {
            return "";
        }
        return feedback.ok ? _t("Copied") : _t("Could not copy: select the text and copy it yourself.");
    }

    copyFailed(step: SetupStep, index: number): boolean {
        return this.state.copyFeedback?.target === `${step.key}:${index}` && !this.state.copyFeedback.ok;
    }

    copyLabel(value: SetupValue): string {
        return _t("Copy %s", value.label);
    }

    domId(step: SetupStep, index: number): string {
        return `o_cusoft_whatsapp_setup_${step.key}_${index}`;
    }
}
