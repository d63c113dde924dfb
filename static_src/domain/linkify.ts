// Customer text is rendered as text nodes and <a> elements built from these parts, never as HTML:
// whatever a customer writes cannot become markup.

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
// Punctuation that ends a sentence rather than the address ("see https://x.com.").
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits `text` into plain runs and links; only http(s) addresses become links. */
export function linkify(text: string): TextPart[] {
    const parts: TextPart[] = [];
    let last = 0;
    for (const match of text.matchAll(LINK)) {
        let raw = match[0];
        const trailing = raw.match(TRAILING);
        if (trailing && !(trailing[0].startsWith(")") && raw.includes("("))) {
            raw = raw.slice(0, raw.length - trailing[0].length);
        }
        const start = match.index ?? 0;
        if (start > last) {
            parts.push({ kind: "text", text: text.slice(last, start) });
        }
        const href = raw.toLowerCase().startsWith("www.") ? `https://${raw}` : raw;
        parts.push({ kind: "link", text: raw, href });
        last = start + raw.length;
    }
    if (last < text.length) {
        parts.push({ kind: "text", text: text.slice(last) });
    }
    return parts;
}
