from . import test_install
from . import test_chat_crm
from . import test_ui_crm
from . import test_lead_sender
