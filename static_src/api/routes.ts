import type * as z from "zod/mini";
import { accountActionResultSchema, accountCardSchema } from "./schemas/account";
import {
    assignedSchema,
    colleaguesSchema,
    contactCreatedSchema,
    conversationPageSchema,
    countersSchema,
    messagePageSchema,
    readStateSchema,
    sentSchema,
    typingSchema,
} from "./schemas/chat";
import { templateListSchema } from "./schemas/chat_templates";
import { leadCreatedSchema } from "./schemas/crm";
import { okSchema } from "./schemas/ok";
import { uploadAnswerSchema } from "./schemas/upload";
import { overviewSchema } from "./schemas/overview";
import { setupChecklistSchema } from "./schemas/setup";
import { onboardingSchema, signupStartSchema } from "./schemas/signup";

/**
 * Every JSON route of the addon with the zod schema of its answer: the twins of the serializers in
 * addon/cusoft_whatsapp/serializers/. The browser tier parses each route's real answers, kept in
 * test/contract/ by the Odoo tier, with the schema listed here.
 */
export const ROUTES = {
    "/cusoft_whatsapp/overview": overviewSchema,
    "/cusoft_whatsapp/setup/checklist": setupChecklistSchema,
    "/cusoft_whatsapp/account/card": accountCardSchema,
    "/cusoft_whatsapp/account/action": accountActionResultSchema,
    "/cusoft_whatsapp/signup/start": signupStartSchema,
    "/cusoft_whatsapp/signup/complete": onboardingSchema,
    "/cusoft_whatsapp/signup/step": onboardingSchema,
    "/cusoft_whatsapp/signup/abandon": okSchema,
    "/cusoft_whatsapp/chat/conversations": conversationPageSchema,
    "/cusoft_whatsapp/chat/messages": messagePageSchema,
    "/cusoft_whatsapp/chat/mark_read": readStateSchema,
    "/cusoft_whatsapp/chat/send": sentSchema,
    "/cusoft_whatsapp/chat/retry": sentSchema,
    "/cusoft_whatsapp/chat/typing": typingSchema,
    "/cusoft_whatsapp/chat/assign": assignedSchema,
    "/cusoft_whatsapp/chat/colleagues": colleaguesSchema,
    "/cusoft_whatsapp/chat/create_contact": contactCreatedSchema,
    "/cusoft_whatsapp/chat/counters": countersSchema,
    "/cusoft_whatsapp/chat/templates": templateListSchema,
    // The CRM bridge (cusoft_whatsapp_crm): present only when crm is installed.
    "/cusoft_whatsapp/crm/create_lead": leadCreatedSchema,
    "/cusoft_whatsapp/crm/lead_conversations": conversationPageSchema,
    // Multipart HTTP rather than JSON-RPC (ChatApi.uploadFile), but its JSON answer has a contract too.
    "/cusoft_whatsapp/chat/attachment": uploadAnswerSchema,
} as const;

export type Route = keyof typeof ROUTES;
export type Answer<R extends Route> = z.output<(typeof ROUTES)[R]>;
