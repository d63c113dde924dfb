import { _t } from "../i18n/translate";

// Filling a WhatsApp template in the browser: the same rules the server applies before sending
// (addon/cusoft_whatsapp/template_spec/fill.py), checked as the user types so that the server's
// refusal is the exception, and the preview of what the customer will read.

/** A variable to fill; `key` is where its value goes (`header.x`, `body.x`, `button.<index>.x`). */
export interface FillVariable {
    key: string;
    name: string;
    example: string | null;
}

export type HeaderFormat = "text" | "image" | "video" | "document" | "location" | "other";

/** The parts of a template the filling needs (structurally the picker route's template). */
export interface FillTemplate {
    header: { format: HeaderFormat; text: string | null; variables: FillVariable[] } | null;
    body: { text: string; variables: FillVariable[] };
    footer: string | null;
    buttons: { index: number; type: string; text: string; url: string | null; variables: FillVariable[] }[];
}

/** The header file the user attached, as far as the checks need it. */
export interface HeaderFile {
    name: string;
    type: string;
    size: number;
}

export type Values = Record<string, string>;

export interface FillProblem {
    /** The input the problem belongs to (a variable key, `header.media` or `header.latitude`…); null: the whole text. */
    key: string | null;
    message: string;
}

const MB = 1024 * 1024;
export const HEADER_TEXT_LIMIT = 60;
export const BODY_TEXT_LIMIT = 1024;
export const COPY_CODE_LIMIT = 15;
export const LOCATION_KEYS = ["header.latitude", "header.longitude", "header.name", "header.address"] as const;
/** What Meta takes in a media header (contract §6.2, §7.2). */
export const HEADER_MEDIA: Record<"image" | "video" | "document", { types: string[]; limit: number }> = {
    image: { types: ["image/jpeg", "image/png"], limit: 5 * MB },
    video: { types: ["video/mp4", "video/3gpp"], limit: 16 * MB },
    document: { types: ["application/pdf"], limit: 100 * MB },
};
const VARIABLE = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
// Meta refuses parameters holding a new line, a tab or more than four spaces in a row.
const LAYOUT = /[\n\r\t]| {5,}/;

export function isMediaHeader(format: HeaderFormat | undefined): format is "image" | "video" | "document" {
    return format === "image" || format === "video" || format === "document";
}

/** Every variable of `template`: header, body, then buttons, in the order the inputs are shown. */
export function templateVariables(template: FillTemplate): FillVariable[] {
    return [
        ...(template.header?.variables ?? []),
        ...template.body.variables,
        ...template.buttons.flatMap((button) => button.variables),
    ];
}

/** Starting values: the server's suggestions by variable name (the customer's name…), else empty. */
export function initialValues(template: FillTemplate, prefill: Record<string, string>): Values {
    const values: Values = {};
    for (const variable of templateVariables(template)) {
        values[variable.key] = prefill[variable.name] ?? "";
    }
    if (template.header?.format === "location") {
        for (const key of LOCATION_KEYS) {
            values[key] = "";
        }
    }
    return values;
}

/** What the user sees as the variable's name, e.g. "{{customer_name}}" or "Button “Track order”". */
export function variableLabel(template: FillTemplate, key: string): string {
    const [part, ...rest] = key.split(".");
    if (part === "header") {
        switch (rest[0]) {
            case "latitude":
                return _t("Latitude");
            case "longitude":
                return _t("Longitude");
            case "name":
                return template.header?.format === "location" ? _t("Place name") : `{{${rest[0]}}}`;
            case "address":
                return template.header?.format === "location" ? _t("Address") : `{{${rest[0]}}}`;
            case "media":
                return _t("Header file");
            default:
                return `{{${rest.join(".")}}}`;
        }
    }
    if (part === "body") {
        return `{{${rest.join(".")}}}`;
    }
    const button = template.buttons.find((b) => String(b.index) === rest[0]);
    const label = button?.text || rest[0] || "";
    return rest[1] === "code" ? _t("Code of the button “%s”", label) : _t("Link of the button “%s”", label);
}

function fill(text: string, prefix: string, values: Values): string {
    return text.replace(VARIABLE, (whole, name: string) => values[`${prefix}.${name}`]?.trim() || whole);
}

