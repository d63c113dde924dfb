import { checkMedia, formatSize, type MediaKind } from "../../static_src/domain/media_limits";

QUnit.module("domain > media limits (Meta's contract §6.2)");

const MB = 1024 * 1024;

QUnit.test("each accepted type becomes its WhatsApp kind", (assert) => {
    const kinds: [string, MediaKind][] = [
        ["image/jpeg", "image"], ["image/png", "image"], ["image/webp", "sticker"], ["video/mp4", "video"],
        ["video/3gpp", "video"], ["audio/ogg; codecs=opus", "audio"], ["audio/mpeg", "audio"], ["application/pdf", "document"],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document"], ["text/plain", "document"],
    ];
    for (const [type, kind] of kinds) {
        assert.deepEqual(checkMedia({ name: "f", type, size: 1000 }), { ok: true, kind }, type);
    }
});

QUnit.test("sizes stop at Meta's limit for the kind, the limit itself included", (assert) => {
    const limits: [string, number][] = [["image/png", 5 * MB], ["video/mp4", 16 * MB], ["audio/aac", 16 * MB], ["image/webp", 500 * 1024], ["application/pdf", 100 * MB]];
    for (const [type, limit] of limits) {
        assert.true(checkMedia({ name: "f", type, size: limit }).ok, `${type} at the limit`);
        assert.false(checkMedia({ name: "f", type, size: limit + 1 }).ok, `${type} one byte over`);
    }
    const refused = checkMedia({ name: "clip.mp4", type: "video/mp4", size: 20 * MB });
    assert.deepEqual(refused, { ok: false, error: "clip.mp4 is too large for WhatsApp (20 MB): at most 16 MB for this kind of file." });
});

QUnit.test("other types, unknown types and empty files are refused with the file's name", (assert) => {
    for (const type of ["image/gif", "image/svg+xml", "text/html", "application/zip", ""]) {
        const check = checkMedia({ name: "x.bin", type, size: 10 });
        assert.false(check.ok, type || "no type");
        assert.ok(!check.ok && check.error.startsWith("WhatsApp does not accept x.bin."));
    }
    assert.deepEqual(checkMedia({ name: "empty.pdf", type: "application/pdf", size: 0 }), { ok: false, error: "empty.pdf is empty." });
});

QUnit.test("sizes read the way people say them", (assert) => {
    assert.strictEqual(formatSize(512), "512 B");
    assert.strictEqual(formatSize(2048), "2 KB");
    assert.strictEqual(formatSize(5.25 * MB), "5.3 MB");
});
