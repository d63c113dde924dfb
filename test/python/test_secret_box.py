import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "addon" / "cusoft_whatsapp"))

from crypto import MissingKeyError, SecretBox, SecretBoxError, box_for  # noqa: E402

KEY = "a-test-key-that-is-long-enough"


class SecretBoxTest(unittest.TestCase):
    def test_round_trip_and_ciphertext_hides_the_secret(self):
        box = SecretBox(KEY)
        cipher = box.encrypt("EAAG-secret-token")
        self.assertNotIn("EAAG-secret-token", cipher)
        self.assertEqual(SecretBox(KEY).decrypt(cipher), "EAAG-secret-token")

    def test_same_secret_encrypts_differently_each_time(self):
        box = SecretBox(KEY)
        self.assertNotEqual(box.encrypt("x"), box.encrypt("x"))

    def test_missing_or_short_key_explains_how_to_configure_it(self):
        for key in (None, "", "short"):
            with self.assertRaises(MissingKeyError) as caught:
                SecretBox(key)
            self.assertIn("cusoft_whatsapp_key", str(caught.exception))
            self.assertIn("CUSOFT_WHATSAPP_KEY", str(caught.exception))

    def test_wrong_key_gives_a_clear_error_not_garbage(self):
        cipher = SecretBox(KEY).encrypt("token")
        with self.assertRaises(SecretBoxError) as caught:
            SecretBox("another-key-also-long-enough").decrypt(cipher)
        self.assertIn("changed", str(caught.exception))

    def test_the_shared_box_of_a_passphrase_reads_what_any_box_of_it_wrote(self):
        cipher = SecretBox(KEY).encrypt("token")
        self.assertEqual(box_for(KEY).decrypt(cipher), "token")
        with self.assertRaises(SecretBoxError):
            box_for("another-key-also-long-enough").decrypt(cipher)
        with self.assertRaises(MissingKeyError):
            box_for("short")

    def test_repr_never_shows_the_key(self):
        self.assertNotIn(KEY, repr(SecretBox(KEY)))


if __name__ == "__main__":
    unittest.main()
