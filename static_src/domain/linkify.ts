// Customer text is rendered as text nodes and <a> elements built from these parts, never as HTML:
// whatever a customer writes cannot become markup.

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
// Punctuation that ends a sentence rather than the address ("see https://x.com.").
const TRAILING = /[.,;:!?\]}'"]$/;

function count(text: string, char: string): number {
    return text.split(char).length - 1;
}

/** Drops closing punctuation, keeping a ")" that closes a "(" of the address (Wikipedia links). */
function trimEnd(raw: string): string {
    let end = raw;
    while (end.length) {
        if (TRAILING.test(end) || (end.endsWith(")") && count(end, ")") > count(end, "("))) {
            end = end.slice(0, -1);
        } else {
            break;
        }
    }
    return end;
}

/** Splits `text` into plain runs and links; only http(s) addresses become links. */
export function linkify(text: string): TextPart[] {
    const parts: TextPart[] = [];
    let last = 0;
    for (const match of text.matchAll(LINK)) {
        const raw = trimEnd(match[0]);
        if (!/\w\.\w/.test(raw)) {
            continue; // "www." or "https://" alone: no address to go to
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
