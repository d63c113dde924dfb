import { accountStateBadge } from "../../static_src/domain/account_state";
import { setTranslator } from "../../static_src/i18n/translate";

QUnit.module("domain > accountStateBadge");

QUnit.test("gives every state its own words and colour", (assert) => {
    const badges = (["draft", "connected", "error", "disconnected"] as const).map(accountStateBadge);
    assert.deepEqual(
        badges.map((b) => b.tone),
        ["muted", "success", "danger", "warning"]
    );
    assert.strictEqual(new Set(badges.map((b) => b.label)).size, 4);
});

QUnit.test("labels go through the installed translator", (assert) => {
    setTranslator((term) => (term === "Connected" ? "Conectado" : term));
    try {
        assert.strictEqual(accountStateBadge("connected").label, "Conectado");
    } finally {
        setTranslator((term) => term);
    }
});
