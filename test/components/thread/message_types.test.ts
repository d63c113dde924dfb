import { text } from "../../helpers";
import { FakeInboxStore, chatMessage, conversation } from "./fake_inbox_store";
import { NOW, bubble, mountThread } from "./thread_helpers";

QUnit.module("components > thread > every message type");

// A real 1×1 GIF: the page has no server behind /cusoft_whatsapp/chat/media/, and a 404 would
// count as a console error.
const FILE_URL = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

const OPEN = { window_expires_at: NOW.plus({ hours: 5 }).toUTC().toSQL({ includeOffset: false }) };

function media(changes: Record<string, unknown>) {
    return { state: "done", mime_type: "image/jpeg", filename: null, voice: false, caption: null, url: FILE_URL, error: null, ...changes };
}

async function mountWith(...changes: Record<string, unknown>[]) {
    const store = new FakeInboxStore();
    store.seed(conversation(OPEN), changes.map((c, i) => chatMessage({ id: i + 1, ...c })));
    return { store, ...(await mountThread(store)) };
}

QUnit.test("text: links are clickable, the rest stays text even when it looks like HTML", async (assert) => {
    const { fixture } = await mountWith({ body: "<b>hi</b> see https://example.com/a?b=1. or www.odoo.com" });
    const links = [...bubble(fixture, 1).querySelectorAll<HTMLAnchorElement>(".o_cusoft_whatsapp_text a")];
    assert.deepEqual(links.map((a) => a.getAttribute("href")), ["https://example.com/a?b=1", "https://www.odoo.com"]);
    assert.strictEqual(links[0]!.rel, "noopener noreferrer nofollow");
    assert.strictEqual(bubble(fixture, 1).querySelector("b"), null, "customer HTML is never markup");
    assert.ok(text(bubble(fixture, 1), ".o_cusoft_whatsapp_text").startsWith("<b>hi</b> see"));
});

QUnit.test("image: a thumbnail that opens the viewer; its caption below", async (assert) => {
    const { fixture, observed } = await mountWith({ type: "image", body: "Our shop", media: media({ caption: null }) });
    const img = bubble(fixture, 1).querySelector<HTMLImageElement>(".o_cusoft_whatsapp_thumbnail img")!;
    assert.strictEqual(img.getAttribute("src"), FILE_URL);
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_media .o_cusoft_whatsapp_text"), "Our shop");
    bubble(fixture, 1).querySelector<HTMLElement>(".o_cusoft_whatsapp_thumbnail")!.click();
    assert.deepEqual(observed.opened.map((f) => [f.url, f.mimeType]), [[FILE_URL, "image/jpeg"]]);
});

QUnit.test("media still downloading, and media whose download failed, say so", async (assert) => {
    const { fixture } = await mountWith(
        { type: "image", body: "Photo", media: media({ state: "pending", url: null }) },
        { type: "video", body: "Video", media: media({ state: "error", url: null, error: "Larger than 100 MB" }) }
    );
    assert.ok(text(bubble(fixture, 1), ".o_cusoft_whatsapp_media_pending").includes("Downloading the file"));
    assert.notOk(bubble(fixture, 1).querySelector(".o_cusoft_whatsapp_text"), "no placeholder caption");
    assert.ok(text(bubble(fixture, 2), ".o_cusoft_whatsapp_media_failed").includes("could not be downloaded"));
    assert.ok(text(bubble(fixture, 2), ".o_cusoft_whatsapp_media_failed").includes("Larger than 100 MB"));
});

QUnit.test("sticker, video, audio, voice note and document", async (assert) => {
    const { fixture } = await mountWith(
        { type: "sticker", body: "Sticker", media: media({ mime_type: "image/webp" }) },
        { type: "video", body: "Video", media: media({ mime_type: "video/mp4" }) },
        { type: "audio", body: "Audio", media: media({ mime_type: "audio/mpeg" }) },
        { type: "audio", body: "Voice message", media: media({ mime_type: "audio/ogg", voice: true }) },
        { type: "document", body: "invoice.pdf", media: media({ mime_type: "application/pdf", filename: "invoice.pdf" }) }
    );
    assert.ok(bubble(fixture, 1).querySelector("img.o_cusoft_whatsapp_sticker"));
    assert.strictEqual(bubble(fixture, 2).querySelector("video")!.getAttribute("src"), FILE_URL);
    assert.ok(bubble(fixture, 3).querySelector("audio[controls]"));
    assert.ok(text(bubble(fixture, 3), ".o_cusoft_whatsapp_audio").startsWith("Audio"));
    assert.ok(text(bubble(fixture, 4), ".o_cusoft_whatsapp_audio").startsWith("Voice message"));
    assert.strictEqual(text(bubble(fixture, 5), ".o_cusoft_whatsapp_filename"), "invoice.pdf");
    const download = bubble(fixture, 5).querySelector<HTMLAnchorElement>(".o_cusoft_whatsapp_download")!;
    assert.strictEqual(download.getAttribute("href"), `${FILE_URL}?download=1`);
    assert.notOk(bubble(fixture, 5).querySelector(".o_cusoft_whatsapp_text"), "the file name is not repeated as a caption");
});

