import { Component, onMounted, onPatched, onWillUnmount, useRef, useState } from "@odoo/owl";
import type { WhatsAppTemplate } from "../../api/schemas/chat_templates";
import {
    fillProblems,
    HEADER_MEDIA,
    initialValues,
    isMediaHeader,
    LOCATION_KEYS,
    mediaLabel,
    previewParts,
    templateVariables,
    valuesToSend,
    variableLabel,
    type FillProblem,
    type PreviewPart,
    type Values,
} from "../../domain/template_fill";
import { _t } from "../../i18n/translate";

/** What the picker hands to its owner when the user sends: the server's `kind: "template"` send. */
export interface TemplateSend {
    template: WhatsAppTemplate;
    templateId: number;
    /** {variable key: value}, every variable of the template (and the location fields) trimmed. */
    values: Values;
    /** The header's image, video or PDF, to upload to the conversation before sending; else null. */
    file: File | null;
    /** What the customer will read (header, body with the values, footer), for an optimistic bubble. */
    text: string;
}

export interface TemplatePickerProps {
    /** The conversation's approved templates (`/cusoft_whatsapp/chat/templates` → `templates`). */
    templates: WhatsAppTemplate[];
    /** Values by variable name the picker starts from (same route → `prefill`). */
    prefill?: Record<string, string>;
    /** Sends; resolves once queued. A rejection's message (the server's refusal) is shown as is. */
    onSend: (send: TemplateSend) => Promise<void>;
    onCancel: () => void;
}

interface PickerInput {
    key: string;
    label: string;
    example: string | null;
    problem: string | null;
}

interface PickerState {
    search: string;
    name: string | null;
    language: string | null;
    values: Values;
    file: File | null;
    /** Problems are shown once the user tried to send, then follow each keystroke. */
    tried: boolean;
    sending: boolean;
    refusal: string;
}

let nextPickerId = 1;

/**
 * Choose an approved template, fill its variables inline and see the message as the customer will
 * read it. The only way to write to a customer outside WhatsApp's 24-hour window.
 */
export class TemplatePicker extends Component<TemplatePickerProps> {
    static template = "cusoft_whatsapp.TemplatePicker";
    static props = {
        templates: Array,
        prefill: { type: Object, optional: true },
        onSend: Function,
        onCancel: Function,
    };

    state!: PickerState;
    private readonly uid = nextPickerId++;
    private focusFirstProblem = false;
    private root!: ReturnType<typeof useRef>;

    setup(): void {
        this.root = useRef("root");
        this.state = useState<PickerState>({
            search: "",
            name: null,
            language: null,
            values: {},
            file: null,
            tried: false,
            sending: false,
            refusal: "",
        });
        const first = this.props.templates[0];
        if (this.props.templates.length === 1 && first) {
            this.select(first);
        }
        const onKeydown = (event: KeyboardEvent) => {
            if (event.key === "Escape" && !this.state.sending) {
                event.stopPropagation();
                this.props.onCancel();
            }
        };
        onMounted(() => {
            this.root.el?.addEventListener("keydown", onKeydown);
            this.root.el?.querySelector<HTMLElement>("input")?.focus();
        });
        onWillUnmount(() => this.root.el?.removeEventListener("keydown", onKeydown));
        onPatched(() => {
            if (this.focusFirstProblem) {
                this.focusFirstProblem = false;
                this.root.el?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
            }
        });
    }

    // ------------------------------------------------------------ the list

    /** Template names matching the search (name or text), each once whatever its languages. */
    get names(): string[] {
        const words = this.state.search.toLowerCase().split(/\s+/).filter(Boolean);
        const names: string[] = [];
        for (const template of this.props.templates) {
            const haystack = `${template.name} ${template.name.replace(/_/g, " ")} ${template.header?.text ?? ""} ${template.body.text}`.toLowerCase();
            if (words.every((word) => haystack.includes(word)) && !names.includes(template.name)) {
                names.push(template.name);
            }
        }
        return names;
    }

    languagesOf(name: string): string[] {
        return this.props.templates.filter((t) => t.name === name).map((t) => t.language);
    }

    get selected(): WhatsAppTemplate | null {
        const { name, language } = this.state;
        return this.props.templates.find((t) => t.name === name && t.language === language) ?? null;
    }

    /** A readable title: "order_ready_pickup" → "Order ready pickup". */
    title(name: string): string {
        const words = name.replace(/_/g, " ").trim();
        return words.charAt(0).toUpperCase() + words.slice(1);
    }

    snippet(name: string): string {
        const template = this.props.templates.find((t) => t.name === name);
        const text = template?.body.text ?? "";
        return text.length > 90 ? `${text.slice(0, 89)}…` : text;
    }

    chooseName(name: string): void {
        const language = this.languagesOf(name)[0];
        const template = this.props.templates.find((t) => t.name === name && t.language === language);
        if (template) {
            this.select(template);
        }
    }

    chooseLanguage(event: Event): void {
        const language = (event.target as HTMLSelectElement).value;
        const template = this.props.templates.find((t) => t.name === this.state.name && t.language === language);
        if (template) {
            this.select(template);
        }
    }

