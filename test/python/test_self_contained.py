import subprocess
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

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
        self.assertFalse(offenders, f"these files refer to the shared folder beside the repository: {offenders}")
