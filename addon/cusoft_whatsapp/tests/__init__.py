from . import test_account, test_secrets_access, test_ui
