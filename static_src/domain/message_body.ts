// The chat API gives every message a `type` and a plain-text `body` (docs/chat-api.md); for
// locations, shared contacts and orders the body is written by the webhook parser
// (addon/cusoft_whatsapp/webhook/messages.py) in a fixed shape. These readers recover the parts a
// card needs from that shape, and fall back to the body as text when it is not recognised, so a
// change on the server degrades to plain text instead of breaking the thread.

/** Which component renders a message `type`. */
export type MessageFamily =
    | "text"
    | "image"
    | "sticker"
    | "video"
    | "audio"
    | "document"
    | "location"
    | "contacts"
    | "reply"
    | "order"
    | "notice"
    | "unsupported";

const FAMILIES: Record<string, MessageFamily> = {
    text: "text",
    image: "image",
    sticker: "sticker",
    video: "video",
    audio: "audio",
    document: "document",
    location: "location",
    contacts: "contacts",
    interactive: "reply",
    button: "reply",
    order: "order",
    system: "notice",
    request_welcome: "notice",
    referral: "notice",
    unsupported: "unsupported",
    unknown: "unsupported",
};

export function messageFamily(type: string): MessageFamily {
    return FAMILIES[type] ?? "unsupported";
}

export interface LocationBody {
    label: string | null;
    latitude: number | null;
    longitude: number | null;
    url: string | null;
    /** A map at the pin: Meta's own link when the customer shared a place, else OpenStreetMap. */
    mapUrl: string | null;
}

const COORDINATES = /\s*\((-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)\)$/;

/** "Name, Address (lat, lon)\nurl" → its parts; "Location" alone means a bare pin. */
export function readLocation(body: string): LocationBody {
    const [first = "", ...rest] = body.split("\n");
    const url = rest.map((line) => line.trim()).find((line) => new RegExp("^https?://", "i").test(line)) ?? null;
    const match = first.match(COORDINATES);
    const latitude = match ? Number(match[1]) : null;
    const longitude = match ? Number(match[2]) : null;
    let label: string | null = (match ? first.slice(0, match.index) : first).trim();
    if (!label || label === "Location") {
        label = null;
    }
    const mapUrl =
        latitude !== null && longitude !== null
            ? `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`
            : url;
    return { label, latitude, longitude, url, mapUrl };
}

export interface SharedContact {
    name: string;
    numbers: string[];
}

/** "Contact: Name +1 555…, +34 6…" lines → names and numbers. */
export function readContacts(body: string): SharedContact[] {
    const contacts: SharedContact[] = [];
    for (const line of body.split("\n")) {
        if (!line.startsWith("Contact: ")) {
            continue;
        }
        const rest = line.slice("Contact: ".length);
        // The numbers follow the name: the first token made of digits and phone punctuation starts them.
        const start = rest.search(/(?:^|\s)\+?\d[\d\s().-]{4,}(?:,|$)/);
        const name = (start < 0 ? rest : rest.slice(0, start)).trim();
        const numbers = start < 0 ? [] : rest.slice(start).split(",").map((n) => n.trim()).filter(Boolean);
        contacts.push({ name: name === "(no name)" ? "" : name, numbers });
    }
    return contacts;
}

export interface OrderBody {
    items: string[];
    note: string | null;
}

/** "Order (n items)\nq x sku at price cur\n…\nnote" → the item lines and the customer's note. */
export function readOrder(body: string): OrderBody {
    const [, ...lines] = body.split("\n");
    const items = lines.filter((line) => new RegExp("^\\S+ x ").test(line));
    const note = lines.filter((line) => !new RegExp("^\\S+ x ").test(line)).join("\n").trim();
    return { items, note: note || null };
}
