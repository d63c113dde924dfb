import { Component } from "@odoo/owl";
import type { InboxStore } from "../../services/inbox_contract";

export interface ThreadPaneProps {
    store: InboxStore;
    conversationId: number;
}

/** One conversation: its header, its messages and the composer. */
export class ThreadPane extends Component<ThreadPaneProps> {
    static template = "cusoft_whatsapp.ThreadPane";
    static props = {
        store: Object,
        conversationId: Number,
    };

    get conversation() {
        return this.props.store.state.conversations[this.props.conversationId] ?? null;
    }
}
