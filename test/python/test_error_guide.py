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


# Spelled in two pieces so that this file does not match itself.
OUTSIDE = (".." + "/shared", "/work" + "/shared")


class TestSelfContained(unittest.TestCase):
    """A clone without the team's shared folder works: nothing committed points outside the repository."""

    def test_no_tracked_file_refers_to_the_shared_folder(self):
        files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
        offenders = []
        for name in files:
            path = REPO / name
            if path.suffix in {".png", ".jpg", ".ico"} or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            if any(marker in text for marker in OUTSIDE):
                offenders.append(name)
        self.assertFalse(offenders, f"these files refer to ../shared: {offenders}")
