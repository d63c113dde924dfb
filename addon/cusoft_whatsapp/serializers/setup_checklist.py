def setup_checklist(checklist):
    """`/cusoft_whatsapp/setup/checklist` (schema: static_src/api/schemas/setup.ts): the company's
    setup steps as `cusoft.whatsapp.setup._checklist()` computed them, in order. Administrators only:
    a step may quote the verify token, which they paste into Meta's dashboard."""
    return {
        "status": checklist["status"],
        "steps": [
            {
                "key": step["key"],
                "title": step["title"],
                "done": step["done"],
                "detail": step["detail"],
                "values": [{"label": value["label"], "value": value["value"]} for value in step["values"]],
            }
            for step in checklist["steps"]
        ],
    }
