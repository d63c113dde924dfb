from . import models
from .hooks import _configure_sandbox, _refuse_real_numbers
