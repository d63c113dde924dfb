"""Meta's own error titles, as its Graph API puts them in `error.message` ("(#code) title").

The fake server's copy, taken from Meta's error-code reference and the error payloads of
the project's Meta contract (docs/meta-contract.md §1.4) and test/fixtures/meta/graph_error_*.json. It is deliberately not derived from the
addon's graph/error_table.py: a test must not agree with the code only because both read one table.
"""

TITLES = {
    0: "AuthException",
    1: "An unknown error occurred",
    2: "Service temporarily unavailable",
    3: "Capability or permissions issue",
    4: "Application request limit reached",
    10: "Permission denied",
    33: "Parameter value is not valid",
    100: "Invalid parameter",
    190: "Access token has expired",
    200: "Permission error",
    368: "Temporarily blocked for policies violations",
    80007: "Rate limit issues",
    130429: "Rate limit hit",
    130472: "User's number is part of an experiment",
    130497: "Business account is restricted from messaging users in this country",
    131000: "Something went wrong",
    131005: "Access denied",
    131008: "Required parameter is missing",
    131009: "Parameter value is not valid",
    131016: "Service unavailable",
    131021: "Recipient cannot be sender",
    131026: "Message Undeliverable",
    131031: "Business Account locked",
    131037: "WhatsApp provided number needs display name approval before message can be sent",
    131042: "Business eligibility payment issue",
    131045: "Incorrect certificate",
    131047: "Re-engagement message",
    131048: "Spam rate limit hit",
    131049: "This message was not delivered to maintain healthy ecosystem engagement",
    131050: "Unable to deliver the marketing message",
    131051: "Unsupported message type",
    131052: "Media download error",
    131053: "Media upload error",
    131056: "(Business Account, Consumer Account) pair rate limit hit",
    131057: "Account in maintenance mode",
    132000: "Number of parameters does not match the expected number of params",
    132001: "Template name does not exist in the translation",
    133000: "Incomplete deregistration",
    133004: "Server temporarily unavailable",
    133005: "Two step verification PIN Mismatch",
    133006: "Phone number re-verification needed",
    133010: "Phone number Not Registered",
    133015: "Please wait a few minutes before attempting to register this phone number",
    133016: "Account register deregister rate limit exceeded",
    135000: "Generic user error",
}


def message(code):
    """`error.message` as Meta writes it for `code`."""
    return f"(#{code}) {TITLES.get(code, 'Unknown error')}"