    /** Selects `template`, keeping what the user already typed for variables of the same name. */
    private select(template: WhatsAppTemplate): void {
        const start = initialValues(template, this.props.prefill ?? {});
        for (const key of Object.keys(start)) {
            const typed = this.state.values[key];
            if (typed) {
                start[key] = typed;
            }
        }
        this.state.name = template.name;
        this.state.language = template.language;
        this.state.values = start;
        if (!isMediaHeader(template.header?.format)) {
            this.state.file = null;
        }
        this.state.tried = false;
        this.state.refusal = "";
    }

    onSearch(event: Event): void {
        this.state.search = (event.target as HTMLInputElement).value;
    }

    // ------------------------------------------------------------ the inputs

    get problems(): FillProblem[] {
        const template = this.selected;
        return template ? fillProblems(template, this.state.values, this.state.file) : [];
    }

    /** The inputs of the selected template, in order, each with its problem once the user tried to send. */
    get inputs(): PickerInput[] {
        const template = this.selected;
        if (!template) {
            return [];
        }
        const shown = this.state.tried ? this.problems : [];
        const problemOf = (key: string) => shown.find((p) => p.key === key)?.message ?? null;
        const inputs: PickerInput[] = templateVariables(template).map((variable) => ({
            key: variable.key,
            label: variableLabel(template, variable.key),
            example: variable.example,
            problem: problemOf(variable.key),
        }));
        if (template.header?.format === "location") {
            inputs.unshift(
                ...LOCATION_KEYS.map((key) => ({ key, label: variableLabel(template, key), example: null, problem: problemOf(key) }))
            );
        }
        return inputs;
    }

    /** Problems not tied to one input (a text too long once filled). */
    get generalProblems(): string[] {
        return this.state.tried ? this.problems.filter((p) => p.key === null).map((p) => p.message) : [];
    }

    get fileProblem(): string | null {
        return this.state.tried ? this.problems.find((p) => p.key === "header.media")?.message ?? null : null;
    }

    get mediaFormat(): "image" | "video" | "document" | null {
        const format = this.selected?.header?.format;
        return isMediaHeader(format) ? format : null;
    }

    get fileAccept(): string {
        return this.mediaFormat ? HEADER_MEDIA[this.mediaFormat].types.join(",") : "";
    }

    get fileHint(): string {
        return this.mediaFormat ? _t("Attach %s.", mediaLabel(this.mediaFormat)) : "";
    }

    onInput(key: string, event: Event): void {
        this.state.values[key] = (event.target as HTMLInputElement).value;
        this.state.refusal = "";
    }

    onFile(event: Event): void {
        this.state.file = (event.target as HTMLInputElement).files?.[0] ?? null;
        this.state.refusal = "";
    }

    domId(part: string): string {
        return `o_cusoft_whatsapp_tpl_${this.uid}_${part.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    }

    // ------------------------------------------------------------ the preview

    get headerParts(): PreviewPart[] {
        const header = this.selected?.header;
        return header?.format === "text" && header.text ? previewParts(header.text, "header", this.state.values) : [];
    }

    get bodyParts(): PreviewPart[] {
        const template = this.selected;
        return template ? previewParts(template.body.text, "body", this.state.values) : [];
    }

    get locationLine(): string {
        const values = this.state.values;
        return [values["header.name"], values["header.address"]].map((v) => v?.trim()).filter(Boolean).join(" · ");
    }

    get locationText(): string {
        return this.locationLine || _t("Location");
    }

    get mediaCaption(): string {
        if (this.state.file) {
            return this.state.file.name;
        }
        switch (this.mediaFormat) {
            case "image":
                return _t("Picture");
            case "video":
                return _t("Video");
            case "document":
                return _t("Document");
            default:
                return "";
        }
    }

    buttonIcon(type: string): string {
        switch (type) {
            case "url":
                return "fa-external-link";
            case "phone":
            case "voice_call":
                return "fa-phone";
            case "copy_code":
            case "otp":
                return "fa-clone";
            case "flow":
                return "fa-list-alt";
            default:
                return "fa-reply";
        }
    }

    buttonLabel(button: WhatsAppTemplate["buttons"][number]): string {
        if (button.text) {
            return button.text;
        }
        return button.type === "copy_code" ? _t("Copy code") : "";
    }

    // ------------------------------------------------------------ sending

    async send(): Promise<void> {
        const template = this.selected;
        if (!template || this.state.sending) {
            return;
        }
        this.state.tried = true;
        this.state.refusal = "";
        if (this.problems.length) {
            this.focusFirstProblem = true;
            return;
        }
        this.state.sending = true;
        try {
            await this.props.onSend({
                template,
                templateId: template.id,
                values: valuesToSend(template, this.state.values),
                file: this.state.file,
                text: this.previewText(template),
            });
        } catch (error) {
            this.state.refusal = error instanceof Error && error.message ? error.message : _t("The template could not be sent. Try again.");
        } finally {
            this.state.sending = false;
        }
    }

    private previewText(template: WhatsAppTemplate): string {
        const join = (parts: PreviewPart[]) => parts.map((p) => p.text).join("");
        const header = template.header?.format === "location" ? this.locationLine : join(this.headerParts);
        return [header, join(this.bodyParts), template.footer ?? ""].filter(Boolean).join("\n\n");
    }
}
