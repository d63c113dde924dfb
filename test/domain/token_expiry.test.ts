import { DateTime } from "luxon";
import { tokenExpiry } from "../../static_src/domain/token_expiry";
import { setTranslator } from "../../static_src/i18n/translate";

QUnit.module("domain > tokenExpiry");

const now = DateTime.fromISO("2026-11-25T10:00:00", { zone: "utc" });

QUnit.test("a system user's token never expires", (assert) => {
    assert.deepEqual(tokenExpiry(null, true, now), {
        label: "Never expires",
        tone: "success",
        expired: false,
        expiringSoon: false,
    });
});

QUnit.test("no token at all is an error, whatever the expiry date says", (assert) => {
    for (const expiresAt of [null, now.plus({ days: 30 })]) {
        const expiry = tokenExpiry(expiresAt, false, now);
        assert.strictEqual(expiry.label, "No token");
        assert.strictEqual(expiry.tone, "danger");
    }
});

QUnit.test("counts down in days while the end is far", (assert) => {
    assert.deepEqual(tokenExpiry(now.plus({ days: 45 }), true, now), {
        label: "Expires in 45 days",
        tone: "success",
        expired: false,
        expiringSoon: false,
    });
});

QUnit.test("warns during the last week, then counts the last day in hours and minutes", (assert) => {
    assert.deepEqual(tokenExpiry(now.plus({ days: 3 }), true, now), {
        label: "Expires in 3 days",
        tone: "warning",
        expired: false,
        expiringSoon: true,
    });
    assert.strictEqual(tokenExpiry(now.plus({ days: 6, hours: 23 }), true, now).tone, "warning");
    assert.strictEqual(tokenExpiry(now.plus({ days: 7 }), true, now).tone, "success", "a full week left is fine");
    assert.strictEqual(tokenExpiry(now.plus({ hours: 5 }), true, now).label, "Expires in 5 hours");
    assert.strictEqual(tokenExpiry(now.plus({ minutes: 12 }), true, now).label, "Expires in 12 minutes");
});

QUnit.test("an expired token is red and says how long ago it ended", (assert) => {
    assert.deepEqual(tokenExpiry(now.minus({ days: 2 }), true, now), {
        label: "Expired 2 days ago",
        tone: "danger",
        expired: true,
        expiringSoon: false,
    });
    assert.ok(tokenExpiry(now, true, now).expired, "the very moment of expiry counts as expired");
});

QUnit.test("speaks the user's language", (assert) => {
    setTranslator((term) => (term === "Expires %s" ? "Expire %s" : term));
    try {
        const expiresAt = now.plus({ days: 3 }).setLocale("fr");
        assert.strictEqual(tokenExpiry(expiresAt, true, now).label, "Expire dans 3 jours");
    } finally {
        setTranslator((term) => term);
    }
});
