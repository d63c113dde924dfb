import subprocess
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class TestErrorGuide(unittest.TestCase):
    """The administrator's guide explains Meta's errors with the words the number's card uses."""

    def test_the_guides_error_tables_are_generated_from_the_error_table(self):
        result = subprocess.run([sys.executable, str(REPO / "scripts" / "error-guide.py"), "--check"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_every_code_of_the_error_table_is_in_both_guides(self):
        sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))
        from graph.error_table import ERROR_TABLE

        for name in ("USAGE.md", "USAGE.es.md"):
            text = (REPO / "addon" / "cusoft_whatsapp" / "readme" / name).read_text(encoding="utf-8")
            missing = [code for code in ERROR_TABLE if not 200 < code < 300 and f"| {code} |" not in text and f"| {code}–" not in text]
            self.assertFalse(missing, f"{name} lacks {missing}")
