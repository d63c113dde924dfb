from . import chat, main, signup, webhook
