import * as z from "zod/mini";

// Twins of serializers/chat.py `uploaded` and `upload_refused`: the multipart upload's JSON answers.

/** The file stored on the conversation, ready to be sent by its id; `kind` is how Meta will carry it. */
export const uploadedSchema = z.strictObject({
    id: z.number(),
    name: z.string(),
    mime_type: z.string(),
    size: z.number(),
    kind: z.enum(["image", "video", "audio", "document", "sticker"]),
});

/** A type or size Meta refuses (HTTP 400), in the user's language. */
export const uploadRefusedSchema = z.strictObject({ error: z.string() });

/** Answer of `POST /cusoft_whatsapp/chat/attachment`: the file, or why it was refused. */
export const uploadAnswerSchema = z.union([uploadedSchema, uploadRefusedSchema]);

export type UploadedFile = z.infer<typeof uploadedSchema>;
