#!/usr/bin/env python3
"""Writes the table of Meta's errors in the administrator's guide from the addon's own error table
(addon/cusoft_whatsapp/graph/error_table.py), in English and Spanish, so that the guide says what
the number's card says. `--check` only tells whether the guide is up to date (the Python tier runs it).

    python3 scripts/error-guide.py [--check]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "addon" / "cusoft_whatsapp"))

from graph.error_table import ERROR_TABLE, NEEDS_TEMPLATE, PERMANENT, REAUTHORIZE, RETRYABLE  # noqa: E402

README = ROOT / "addon" / "cusoft_whatsapp" / "readme"
GUIDES = {"en": README / "USAGE.md", "es": README / "USAGE.es.md"}
START, END = "<!-- error-table:start (scripts/error-guide.py) -->", "<!-- error-table:end -->"
HEADERS = {
    "en": ("Code", "What it means", "What to do", "Odoo's reaction"),
    "es": ("Código", "Qué significa", "Qué hacer", "Qué hace Odoo"),
}
REACTIONS = {
    "en": {RETRYABLE: "Retries by itself", REAUTHORIZE: "Pauses the number until it is reconnected",
           NEEDS_TEMPLATE: "Asks for a template", PERMANENT: "Stops: needs a person"},
    "es": {RETRYABLE: "Reintenta sola", REAUTHORIZE: "Pausa el número hasta reconectarlo",
           NEEDS_TEMPLATE: "Pide una plantilla", PERMANENT: "Se detiene: requiere una persona"},
}


def _groups():
    """(first code, last code, info): consecutive codes sharing one entry (200–299) become one row."""
    rows = []
    for code in sorted(ERROR_TABLE):
        info = ERROR_TABLE[code]
        if rows and rows[-1][2] is info and rows[-1][1] == code - 1:
            rows[-1] = (rows[-1][0], code, info)
        else:
            rows.append((code, code, info))
    return rows


def table(lang):
    def cell(text):
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(HEADERS[lang]) + " |", "|---|---|---|---|"]
    for first, last, info in _groups():
        code = str(first) if first == last else f"{first}–{last}"
        explanation, fix = info.texts(lang)
        lines.append(f"| {code} | {cell(explanation)} | {cell(fix)} | {REACTIONS[lang][info.category]} |")
    return "\n".join(lines)


def render(text, lang):
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{table(lang)}\n{END}{after}"


def main(check):
    stale = []
    for lang, path in GUIDES.items():
        text = path.read_text(encoding="utf-8")
        fresh = render(text, lang)
        if fresh != text:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                path.write_text(fresh, encoding="utf-8")
    if check and stale:
        print(f"stale error table in {', '.join(stale)}: run python3 scripts/error-guide.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
