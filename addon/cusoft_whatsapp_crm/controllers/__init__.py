from . import crm
