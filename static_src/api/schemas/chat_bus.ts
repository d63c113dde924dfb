import * as z from "zod/mini";
import { directionSchema, messageStateSchema } from "./chat";

// The chat's bus notifications (docs/chat-api.md, "Bus notifications"): ids and counters only, the
// client fetches the rest through the routes. Twins of the payloads built by the models'
// `_notify_bus`, `_set_assignee` and `mark_read`; extra keys are tolerated so that the server may
// add one without breaking open tabs.

export const messageNotificationSchema = z.object({
    conversation_id: z.number(),
    message_id: z.number(),
    state: messageStateSchema,
    direction: directionSchema,
    /** Whom a customer's message rings for: the number's notified users and the assignee. */
    alert_user_ids: z.optional(z.array(z.number())),
});

export const conversationNotificationSchema = z.object({
    conversation_id: z.number(),
    user_id: z.nullable(z.number()),
});

export const readNotificationSchema = z.object({
    conversation_id: z.number(),
    last_read_message_id: z.number(),
    unread_count: z.number(),
});

export const BUS_MESSAGE = "cusoft_whatsapp/message";
export const BUS_CONVERSATION = "cusoft_whatsapp/conversation";
export const BUS_READ = "cusoft_whatsapp/read";
