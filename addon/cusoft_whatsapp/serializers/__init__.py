"""One function per JSON payload the browser receives, and nothing else builds one.

Each has a zod twin in static_src/api/schemas/ and a real answer of its route in test/contract/
(written and compared by tests/test_contract.py, parsed by the browser tier): a field renamed on
one side fails a test on the other.
"""

from .account_action import account_action_result
from .account_card import account_card
from . import chat  # the chat's payloads (docs/chat-api.md), one function each
from . import chat_templates  # the template picker's payload
from .ok import ok
from .onboarding import onboarding
from .overview import overview
from .setup_checklist import setup_checklist
from .signup_start import signup_start

__all__ = ["account_action_result", "account_card", "chat", "chat_templates", "ok", "onboarding", "overview", "setup_checklist",
           "signup_start"]
