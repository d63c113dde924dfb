import * as z from "zod/mini";

// Answers of the CRM bridge (addon/cusoft_whatsapp_crm/controllers/crm.py), twins of its serializers.

/** Answer of `/cusoft_whatsapp/crm/create_lead`: the lead to open. */
export const leadCreatedSchema = z.strictObject({ lead_id: z.number(), name: z.string() });

export type LeadCreated = z.infer<typeof leadCreatedSchema>;
