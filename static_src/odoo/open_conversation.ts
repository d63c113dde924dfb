import { useService } from "@web/core/utils/hooks";
import { activeIdOf, discussWhatsApp } from "./discuss_state";

/** The inbox client action (tag registered by the inbox): `params.conversation_id` opens one conversation. */
export const INBOX_ACTION_TAG = "cusoft_whatsapp.inbox";

interface ActionService {
    doAction(action: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
}

export function openInInbox(action: ActionService, conversationId: number | null): Promise<unknown> {
    return action.doAction({
        type: "ir.actions.client",
        tag: INBOX_ACTION_TAG,
        params: conversationId ? { conversation_id: conversationId } : {},
    });
}

/**
 * Opens a conversation where the user reads chats: in Discuss's main area on a wide screen (at once
 * when Discuss is on screen, else by opening Discuss on it), in the inbox on a phone.
 */
export function openConversation(action: ActionService, isSmall: boolean, conversationId: number): Promise<unknown> {
    if (isSmall) {
        return openInInbox(action, conversationId);
    }
    if (discussWhatsApp.show) {
        discussWhatsApp.show(conversationId);
        return Promise.resolve();
    }
    return action.doAction("mail.action_discuss", { additionalContext: { active_id: activeIdOf(conversationId) } });
}

/** Call in setup(): opens conversations from the current component. */
export function useOpenConversation(): (conversationId: number) => Promise<unknown> {
    const action = useService("action") as ActionService;
    const ui = useService("ui") as { isSmall: boolean };
    return (conversationId) => openConversation(action, ui.isSmall, conversationId);
}
