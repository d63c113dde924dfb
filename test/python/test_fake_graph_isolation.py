"""The fake Graph server is a test double: production code must not reach it, and it must not
borrow the production code's knowledge of Meta (a test would then agree with the code by design)."""

import ast
import unittest
from pathlib import Path

ADDON = Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"
FAKE = ADDON / "tests" / "fake_graph"


def imported_modules(path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (("", alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level, node.module or ""


class FakeGraphIsolationTest(unittest.TestCase):
    def test_no_production_module_imports_the_fake(self):
        production = [p for p in ADDON.rglob("*.py") if "tests" not in p.relative_to(ADDON).parts]
        self.assertGreater(len(production), 20)
        offenders = [
            f"{path.relative_to(ADDON)}: {dots}{module}"
            for path in production
            for dots, module in imported_modules(path)
            if "fake" in module or module.startswith("tests") or ".tests" in module
        ]
        self.assertEqual(offenders, [])

    def test_the_fake_imports_nothing_from_the_addon(self):
        files = sorted(FAKE.glob("*.py"))
        self.assertGreaterEqual(len(files), 5)
        outside = [
            f"{path.name}: {dots}{module}"
            for path in files
            for dots, module in imported_modules(path)
            if len(dots) > 1 or module.split(".")[0] in {"graph", "odoo", "crypto", "webhook"}
        ]
        self.assertEqual(outside, [])
