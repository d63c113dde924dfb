import * as z from "zod/mini";

/** Answer of the routes that only acknowledge (`/cusoft_whatsapp/signup/abandon`). */
export const okSchema = z.strictObject({ ok: z.literal(true) });
