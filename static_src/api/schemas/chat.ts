import * as z from "zod/mini";
import { serverDateTime } from "./datetime";

// The chat's answers (docs/chat-api.md), twins of addon/cusoft_whatsapp/serializers/chat.py.

export const messageStateSchema = z.enum(["queued", "sent", "delivered", "read", "failed", "received"]);
export const directionSchema = z.enum(["inbound", "outbound"]);

export const userRefSchema = z.strictObject({ id: z.number(), name: z.string() });

/** One row of the inbox; `unread_count` is the current user's and stops at 100 ("99+"). */
export const conversationSchema = z.strictObject({
    id: z.number(),
    account_id: z.number(),
    name: z.string(),
    phone: z.nullable(z.string()),
    username: z.nullable(z.string()),
    partner_id: z.nullable(z.number()),
    avatar_url: z.nullable(z.string()),
    last_message: z.nullable(
        z.strictObject({
            id: z.number(),
            direction: directionSchema,
            type: z.string(),
            preview: z.string(),
            state: messageStateSchema,
            timestamp: z.nullable(serverDateTime),
        })
    ),
    last_message_at: z.nullable(serverDateTime),
    unread_count: z.number(),
    assignee: z.nullable(userRefSchema),
    window_expires_at: z.nullable(serverDateTime),
});

/** Why a message failed, in the user's words; `uncertain`: Meta may have it, the user decides. */
export const sendErrorSchema = z.strictObject({
    kind: z.enum(["meta", "uncertain", "gave_up", "no_token", "internal"]),
    code: z.nullable(z.number()),
    title: z.nullable(z.string()),
    explanation: z.string(),
    fix: z.string(),
    details: z.nullable(z.string()),
    uncertain: z.boolean(),
});

export const messageSchema = z.strictObject({
    id: z.number(),
    conversation_id: z.number(),
    direction: directionSchema,
    type: z.string(),
    body: z.string(),
    timestamp: z.nullable(serverDateTime),
    state: messageStateSchema,
    client_id: z.nullable(z.string()),
    author: z.nullable(userRefSchema),
    reply_to: z.nullable(
        z.strictObject({ id: z.number(), direction: directionSchema, type: z.string(), body: z.string() })
    ),
    media: z.nullable(
        z.strictObject({
            state: z.enum(["none", "pending", "done", "error"]),
            mime_type: z.nullable(z.string()),
            filename: z.nullable(z.string()),
            voice: z.boolean(),
            caption: z.nullable(z.string()),
            url: z.nullable(z.string()),
            error: z.nullable(z.string()),
        })
    ),
    reactions: z.array(z.strictObject({ emoji: z.string(), direction: directionSchema })),
    error: z.nullable(sendErrorSchema),
    retry_at: z.nullable(serverDateTime),
});

/** Answer of `/cusoft_whatsapp/chat/conversations`: one page, newest first. */
export const conversationPageSchema = z.strictObject({
    conversations: z.array(conversationSchema),
    next_cursor: z.nullable(z.string()),
});

/** Answer of `/cusoft_whatsapp/chat/messages`: oldest first; `has_*` are null when fetched by ids. */
export const messagePageSchema = z.strictObject({
    conversation_id: z.number(),
    messages: z.array(messageSchema),
    has_older: z.nullable(z.boolean()),
    has_newer: z.nullable(z.boolean()),
    last_read_message_id: z.number(),
});

/** Answer of `/cusoft_whatsapp/chat/mark_read`. */
export const readStateSchema = z.strictObject({
    conversation_id: z.number(),
    last_read_message_id: z.number(),
    unread_count: z.number(),
});

/** Answer of `/cusoft_whatsapp/chat/send` and `/retry`: the message as it now stands. */
export const sentSchema = z.strictObject({ message: messageSchema });

/** Answer of `/cusoft_whatsapp/chat/assign`. */
export const assignedSchema = z.strictObject({ conversation: conversationSchema });

/** Answer of `/cusoft_whatsapp/chat/create_contact`: the conversation, now with its contact. */
export const contactCreatedSchema = z.strictObject({ conversation: conversationSchema });

/** Answer of `/cusoft_whatsapp/chat/colleagues`: who may take the conversation. */
export const colleaguesSchema = z.strictObject({ users: z.array(userRefSchema) });

/** Answer of `/cusoft_whatsapp/chat/counters`: conversations needing the user, stops at 100 ("99+"). */
export const countersSchema = z.strictObject({ attention: z.number() });

/** Answer of `/cusoft_whatsapp/chat/typing`: false when throttled (20 s) or outside the window. */
export const typingSchema = z.strictObject({ sent: z.boolean() });

export type Conversation = z.infer<typeof conversationSchema>;
export type ChatMessage = z.infer<typeof messageSchema>;
export type ConversationPage = z.infer<typeof conversationPageSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;
