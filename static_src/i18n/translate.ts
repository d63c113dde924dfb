/**
 * The components' `_t`. It stays a plain function (no `@web` import) so components run outside
 * Odoo; the Odoo adapter plugs Odoo's translator in at start-up. Call it on string literals only:
 * Odoo extracts terms by scanning the bundle for `_t("...")`.
 */
export type Translator = (source: string) => string;

let translator: Translator = (source) => source;

export function setTranslator(next: Translator): void {
    translator = next;
}

/** Translates `source`, then fills each `%s` with the next value, as Odoo's own `_t` does. */
export function _t(source: string, ...values: (string | number)[]): string {
    let index = 0;
    return translator(source).replace(/%s/g, () => String(values[index++] ?? ""));
}
