from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

I18N = Path(__file__).resolve().parents[1] / "i18n"
MODULE = "cusoft_whatsapp_sandbox"


@tagged("post_install", "-at_install")
class TestSandboxTranslations(TransactionCase):
    """Every string the sandbox shows is in its .pot, and translated in Spanish."""

    def test_every_term_is_in_the_pot_and_in_spanish(self):
        terms = {source for module, _type, _name, _res_id, source, _value, _comments
                 in TranslationModuleReader(self.env.cr, modules=[MODULE]) if module == MODULE}
        pot = {entry.msgid for entry in polib.pofile(str(I18N / f"{MODULE}.pot")) if not entry.obsolete}
        missing = sorted(terms - pot)
        self.assertFalse(missing, f"{len(missing)} strings are missing from the .pot (re-export it): {missing[:10]}")
        spanish = {entry.msgid: entry.msgstr for entry in polib.pofile(str(I18N / "es.po")) if not entry.obsolete}
        untranslated = sorted(term for term in terms if not spanish.get(term))
        self.assertFalse(untranslated, f"{len(untranslated)} strings have no Spanish: {untranslated[:10]}")
