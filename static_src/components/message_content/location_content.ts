import { Component } from "@odoo/owl";
import { readLocation, type LocationBody } from "../../domain/message_body";

/** A shared place or pin: its name and address, and a link to a map. */
export class LocationContent extends Component<{ body: string }> {
    static template = "cusoft_whatsapp.LocationContent";
    static props = { body: String };

    get location(): LocationBody {
        return readLocation(this.props.body);
    }
}
