// Signed deliveries shaped like Meta's (CONTRACT §8), and junk.
import { createHmac } from "node:crypto";
import { PHONE_NUMBER_ID, SECRET } from "./odoo.mjs";

const RUN = Date.now().toString(36);
const envelope = (value) => ({ object: "whatsapp_business_account", entry: [{ id: "100000000000001", changes: [{ field: "messages", value: {
    messaging_product: "whatsapp", metadata: { display_phone_number: "15550001234", phone_number_id: PHONE_NUMBER_ID }, ...value } }] }] });
// 500 customers: traffic comes mostly from people already talking to the business, and the first
// message of each still creates a contact and a conversation.
const customer = (i) => `1555${String(i % 500).padStart(7, "0")}`;

export function signed(payload) {
    const body = Buffer.from(JSON.stringify(payload));
    const signature = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
    return { path: "/whatsapp/webhook", body, headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature } };
}

export function wamid(kind, i) {
    return `wamid.bench.${RUN}.${kind}.${i}`;
}

export function text(kind, i) {
    const id = wamid(kind, i);
    return { ...signed(envelope({ contacts: [{ profile: { name: "Bench" }, wa_id: customer(i) }],
        messages: [{ from: customer(i), id, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: `bench ${i}` } }] })), tag: id };
}

export function image(i) {
    const id = wamid("image", i);
    return { ...signed(envelope({ contacts: [{ profile: { name: "Bench" }, wa_id: customer(i) }],
        messages: [{ from: customer(i), id, timestamp: String(Math.floor(Date.now() / 1000)), type: "image",
            image: { id: `media-hang-${RUN}-${i}`, mime_type: "image/jpeg", sha256: "00" } }] })), tag: id };
}

export function statuses(i, count) {
    return signed(envelope({ statuses: Array.from({ length: count }, (_, k) => ({
        id: wamid(`out${i}`, k), status: "delivered", timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: customer(k) })) }));
}

export function junk() {
    return { path: "/whatsapp/webhook", body: Buffer.from('{"object":"whatsapp_business_account","entry":[]}'),
        headers: { "Content-Type": "application/json", "X-Hub-Signature-256": "sha256=" + "0".repeat(64) } };
}

export const floor = () => ({ path: "/web/webclient/version_info", body: Buffer.from('{"jsonrpc":"2.0","method":"call","params":{}}'),
    headers: { "Content-Type": "application/json" } });
