"""One delivery → one delivery per owner, each holding only its owner's changes.

Meta batches changes of several numbers into one POST when they share an app. When those numbers belong
to different companies, each company must see only its own part of the body (it holds message text), so
the delivery is cut along `entry[].changes[]`: each part keeps Meta's envelope and the entry's id and time.
"""

__all__ = ["change_routing_keys", "split_delivery"]


def change_routing_keys(entry, change):
    """(phone_number_id, waba_id) of one change: a `messages` change names its number, the others the WABA."""
    waba_id = str(entry.get("id")) if entry.get("id") is not None else None
    value = change.get("value") if isinstance(change.get("value"), dict) else {}
    metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
    phone_number_id = metadata.get("phone_number_id")
    return (str(phone_number_id) if phone_number_id is not None else None), waba_id


def split_delivery(payload, owners_of):
    """{owner: payload part}. `owners_of(entry, change)` gives the owners of a change (an iterable; empty
    means unknown, filed under the owner None). A change with several owners is copied into each part."""
    parts = {}
    for entry in payload.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        for change in entry.get("changes") or []:
            if not isinstance(change, dict):
                continue
            for owner in set(owners_of(entry, change)) or {None}:
                entries = parts.setdefault(owner, {})
                key = id(entry)
                if key not in entries:
                    entries[key] = {**{k: v for k, v in entry.items() if k != "changes"}, "changes": []}
                entries[key]["changes"].append(change)
    return {
        owner: {**{k: v for k, v in payload.items() if k != "entry"}, "entry": list(entries.values())}
        for owner, entries in parts.items()
    }
