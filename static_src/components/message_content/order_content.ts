import { Component } from "@odoo/owl";
import { readOrder, type OrderBody } from "../../domain/message_body";

/** A catalogue order: its lines (quantity × product at price) and the customer's note. */
export class OrderContent extends Component<{ body: string }> {
    static template = "cusoft_whatsapp.OrderContent";
    static props = { body: String };

    get order(): OrderBody {
        return readOrder(this.props.body);
    }
}
