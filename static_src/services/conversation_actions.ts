import type { Conversation } from "../api/schemas/chat";

/**
 * A button of a conversation's header (Open contact, Create lead…). The thread pane does not know
 * CRM or contacts: the Odoo glue adds what the installed modules and the user's rights allow.
 */
export interface ConversationAction {
    id: string;
    label: string;
    /** Font Awesome class, e.g. "fa-user". */
    icon: string;
    /** Smaller first. */
    sequence: number;
    isAvailable(conversation: Conversation): boolean;
    run(conversation: Conversation): Promise<void> | void;
}

/** The extension point: one list per bundle, filled at start-up, read by ConversationActions. */
export class ConversationActionRegistry {
    private readonly actions = new Map<string, ConversationAction>();

    add(action: ConversationAction): void {
        this.actions.set(action.id, action);
    }

    remove(id: string): void {
        this.actions.delete(id);
    }

    for(conversation: Conversation): ConversationAction[] {
        return [...this.actions.values()]
            .filter((action) => action.isAvailable(conversation))
            .sort((a, b) => a.sequence - b.sequence);
    }
}

export const conversationActions = new ConversationActionRegistry();
