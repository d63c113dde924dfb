import * as z from "zod/mini";

// The template picker's answer (docs/chat-api.md, `/cusoft_whatsapp/chat/templates`), twin of
// addon/cusoft_whatsapp/serializers/chat_templates.py.

/** A variable to fill; `key` says where its value goes: `header.<name>`, `body.<name>`, `button.<index>.<name>`. */
export const templateVariableSchema = z.strictObject({
    key: z.string(),
    name: z.string(),
    example: z.nullable(z.string()),
});

export const templateHeaderFormatSchema = z.enum(["text", "image", "video", "document", "location", "other"]);
export const templateButtonTypeSchema = z.enum([
    "quick_reply",
    "url",
    "phone",
    "copy_code",
    "flow",
    "otp",
    "voice_call",
    "other",
]);

export const templateSchema = z.strictObject({
    id: z.number(),
    name: z.string(),
    language: z.string(),
    category: z.nullable(z.enum(["MARKETING", "UTILITY", "AUTHENTICATION"])),
    quality: z.nullable(z.enum(["GREEN", "YELLOW", "RED", "UNKNOWN"])),
    parameter_format: z.enum(["named", "positional"]),
    header: z.nullable(
        z.strictObject({
            format: templateHeaderFormatSchema,
            text: z.nullable(z.string()),
            variables: z.array(templateVariableSchema),
        })
    ),
    body: z.strictObject({ text: z.string(), variables: z.array(templateVariableSchema) }),
    footer: z.nullable(z.string()),
    buttons: z.array(
        z.strictObject({
            index: z.number(),
            type: templateButtonTypeSchema,
            text: z.string(),
            url: z.nullable(z.string()),
            phone: z.nullable(z.string()),
            variables: z.array(templateVariableSchema),
        })
    ),
});

/** Answer of `/cusoft_whatsapp/chat/templates`: the approved templates of the conversation's number. */
export const templateListSchema = z.strictObject({
    conversation_id: z.number(),
    window_open: z.boolean(),
    /** Values for variables that mean the customer's name, by variable name. */
    prefill: z.record(z.string(), z.string()),
    templates: z.array(templateSchema),
});

export type TemplateVariable = z.infer<typeof templateVariableSchema>;
export type WhatsAppTemplate = z.infer<typeof templateSchema>;
export type TemplateList = z.infer<typeof templateListSchema>;
export type TemplateHeaderFormat = z.infer<typeof templateHeaderFormatSchema>;
