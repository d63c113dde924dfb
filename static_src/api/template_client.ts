import { ApiError } from "./api_error";
import { ROUTES, type Answer, type Route } from "./routes";
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
        return this.call("/cusoft_whatsapp/chat/templates", { conversation_id: conversationId });
    }

    /** Queues the template; a server refusal (a variable missing, opted out…) rejects with its words. */
    async send(conversationId: number, clientId: string, params: TemplateSendParams): Promise<ChatMessage> {
        const answer = await this.call("/cusoft_whatsapp/chat/send", {
            conversation_id: conversationId,
            client_id: clientId,
            kind: "template",
            template_id: params.templateId,
            values: params.values,
            attachment_id: params.attachmentId ?? null,
        });
        return answer.message;
    }

    private async call<R extends Route>(route: R, params: Record<string, unknown>): Promise<Answer<R>> {
        let raw: unknown;
        try {
            raw = await this.rpc(route, params);
        } catch (error) {
            throw ApiError.unreachable(route, error);
        }
        const parsed = ROUTES[route].safeParse(raw);
        if (!parsed.success) {
            throw ApiError.unexpectedAnswer(route, parsed.error);
        }
        return parsed.data as Answer<R>;
    }
}
