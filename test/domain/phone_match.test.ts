import { samePhone } from "../../static_src/domain/phone_match";

QUnit.module("domain > phoneMatch");

QUnit.test("one number however it was typed, with or without its country code", (assert) => {
    assert.ok(samePhone("+1 555-000-9876", "15550009876"));
    assert.ok(samePhone("(555) 000 9876", "+15550009876"), "the national form is the international one's tail");
    assert.notOk(samePhone("+1 555-000-9877", "+15550009876"));
    assert.notOk(samePhone("9876", "+15550009876"), "a few digits match nothing");
});
