import { _t as odooTranslate } from "@web/core/l10n/translation";
import { setTranslator } from "../i18n/translate";

/** Components translate through Odoo's loaded terms (the user's language). */
export function installOdooTranslator(): void {
    setTranslator((term) => String(odooTranslate(term)));
}
