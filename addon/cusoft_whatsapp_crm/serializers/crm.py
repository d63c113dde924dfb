"""Answers of the CRM bridge's routes; twins of the zod schemas in static_src/api/schemas/crm.ts."""


def lead_created(lead):
    return {"lead_id": lead.id, "name": lead.name}
