import { Component } from "@odoo/owl";

/** The customer tapped a button or picked a list row: what they chose. */
export class ReplyContent extends Component<{ body: string; type: string }> {
    static template = "cusoft_whatsapp.ReplyContent";
    static props = { body: String, type: String };
}
