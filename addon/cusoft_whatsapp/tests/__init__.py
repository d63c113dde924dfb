from . import test_account, test_controllers, test_secrets_access, test_signup, test_ui, test_inbox_ui, test_webhook
from . import test_ingestion, test_webhook_companies
from . import test_company_rules, test_isolation, test_media_safety, test_signup_isolation
from . import test_contract, test_key
from . import test_chat_attention, test_chat_routes, test_send, test_templates, test_template_sender, test_template_builder
from . import test_audit, test_data_requests, test_doctor, test_no_profiling, test_opt_out, test_privacy_ui, test_retention
from . import test_ui_everywhere, test_ui_systray, test_ui_templates, test_ui_template_admin
from . import test_setup_checklist, test_translations
