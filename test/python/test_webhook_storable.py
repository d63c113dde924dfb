import json
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

from webhook import parse_delivery, storable  # noqa: E402
from webhook.text import REPLACEMENT  # noqa: E402


def delivery(body, name="Ana"):
    return {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "1", "phone_number_id": "2"},
        "contacts": [{"wa_id": "15550009876", "profile": {"name": name}}],
        "messages": [{"id": "wamid.X", "from": "15550009876", "timestamp": "1793000000", "type": "text",
                      "text": {"body": body}}]}}]}]}


class StorableTextTest(unittest.TestCase):
    def test_nul_and_lone_surrogates_become_the_replacement_character_and_the_rest_stays(self):
        raw = '{"a": "x\\u0000y", "b": ["\\ud800z", 3, null, true], "c\\u0000": {"d": "caf\\u00e9 \\ud83d\\ude00"}}'
        cleaned = storable(json.loads(raw))
        self.assertEqual(cleaned["a"], f"x{REPLACEMENT}y")
        self.assertEqual(cleaned["b"], [f"{REPLACEMENT}z", 3, None, True])
        self.assertEqual(cleaned[f"c{REPLACEMENT}"]["d"], "café 😀", "valid pairs are kept")
        # What PostgreSQL needs: encodable as UTF-8, no NUL.
        text = json.dumps(cleaned, ensure_ascii=False)
        text.encode("utf-8")
        self.assertNotIn("\x00", text)

    def test_a_message_with_a_nul_still_parses_with_its_words(self):
        parsed = parse_delivery(storable(json.loads(json.dumps(delivery("stop\u0000 please", name="Ana\u0000")))))
        self.assertEqual(parsed.messages[0].body, f"stop{REPLACEMENT} please")
        self.assertEqual(parsed.messages[0].profile_name, f"Ana{REPLACEMENT}")

    def test_clean_text_is_returned_unchanged(self):
        payload = delivery("hola")
        self.assertEqual(storable(payload), payload)


if __name__ == "__main__":
    unittest.main()
