import { Component, useState } from "@odoo/owl";
import type { Conversation } from "../../api/schemas/chat";
import { conversationActions, type ConversationAction, type ConversationActionRegistry } from "../../services/conversation_actions";
import { plainError } from "../../services/plain_error";

export interface ConversationActionsProps {
    conversation: Conversation;
    /** The bundle's registry unless a test gives its own. */
    registry?: ConversationActionRegistry;
}

/** The header's action buttons from the registry; a failed action says why next to them. */
export class ConversationActions extends Component<ConversationActionsProps> {
    static template = "cusoft_whatsapp.ConversationActions";
    static props = {
        conversation: Object,
        registry: { type: Object, optional: true },
    };

    ui!: { running: string | null; error: string | null };

    setup(): void {
        this.ui = useState({ running: null as string | null, error: null as string | null });
    }

    get actions(): ConversationAction[] {
        return (this.props.registry ?? conversationActions).for(this.props.conversation);
    }

    async run(action: ConversationAction): Promise<void> {
        if (this.ui.running) {
            return;
        }
        this.ui.running = action.id;
        this.ui.error = null;
        try {
            await action.run(this.props.conversation);
        } catch (error) {
            this.ui.error = plainError(error);
        } finally {
            this.ui.running = null;
        }
    }
}
