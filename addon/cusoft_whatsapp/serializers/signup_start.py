def signup_start(*, state, company, account, graph_version, sdk_url, fallback_url):
    """`/cusoft_whatsapp/signup/start` (schema: signupStartSchema in static_src/api/schemas/signup.ts):
    what the browser needs to open Meta's popup."""
    return {
        "state": state,
        "app_id": company.cusoft_whatsapp_app_id,
        "config_id": company.cusoft_whatsapp_config_id,
        "graph_version": graph_version,
        "sdk_url": sdk_url,
        # Embedded Signup v4: the products come from the configuration; extras stay empty.
        "extras": {"setup": {}},
        "fallback_url": fallback_url,
        "account_id": account.id or None,
    }
