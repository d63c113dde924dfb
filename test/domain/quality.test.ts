import { Settings } from "luxon";
import { messagingLimitBadge, nameStatusBadge, qualityBadge } from "../../static_src/domain/quality";
import { setTranslator } from "../../static_src/i18n/translate";

QUnit.module("domain > quality", (hooks) => {
    let locale: string;
    hooks.beforeEach(() => {
        locale = Settings.defaultLocale;
        Settings.defaultLocale = "en-US";
    });
    hooks.afterEach(() => {
        Settings.defaultLocale = locale;
    });

    QUnit.test("names Meta's quality rating in words, coloured from green to red", (assert) => {
        const badges = (["GREEN", "YELLOW", "RED", "UNKNOWN", null] as const).map(qualityBadge);
        assert.deepEqual(
            badges.map((b) => [b.label, b.tone]),
            [
                ["High", "success"],
                ["Medium", "warning"],
                ["Low", "danger"],
                ["Not rated yet", "muted"],
                ["Not rated yet", "muted"],
            ]
        );
    });

    QUnit.test("turns Meta's messaging tiers into customers per 24 hours", (assert) => {
        const limits = ["TIER_50", "TIER_250", "TIER_1K", "TIER_2K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED"];
        assert.deepEqual(
            limits.map((limit) => [messagingLimitBadge(limit).label, messagingLimitBadge(limit).tone]),
            [
                ["50 customers / 24 h", "warning"],
                ["250 customers / 24 h", "warning"],
                ["1,000 customers / 24 h", "success"],
                ["2,000 customers / 24 h", "success"],
                ["10,000 customers / 24 h", "success"],
                ["100,000 customers / 24 h", "success"],
                ["Unlimited customers / 24 h", "success"],
            ]
        );
    });

    QUnit.test("still reads a tier Meta adds later, and shows an unknown code as it is", (assert) => {
        assert.deepEqual(messagingLimitBadge("TIER_5K"), { label: "5,000 customers / 24 h", tone: "success" });
        assert.deepEqual(messagingLimitBadge("TIER_1M"), { label: "1,000,000 customers / 24 h", tone: "success" });
        assert.deepEqual(messagingLimitBadge("SOMETHING_NEW"), { label: "SOMETHING_NEW", tone: "muted" });
        assert.deepEqual(messagingLimitBadge(null), { label: "Not known yet", tone: "muted" });
    });

    QUnit.test("groups the customer count the way the user's language does", (assert) => {
        Settings.defaultLocale = "de-DE";
        assert.strictEqual(messagingLimitBadge("TIER_10K").label, "10.000 customers / 24 h");
    });

    QUnit.test("says where the display name's review stands", (assert) => {
        const statuses = ["APPROVED", "AVAILABLE_WITHOUT_REVIEW", "PENDING_REVIEW", "DECLINED", "EXPIRED", "NONE", null];
        assert.deepEqual(
            statuses.map((status) => nameStatusBadge(status).tone),
            ["success", "success", "warning", "danger", "danger", "muted", "muted"]
        );
        assert.strictEqual(nameStatusBadge("PENDING_REVIEW").label, "Waiting for Meta's review");
        assert.strictEqual(nameStatusBadge("DECLINED").label, "Declined by Meta");
        assert.deepEqual(nameStatusBadge("ON_HOLD"), { label: "ON_HOLD", tone: "muted" });
    });

    QUnit.test("labels go through the installed translator with the count filled in", (assert) => {
        setTranslator((term) => (term === "%s customers / 24 h" ? "%s clientes / 24 h" : term === "High" ? "Alta" : term));
        try {
            assert.strictEqual(messagingLimitBadge("TIER_250").label, "250 clientes / 24 h");
            assert.strictEqual(qualityBadge("GREEN").label, "Alta");
        } finally {
            setTranslator((term) => term);
        }
    });
});
