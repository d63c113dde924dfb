from . import crm_lead, cusoft_whatsapp_conversation
