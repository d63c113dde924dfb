import { Component } from "@odoo/owl";
import { linkify, type TextPart } from "../../domain/linkify";

/** Customer or agent text with its links clickable; never parsed as HTML. */
export class TextContent extends Component<{ text: string }> {
    static template = "cusoft_whatsapp.TextContent";
    static props = { text: String };

    get parts(): TextPart[] {
        return linkify(this.props.text);
    }
}