QUnit.test("location: the place's name and address, and a map link at the pin", async (assert) => {
    const { fixture } = await mountWith(
        { type: "location", body: "Cafe Central, Calle 1 (19.43, -99.13)\nhttps://maps.example/cafe" },
        { type: "location", body: "Location (40.4, -3.7)" }
    );
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_location_label"), "Cafe Central, Calle 1");
    const map = bubble(fixture, 1).querySelector<HTMLAnchorElement>(".o_cusoft_whatsapp_map_link")!;
    assert.ok(map.href.includes("mlat=19.43&mlon=-99.13"), map.href);
    assert.strictEqual(text(bubble(fixture, 2), ".o_cusoft_whatsapp_location_label"), "Shared location");
});

QUnit.test("contacts: names, numbers to call and Create contact", async (assert) => {
    const { fixture, observed } = await mountWith({
        type: "contacts",
        body: "Contact: John Smith +1 555 0100, +44 20 7946 0000\nContact: (no name) 34600111222",
    });
    const cards = bubble(fixture, 1).querySelectorAll(".o_cusoft_whatsapp_contact");
    assert.strictEqual(cards.length, 2);
    assert.ok(cards[0]!.textContent!.includes("John Smith"));
    assert.deepEqual([...cards[0]!.querySelectorAll("a")].map((a) => a.getAttribute("href")), ["tel:+15550100", "tel:+442079460000"]);
    assert.ok(cards[1]!.textContent!.includes("Contact without a name"));
    cards[0]!.querySelector<HTMLElement>(".o_cusoft_whatsapp_create_contact")!.click();
    assert.deepEqual(observed.created, [{ name: "John Smith", numbers: ["+1 555 0100", "+44 20 7946 0000"] }]);
});

QUnit.test("interactive and button replies show what the customer chose", async (assert) => {
    const { fixture } = await mountWith({ type: "interactive", body: "Tomorrow 10:00" }, { type: "button", body: "Stop promotions" });
    assert.ok(text(bubble(fixture, 1), ".o_cusoft_whatsapp_button_reply").startsWith("Chose an option"));
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_choice"), "Tomorrow 10:00");
    assert.ok(text(bubble(fixture, 2), ".o_cusoft_whatsapp_button_reply").startsWith("Tapped a button"));
});

QUnit.test("order: its lines and the customer's note", async (assert) => {
    const { fixture } = await mountWith({ type: "order", body: "Order (2 items)\n2 x SKU-1 at 9.5 EUR\n1 x SKU-2\nLeave it at the door" });
    const items = [...bubble(fixture, 1).querySelectorAll(".o_cusoft_whatsapp_order li")].map((li) => li.textContent);
    assert.deepEqual(items, ["2 x SKU-1 at 9.5 EUR", "1 x SKU-2"]);
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_order_note"), "Leave it at the door");
});

QUnit.test("system notices, welcome requests, referrals and unsupported messages", async (assert) => {
    const { fixture } = await mountWith(
        { type: "system", body: "Customer changed their number" },
        { type: "request_welcome", body: "The user opened the chat" },
        { type: "unsupported", body: "Unsupported message (poll_creation): Message type unknown" },
        { type: "poll", body: "Unsupported message type 'poll'" }
    );
    assert.strictEqual(text(bubble(fixture, 1), ".o_cusoft_whatsapp_notice"), "Customer changed their number");
    assert.strictEqual(text(bubble(fixture, 2), ".o_cusoft_whatsapp_notice"), "The user opened the chat");
    for (const id of [3, 4]) {
        assert.ok(text(bubble(fixture, id), ".o_cusoft_whatsapp_unsupported").includes("cannot be shown here"), `message ${id}`);
    }
    assert.ok(text(bubble(fixture, 3), ".o_cusoft_whatsapp_unsupported").includes("poll_creation"));
});
