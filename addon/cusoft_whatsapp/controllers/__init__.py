from . import main, signup, webhook
