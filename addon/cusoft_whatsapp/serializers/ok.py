def ok():
    """`/cusoft_whatsapp/signup/abandon` (schema: okSchema in static_src/api/client.ts)."""
    return {"ok": True}
