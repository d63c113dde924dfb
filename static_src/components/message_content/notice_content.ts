import { Component } from "@odoo/owl";

/**
 * What is not a conversation line of its own: a system notice (number changed), the customer
 * opening the chat, an ad referral, or a message WhatsApp could not pass on (body: the reason).
 */
export class NoticeContent extends Component<{ body: string; type: string }> {
    static template = "cusoft_whatsapp.NoticeContent";
    static props = { body: String, type: String };

    get unsupported(): boolean {
        return this.props.type === "unsupported" || this.props.type === "unknown" || !KNOWN.has(this.props.type);
    }
}

const KNOWN = new Set(["system", "request_welcome", "referral", "unsupported", "unknown"]);
