import { _t } from "../i18n/translate";
import { ApiError } from "./api_error";
import { callRoute } from "./call";
import type { Answer, Route } from "./routes";
import type { RpcPort } from "./rpc_port";
import type { ChatMessage, Conversation, ConversationPage, MessagePage } from "./schemas/chat";
import { uploadAnswerSchema, type UploadedFile } from "./schemas/upload";
import type { UploadPort } from "./upload_port";

export const UPLOAD_ROUTE = "/cusoft_whatsapp/chat/attachment";

export type ConversationFilter = "all" | "mine" | "unassigned" | "unread";

export interface ConversationQuery {
    filter?: ConversationFilter;
    accountId?: number | null;
    search?: string;
    cursor?: string | null;
    limit?: number;
}

/** Which page of a thread: the newest (none), older than / newer than / around a message id. */
export type MessagePageQuery = { before: number } | { after: number } | { around: number } | Record<string, never>;

export interface ReadState {
    conversation_id: number;
    last_read_message_id: number;
    unread_count: number;
}

export type SendParams =
    | { kind: "text"; body: string; replyToId?: number | null }
    | { kind: "media"; attachmentId: number; caption?: string | null; replyToId?: number | null }
    | { kind: "reaction"; messageId: number; emoji: string };

/** The chat routes (docs/chat-api.md), each answer parsed with its schema before anyone sees it. */
export class ChatApi {
    constructor(
        private readonly rpc: RpcPort,
        private readonly upload: UploadPort
    ) {}

    conversations(query: ConversationQuery = {}): Promise<ConversationPage> {
        const params: Record<string, unknown> = { filter: query.filter ?? "all" };
        if (query.accountId) {
            params.account_id = query.accountId;
        }
        if (query.search) {
            params.search = query.search;
        }
        if (query.cursor) {
            params.cursor = query.cursor;
        }
        if (query.limit) {
            params.limit = query.limit;
        }
        return this.call("/cusoft_whatsapp/chat/conversations", params);
    }

    /** Refreshes given rows after a bus notification: the server applies the user's access rules. */
    conversationsByIds(ids: number[]): Promise<ConversationPage> {
        return this.call("/cusoft_whatsapp/chat/conversations", { ids });
    }

    messages(conversationId: number, query: MessagePageQuery = {}, limit?: number): Promise<MessagePage> {
        return this.call("/cusoft_whatsapp/chat/messages", { conversation_id: conversationId, ...query, ...(limit ? { limit } : {}) });
    }

    /** Given messages (a reaction's id answers its target); `has_older`/`has_newer` are null. */
    messagesByIds(conversationId: number, ids: number[]): Promise<MessagePage> {
        return this.call("/cusoft_whatsapp/chat/messages", { conversation_id: conversationId, ids });
    }

    markRead(conversationId: number, messageId?: number): Promise<ReadState> {
        return this.call("/cusoft_whatsapp/chat/mark_read", {
            conversation_id: conversationId,
            ...(messageId ? { message_id: messageId } : {}),
        });
    }

    async send(conversationId: number, clientId: string, send: SendParams): Promise<ChatMessage> {
        const params: Record<string, unknown> = { conversation_id: conversationId, client_id: clientId, kind: send.kind };
        if (send.kind === "text") {
            Object.assign(params, { body: send.body, reply_to_id: send.replyToId ?? null });
        } else if (send.kind === "media") {
            Object.assign(params, { attachment_id: send.attachmentId, caption: send.caption ?? null, reply_to_id: send.replyToId ?? null });
        } else {
            Object.assign(params, { message_id: send.messageId, emoji: send.emoji });
        }
        return (await this.call("/cusoft_whatsapp/chat/send", params)).message;
    }

    async retry(messageId: number): Promise<ChatMessage> {
        return (await this.call("/cusoft_whatsapp/chat/retry", { message_id: messageId })).message;
    }

    async typing(conversationId: number): Promise<boolean> {
        return (await this.call("/cusoft_whatsapp/chat/typing", { conversation_id: conversationId })).sent;
    }

    async assign(conversationId: number, action: "claim" | "release" | "assign", userId?: number): Promise<Conversation> {
        const params: Record<string, unknown> = { conversation_id: conversationId, action };
        if (userId) {
            params.user_id = userId;
        }
        return (await this.call("/cusoft_whatsapp/chat/assign", params)).conversation;
    }

    async colleagues(conversationId: number): Promise<{ id: number; name: string }[]> {
        return (await this.call("/cusoft_whatsapp/chat/colleagues", { conversation_id: conversationId })).users;
    }

    /** Stores `file` on the conversation (Meta's type and size limits checked by the server). */
    async uploadFile(conversationId: number, file: File): Promise<UploadedFile> {
        let answer;
        try {
            answer = await this.upload(UPLOAD_ROUTE, { conversation_id: String(conversationId), ufile: file });
        } catch (error) {
            throw ApiError.unreachable(UPLOAD_ROUTE, error);
        }
        if (answer.status === 403) {
            throw new ApiError(_t("You are not allowed to send files in this conversation."), UPLOAD_ROUTE);
        }
        if (answer.status === 413) {
            throw new ApiError(_t("This file is too large for WhatsApp."), UPLOAD_ROUTE);
        }
        const parsed = uploadAnswerSchema.safeParse(answer.body);
        if (!parsed.success) {
            throw answer.status >= 500 || answer.body === null
                ? ApiError.unreachable(UPLOAD_ROUTE, answer)
                : ApiError.unexpectedAnswer(UPLOAD_ROUTE, parsed.error);
        }
        if ("error" in parsed.data) {
            throw new ApiError(parsed.data.error, UPLOAD_ROUTE);
        }
        return parsed.data;
    }

    private call<R extends Route>(route: R, params?: Record<string, unknown>): Promise<Answer<R>> {
        return callRoute(this.rpc, route, params);
    }
}
