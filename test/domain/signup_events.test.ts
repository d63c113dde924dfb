import {
    CANCEL_STEPS,
    cancelStepExplanation,
    isFacebookOrigin,
    parseSignupMessage,
} from "../../static_src/domain/signup_events";
import {
    FB_ORIGIN as FB,
    FINISH,
    FINISH_COEXISTENCE,
    FINISH_ONLY_WABA,
    REPORTED_ERROR_LEGACY,
    REPORTED_ERROR_V4,
    cancelAt,
} from "../fixtures/es_message_events";

QUnit.module("domain > signupEvents");

const CANCEL = cancelAt("PHONE_NUMBER_VERIFICATION");

QUnit.test("reads FINISH with the WABA, the number and the business", (assert) => {
    assert.deepEqual(parseSignupMessage({ origin: FB, data: FINISH }), {
        kind: "finish",
        event: "FINISH",
        waba_id: "100000000000001",
        phone_number_id: "110000000000001",
        business_id: "140000000000001",
    });
});

QUnit.test("reads the finishes that come without a phone number", (assert) => {
    assert.deepEqual(parseSignupMessage({ origin: FB, data: FINISH_ONLY_WABA }), {
        kind: "finish",
        event: "FINISH_ONLY_WABA",
        waba_id: "100000000000001",
        business_id: "140000000000001",
    });
    assert.deepEqual(parseSignupMessage({ origin: FB, data: FINISH_COEXISTENCE }), {
        kind: "finish",
        event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
        waba_id: "100000000000001",
    });
});

QUnit.test("accepts the payload as a JSON string, as Meta posts it", (assert) => {
    assert.deepEqual(parseSignupMessage({ origin: FB, data: JSON.stringify(CANCEL) }), {
        kind: "cancel",
        current_step: "PHONE_NUMBER_VERIFICATION",
    });
    assert.strictEqual(parseSignupMessage({ origin: FB, data: JSON.stringify(FINISH) })?.kind, "finish");
});

QUnit.test("reads CANCEL with the step the user left", (assert) => {
    for (const step of CANCEL_STEPS) {
        const data = { ...CANCEL, data: { current_step: step } };
        assert.deepEqual(parseSignupMessage({ origin: FB, data }), { kind: "cancel", current_step: step }, step);
    }
    assert.deepEqual(
        parseSignupMessage({ origin: FB, data: { type: "WA_EMBEDDED_SIGNUP", event: "CANCEL" } }),
        { kind: "cancel", current_step: null },
        "a CANCEL without a step is still a cancel"
    );
});

QUnit.test("a CANCEL that carries error_message is an error, with the ids support needs", (assert) => {
    assert.deepEqual(parseSignupMessage({ origin: FB, data: REPORTED_ERROR_V4 }), {
        kind: "error",
        event: "CANCEL",
        error_message: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
        error_code: "524126",
        session_id: "f34b51dab5e0498",
        timestamp: "1793000000",
    });
});

QUnit.test("reads the legacy ERROR event and its error_id", (assert) => {
    assert.deepEqual(parseSignupMessage({ origin: FB, data: REPORTED_ERROR_LEGACY }), {
        kind: "error",
        event: "ERROR",
        error_message: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
        error_code: "524126",
        session_id: "f34b51dab5e0498",
        timestamp: "1793000000",
    });
    const bare = parseSignupMessage({ origin: FB, data: { type: "WA_EMBEDDED_SIGNUP", event: "ERROR", data: { error_code: 524126 } } });
    assert.deepEqual(
        bare,
        { kind: "error", event: "ERROR", error_message: null, error_code: "524126", session_id: null, timestamp: null },
        "an ERROR without a message is still an error; numeric codes become text"
    );
});

QUnit.test("listens to facebook.com and its subdomains over HTTPS only", (assert) => {
    for (const origin of ["https://www.facebook.com", "https://web.facebook.com", "https://business.facebook.com", "https://facebook.com"]) {
        assert.ok(isFacebookOrigin(origin), origin);
        assert.strictEqual(parseSignupMessage({ origin, data: FINISH })?.kind, "finish", origin);
    }
    for (const origin of [
        "https://evil.com",
        "https://facebook.com.evil.com",
        "https://evilfacebook.com",
        "http://www.facebook.com",
        "https://www.facebook.com:8443",
        "null",
        "",
    ]) {
        assert.notOk(isFacebookOrigin(origin), origin);
        assert.strictEqual(parseSignupMessage({ origin, data: FINISH }), null, `${origin} is ignored`);
    }
});

QUnit.test("ignores other messages, other events and garbage", (assert) => {
    const ignored: unknown[] = [
        { ...FINISH, type: "SOMETHING_ELSE" },
        { ...FINISH, type: undefined },
        { ...FINISH, event: "FINISH_OBO_MIGRATION" },
        { ...FINISH, data: { phone_number_id: "110000000000001" } },
        { ...FINISH, data: { waba_id: 100000000000001 } },
        { ...CANCEL, data: "PHONE_NUMBER_VERIFICATION" },
        "not json {",
        "_FB_xd_arbiter?cb=f1a2",
        JSON.stringify("WA_EMBEDDED_SIGNUP"),
        null,
        undefined,
        42,
        [],
    ];
    for (const data of ignored) {
        assert.strictEqual(parseSignupMessage({ origin: FB, data }), null, JSON.stringify(data) ?? String(data));
    }
});

QUnit.test("explains every cancel step in its own words", (assert) => {
    assert.strictEqual(
        cancelStepExplanation("PHONE_NUMBER_VERIFICATION"),
        "You stopped while verifying the phone number. Keep the phone nearby to receive the code and try again."
    );
    const explanations = CANCEL_STEPS.map((step) => cancelStepExplanation(step));
    assert.strictEqual(new Set(explanations).size, CANCEL_STEPS.length, "no two steps share a sentence");
    const fallback = cancelStepExplanation(null);
    assert.ok(fallback.includes("closed the Meta window"));
    assert.strictEqual(cancelStepExplanation("A_STEP_META_ADDS_LATER"), fallback);
    assert.notOk(explanations.includes(fallback), "each known step is more precise than the fallback");
});
