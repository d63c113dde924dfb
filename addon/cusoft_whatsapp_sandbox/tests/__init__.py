from . import test_demo, test_install_refusal, test_sandbox_flow, test_sandbox_ui, test_translations
