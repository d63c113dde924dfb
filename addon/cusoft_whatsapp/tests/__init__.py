from . import test_account, test_controllers, test_secrets_access, test_ui
