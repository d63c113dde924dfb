import { callRoute } from "./call";
import type { RpcPort } from "./rpc_port";
import type { TemplateList } from "./schemas/chat_templates";
import type { ChatMessage } from "./schemas/chat";

/** What `/cusoft_whatsapp/chat/send` takes for `kind: "template"` (docs/chat-api.md). */
export interface TemplateSendParams {
    templateId: number;
    values: Record<string, string>;
    /** The header file, uploaded to the conversation first (`/cusoft_whatsapp/chat/attachment`). */
    attachmentId?: number | null;
}

/** The template routes of the chat, each answer parsed with its schema (api/routes.ts). */
export class TemplateApi {
    constructor(private readonly rpc: RpcPort) {}

    /** The conversation's approved templates, parsed, with the values the picker may start from. */
    list(conversationId: number): Promise<TemplateList> {
        return callRoute(this.rpc, "/cusoft_whatsapp/chat/templates", { conversation_id: conversationId });
    }

    /** Queues the template; a server refusal (a variable missing, opted out…) rejects with its words. */
    async send(conversationId: number, clientId: string, params: TemplateSendParams): Promise<ChatMessage> {
        const answer = await callRoute(this.rpc, "/cusoft_whatsapp/chat/send", {
            conversation_id: conversationId,
            client_id: clientId,
            kind: "template",
            template_id: params.templateId,
            values: params.values,
            attachment_id: params.attachmentId ?? null,
        });
        return answer.message;
    }
}
