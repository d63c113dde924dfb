from . import test_account, test_controllers, test_secrets_access, test_signup, test_ui, test_webhook
