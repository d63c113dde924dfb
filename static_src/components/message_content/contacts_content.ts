import { Component } from "@odoo/owl";
import { readContacts, type SharedContact } from "../../domain/message_body";

export interface ContactsContentProps {
    body: string;
    /** Absent when the host cannot create contacts: the button is not offered. */
    onCreate?: (contact: SharedContact) => void;
}

/** Contact cards the customer shared: names, numbers to call, and "Create contact". */
export class ContactsContent extends Component<ContactsContentProps> {
    static template = "cusoft_whatsapp.ContactsContent";
    static props = { body: String, onCreate: { type: Function, optional: true } };

    get contacts(): SharedContact[] {
        return readContacts(this.props.body);
    }

    tel(number: string): string {
        return `tel:${number.replace(/[^\d+]/g, "")}`;
    }
}
