import os
import stat
import sys
import tempfile
import threading
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"))

from crypto import (  # noqa: E402
    CONFIG,
    ENVIRONMENT,
    FILE,
    KEY_ENV,
    InvalidKeyError,
    read_or_create_key_file,
    replace_key_file,
    resolve,
)

EXPLICIT = "an-explicit-key-long-enough-1234"


class KeySourceTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.data_dir = self.dir.name

    def test_explicit_keys_win_in_order_option_then_environment(self):
        self.assertEqual(resolve(EXPLICIT, {KEY_ENV: "x" * 20}, self.data_dir).kind, CONFIG)
        source = resolve(None, {KEY_ENV: EXPLICIT}, self.data_dir)
        self.assertEqual((source.kind, source.passphrase), (ENVIRONMENT, EXPLICIT))
        self.assertEqual(os.listdir(self.data_dir), [], "no file is written when a key is configured")

    def test_without_a_key_a_private_file_is_generated_once(self):
        first = resolve(None, {}, self.data_dir)
        self.assertEqual(first.kind, FILE)
        self.assertEqual(stat.S_IMODE(os.stat(first.path).st_mode), 0o600)
        self.assertGreaterEqual(len(first.passphrase), 32)
        self.assertEqual(resolve(None, {KEY_ENV: ""}, self.data_dir).passphrase, first.passphrase)
        self.assertNotIn(first.passphrase, repr(first))
        self.assertEqual([name for name in os.listdir(self.data_dir)], ["cusoft_whatsapp.key"], "no temporary left")

    def test_workers_starting_together_agree_on_one_key(self):
        path = os.path.join(self.data_dir, "sub", "cusoft_whatsapp.key")
        keys, barrier = [], threading.Barrier(8)

        def worker():
            barrier.wait()
            keys.append(read_or_create_key_file(path))

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(len(keys), 8)
        self.assertEqual(len(set(keys)), 1)

    def test_placeholders_and_short_keys_are_refused_with_the_reason(self):
        for value in ("change-me-to-a-long-random-value", "CHANGEME-please-0123456789", "<random value>"):
            with self.assertRaises(InvalidKeyError) as caught:
                resolve(value, {}, self.data_dir)
            self.assertEqual(caught.exception.reason, "placeholder")
            self.assertIn("cusoft_whatsapp_key", str(caught.exception))
        with self.assertRaises(InvalidKeyError) as caught:
            resolve(None, {KEY_ENV: "fifteen-chars!!"}, self.data_dir)
        self.assertEqual((caught.exception.reason, caught.exception.kind), ("short", ENVIRONMENT))
        self.assertIn("shorter than 16", str(caught.exception))

    def test_an_unusable_data_directory_is_explained(self):
        not_a_directory = os.path.join(self.data_dir, "a-file")
        Path(not_a_directory).write_text("")
        with self.assertRaises(InvalidKeyError) as caught:
            resolve(None, {}, not_a_directory)
        self.assertEqual(caught.exception.reason, "unreadable")
        self.assertIn("cannot be read or created", str(caught.exception))

    def test_replacing_the_key_file_keeps_it_private(self):
        path = resolve(None, {}, self.data_dir).path
        replace_key_file(path, EXPLICIT)
        self.assertEqual(resolve(None, {}, self.data_dir).passphrase, EXPLICIT)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
