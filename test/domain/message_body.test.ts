import { linkify } from "../../static_src/domain/linkify";
import { messageFamily, readContacts, readLocation, readOrder } from "../../static_src/domain/message_body";

QUnit.module("domain > message bodies");

QUnit.test("every type the webhook stores has a family; unknown ones are unsupported", (assert) => {
    const families = ["text", "image", "sticker", "video", "audio", "document", "location", "contacts", "interactive", "button", "order", "system", "request_welcome", "unsupported", "unknown", "poll"].map(messageFamily);
    assert.deepEqual(families, ["text", "image", "sticker", "video", "audio", "document", "location", "contacts", "reply", "reply", "order", "notice", "notice", "unsupported", "unsupported", "unsupported"]);
});

QUnit.test("locations: named places, bare pins and Meta's own link", (assert) => {
    assert.deepEqual(readLocation("Cafe, Main St 1 (19.4326, -99.1332)\nhttps://maps.example/x"), {
        label: "Cafe, Main St 1",
        latitude: 19.4326,
        longitude: -99.1332,
        url: "https://maps.example/x",
        mapUrl: "https://www.openstreetmap.org/?mlat=19.4326&mlon=-99.1332#map=16/19.4326/-99.1332",
    });
    assert.strictEqual(readLocation("Location (1, 2)").label, null, "a bare pin has no name");
    assert.deepEqual(readLocation("Somewhere odd"), { label: "Somewhere odd", latitude: null, longitude: null, url: null, mapUrl: null });
});

QUnit.test("shared contacts: names and numbers, a card without a name, text that is not a card", (assert) => {
    assert.deepEqual(readContacts("Contact: Ana María Pérez +34 600 111 222, 15550001111\nContact: (no name) +1 555 0100\nContact: Bob"), [
        { name: "Ana María Pérez", numbers: ["+34 600 111 222", "15550001111"] },
        { name: "", numbers: ["+1 555 0100"] },
        { name: "Bob", numbers: [] },
    ]);
    assert.deepEqual(readContacts("Contact"), []);
});

QUnit.test("orders: item lines and the note", (assert) => {
    assert.deepEqual(readOrder("Order (1 item)\n3 x SKU at 2.5 USD\nBlue ones please"), { items: ["3 x SKU at 2.5 USD"], note: "Blue ones please" });
    assert.deepEqual(readOrder("Order (0 items)"), { items: [], note: null });
});

QUnit.test("links: http(s) and www addresses, sentence punctuation left out, nothing else", (assert) => {
    assert.deepEqual(linkify("Go to https://a.com/x?y=1, then www.b.org."), [
        { kind: "text", text: "Go to " },
        { kind: "link", text: "https://a.com/x?y=1", href: "https://a.com/x?y=1" },
        { kind: "text", text: ", then " },
        { kind: "link", text: "www.b.org", href: "https://www.b.org" },
        { kind: "text", text: "." },
    ]);
    assert.deepEqual(linkify("javascript:alert(1) ftp://x www. https://"), [{ kind: "text", text: "javascript:alert(1) ftp://x www. https://" }]);
    assert.deepEqual(linkify("(see https://en.wikipedia.org/wiki/Foo_(bar))").map((p) => p.text), ["(see ", "https://en.wikipedia.org/wiki/Foo_(bar)", ")"]);
});