/** Everything that stops the send, one problem per input, in the order of the inputs. */
export function fillProblems(template: FillTemplate, values: Values, file: HeaderFile | null): FillProblem[] {
    const problems: FillProblem[] = [];
    for (const variable of templateVariables(template)) {
        const value = (values[variable.key] ?? "").trim();
        const label = variableLabel(template, variable.key);
        if (!value) {
            problems.push({ key: variable.key, message: _t("Fill in %s.", label) });
        } else if (LAYOUT.test(value)) {
            problems.push({ key: variable.key, message: _t("%s cannot contain line breaks, tabs or more than four spaces in a row.", label) });
        } else if (variable.key.endsWith(".code") && value.length > COPY_CODE_LIMIT) {
            problems.push({ key: variable.key, message: _t("%s holds at most %s characters.", label, COPY_CODE_LIMIT) });
        }
    }
    const header = template.header;
    if (header?.format === "text" && fill(header.text ?? "", "header", values).length > HEADER_TEXT_LIMIT) {
        problems.push({ key: null, message: _t("The header holds at most %s characters once filled in: shorten its value.", HEADER_TEXT_LIMIT) });
    }
    if (fill(template.body.text, "body", values).length > BODY_TEXT_LIMIT) {
        problems.push({ key: null, message: _t("The message holds at most %s characters once filled in: shorten the values.", BODY_TEXT_LIMIT) });
    }
    if (header && isMediaHeader(header.format)) {
        const accepted = HEADER_MEDIA[header.format];
        if (!file) {
            problems.push({ key: "header.media", message: _t("This template starts with a file: attach %s to show in its header.", mediaLabel(header.format)) });
        } else if (!accepted.types.includes(file.type.toLowerCase())) {
            problems.push({ key: "header.media", message: _t("The header of this template takes %s; the attached file is of another type.", mediaLabel(header.format)) });
        } else if (file.size > accepted.limit) {
            problems.push({ key: "header.media", message: _t("The header file is too large: at most %s MB.", Math.round(accepted.limit / MB)) });
        }
    }
    if (header?.format === "location") {
        for (const [key, bound] of [["header.latitude", 90], ["header.longitude", 180]] as const) {
            const raw = (values[key] ?? "").trim();
            const number = Number(raw);
            if (!raw || !Number.isFinite(number) || Math.abs(number) > bound) {
                problems.push({ key, message: _t("%s is not a valid coordinate.", variableLabel(template, key)) });
            }
        }
    }
    return problems;
}

export function mediaLabel(format: "image" | "video" | "document"): string {
    switch (format) {
        case "image":
            return _t("a picture (JPEG or PNG)");
        case "video":
            return _t("a video (MP4)");
        case "document":
            return _t("a PDF document");
    }
}

/** One run of preview text: typed by the user, still to fill (shown as {{name}}), or fixed. */
export interface PreviewPart {
    text: string;
    kind: "fixed" | "value" | "empty";
}

/** `text` cut into fixed parts and variables, each variable shown with its value or as {{name}}. */
export function previewParts(text: string, prefix: string, values: Values): PreviewPart[] {
    const parts: PreviewPart[] = [];
    let last = 0;
    for (const match of text.matchAll(VARIABLE)) {
        const start = match.index ?? 0;
        if (start > last) {
            parts.push({ text: text.slice(last, start), kind: "fixed" });
        }
        const value = values[`${prefix}.${match[1]}`]?.trim();
        parts.push(value ? { text: value, kind: "value" } : { text: match[0], kind: "empty" });
        last = start + match[0].length;
    }
    if (last < text.length) {
        parts.push({ text: text.slice(last), kind: "fixed" });
    }
    return parts;
}

/** The values the server takes: every variable (and location field), trimmed. */
export function valuesToSend(template: FillTemplate, values: Values): Values {
    const keys = templateVariables(template).map((v) => v.key);
    if (template.header?.format === "location") {
        keys.push(...LOCATION_KEYS);
    }
    return Object.fromEntries(keys.map((key) => [key, (values[key] ?? "").trim()]));
}
