import { callRoute } from "./call";
import type { RpcPort } from "./rpc_port";
import type { Conversation } from "./schemas/chat";
import type { LeadCreated } from "./schemas/crm";
import { samePhone } from "../domain/phone_match";

/** The lists shown outside the inbox: the systray, Discuss's sidebar, contact and lead forms. */
export type PlaceFilter = "attention" | "mine" | "unassigned";

/**
 * The routes the chat needs where users already are (issue 12): counters and short lists, a
 * contact's or a lead's conversations, and the CRM bridge's Create lead. Answers parsed like every
 * other route (api/call.ts).
 */
export class EverywhereApi {
    constructor(private readonly rpc: RpcPort) {}

    /** How many conversations need the user (stops at 100: "99+"). */
    async attentionCount(): Promise<number> {
        return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/counters")).attention;
    }

    async conversations(filter: PlaceFilter, limit: number): Promise<Conversation[]> {
        return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter, limit })).conversations;
    }

    /** Given rows, with the user's access rules applied by the server (after a bus notification). */
    async conversationsByIds(ids: number[]): Promise<Conversation[]> {
        return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { ids })).conversations;
    }

    /** A contact's conversations (its company's people included). */
    async partnerConversations(partnerId: number): Promise<Conversation[]> {
        const page = await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter: "all", partner_id: partnerId, limit: 20 });
        return page.conversations;
    }

    /** Conversations whose number is `phone` (the phone field's WhatsApp button); the server searches by digits. */
    async phoneConversations(phone: string): Promise<Conversation[]> {
        const search = phone.replace(/\D/g, "");
        if (search.length < 3) {
            return [];
        }
        const page = await callRoute(this.rpc, "/cusoft_whatsapp/chat/conversations", { filter: "all", search, limit: 20 });
        return page.conversations.filter((conversation) => conversation.phone !== null && samePhone(conversation.phone, phone));
    }

    /** A lead's conversations (CRM bridge): its origin, its contact's, its phone numbers'. */
    async leadConversations(leadId: number): Promise<Conversation[]> {
        return (await callRoute(this.rpc, "/cusoft_whatsapp/crm/lead_conversations", { lead_id: leadId })).conversations;
    }

    /** Create contact: links the customer's existing contact or creates one; the conversation answers with it. */
    async createContact(conversationId: number): Promise<Conversation> {
        return (await callRoute(this.rpc, "/cusoft_whatsapp/chat/create_contact", { conversation_id: conversationId })).conversation;
    }

    createLead(conversationId: number): Promise<LeadCreated> {
        return callRoute(this.rpc, "/cusoft_whatsapp/crm/create_lead", { conversation_id: conversationId });
    }
}
