from ..models.cusoft_whatsapp_onboarding import STEPS


def onboarding(record):
    """`/cusoft_whatsapp/signup/complete` and `/signup/step` (schema: onboardingSchema in
    static_src/api/schemas/signup.ts). The PIN generated at registration goes out once: building
    this answer consumes it."""
    record.ensure_one()
    _ = record.env._
    labels = dict(STEPS)
    pin = record._take_pin_to_show()
    failed = record.step_ids.filtered(lambda s: s.status == "failed")[:1]
    return {
        "onboarding_id": record.id,
        "status": "running" if record.status in ("started", "running") else ("done" if record.status == "done" else "failed"),
        "steps": [
            {"key": step.key, "label": _(labels[step.key]), "status": step.status, "message": step.message or None}
            for step in record.step_ids.sorted("sequence")
        ],
        "account_id": record.account_id.id or None,
        "display_phone_number": record.account_id.display_phone_number or None,
        "error": {"title": failed.error_title, "explanation": failed.error_explanation or "", "fix": failed.error_fix or ""}
        if failed else None,
        "pin": pin,
    }
