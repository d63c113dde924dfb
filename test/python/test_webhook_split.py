import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "addon" / "cusoft_whatsapp"))

from webhook import change_routing_keys, split_delivery  # noqa: E402


def messages_change(phone_number_id, wamid):
    return {"field": "messages", "value": {"metadata": {"phone_number_id": phone_number_id},
                                           "messages": [{"id": wamid}]}}


PAYLOAD = {"object": "whatsapp_business_account", "entry": [
    {"id": "WABA1", "time": 1793000000, "changes": [messages_change("PA", "wamid.A"), messages_change("PC", "wamid.C")]},
    {"id": "WABA2", "changes": [{"field": "message_template_status_update", "value": {"event": "APPROVED"}},
                                messages_change("PX", "wamid.X")]},
]}
OWNERS = {("PA", "WABA1"): {"A"}, ("PC", "WABA1"): {"C"}, (None, "WABA2"): {"A", "C"}}


def owners_of(entry, change):
    return OWNERS.get(change_routing_keys(entry, change), set())


def wamids(part):
    return sorted(c["value"]["messages"][0]["id"] for e in part["entry"] for c in e["changes"] if c["field"] == "messages")


class SplitDeliveryTest(unittest.TestCase):
    def test_each_owner_gets_only_its_changes_in_metas_envelope(self):
        parts = split_delivery(PAYLOAD, owners_of)
        self.assertEqual(set(parts), {"A", "C", None})
        self.assertEqual(wamids(parts["A"]), ["wamid.A"])
        self.assertEqual(wamids(parts["C"]), ["wamid.C"])
        self.assertEqual(wamids(parts[None]), ["wamid.X"], "unknown numbers are kept apart, not dropped")
        for part in parts.values():
            self.assertEqual(part["object"], "whatsapp_business_account")
        self.assertEqual(parts["A"]["entry"][0]["time"], 1793000000, "the entry's time is kept")

    def test_a_change_of_a_waba_shared_by_two_owners_goes_to_both(self):
        parts = split_delivery(PAYLOAD, owners_of)
        for owner in ("A", "C"):
            fields = [c["field"] for e in parts[owner]["entry"] for c in e["changes"]]
            self.assertIn("message_template_status_update", fields)

    def test_nothing_is_lost_or_invented(self):
        parts = split_delivery(PAYLOAD, owners_of)
        everything = sorted(w for part in parts.values() for w in wamids(part))
        self.assertEqual(everything, ["wamid.A", "wamid.C", "wamid.X"])

    def test_routing_keys_of_both_kinds_of_change(self):
        entry = PAYLOAD["entry"][1]
        self.assertEqual(change_routing_keys(entry, entry["changes"][0]), (None, "WABA2"))
        self.assertEqual(change_routing_keys(entry, entry["changes"][1]), ("PX", "WABA2"))
        self.assertEqual(change_routing_keys({"id": 5}, {"value": "junk"}), (None, "5"))


if __name__ == "__main__":
    unittest.main()
