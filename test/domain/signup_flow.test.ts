import type { SignupEvent } from "../../static_src/domain/signup_events";
import {
    advanceSignupFlow,
    startSignupFlow,
    type FlowCommand,
    type FlowInput,
    type SignupFlow,
} from "../../static_src/domain/signup_flow";

QUnit.module("domain > signupFlow");

const FINISH: SignupEvent = {
    kind: "finish",
    event: "FINISH",
    waba_id: "100000000000001",
    phone_number_id: "110000000000001",
    business_id: "140000000000001",
};
const FINISH_SESSION = {
    event: "FINISH",
    waba_id: "100000000000001",
    phone_number_id: "110000000000001",
    business_id: "140000000000001",
};
const CANCEL: SignupEvent = { kind: "cancel", current_step: "PHONE_NUMBER_VERIFICATION" };
const REPORTED: SignupEvent = {
    kind: "error",
    event: "CANCEL",
    error_message: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
    error_code: "524126",
    session_id: "f34b51dab5e0498",
    timestamp: "1793000000",
};
const CODE = "AQBfakeExchangeableCodeValidForThirtySecondsOnly0000000000";

const code: FlowInput = { type: "code", code: CODE };
const noCode: FlowInput = { type: "no_code" };
const event = (e: SignupEvent): FlowInput => ({ type: "event", event: e });

/** Feeds `inputs` in order; returns the last flow and every command, in order. */
function replay(inputs: FlowInput[]): { flow: SignupFlow; commands: FlowCommand[] } {
    let flow = startSignupFlow();
    const commands: FlowCommand[] = [];
    for (const input of inputs) {
        const step = advanceSignupFlow(flow, input);
        flow = step.flow;
        if (step.command) {
            commands.push(step.command);
        }
    }
    return { flow, commands };
}

QUnit.test("sends the code the moment it arrives, before any session event", (assert) => {
    const step = advanceSignupFlow(startSignupFlow(), code);
    assert.deepEqual(step.command, { kind: "complete", code: CODE, session: null });
    assert.deepEqual(step.flow, { phase: "sent" });
});

QUnit.test("FINISH then code: the code goes with the session info", (assert) => {
    const afterFinish = advanceSignupFlow(startSignupFlow(), event(FINISH));
    assert.strictEqual(afterFinish.command, null, "nothing to send without the code");
    assert.deepEqual(afterFinish.flow, { phase: "waiting", session: FINISH_SESSION });
    assert.deepEqual(replay([event(FINISH), code]).commands, [{ kind: "complete", code: CODE, session: FINISH_SESSION }]);
});

QUnit.test("code then FINISH: sent once without the session, the late FINISH changes nothing", (assert) => {
    const { flow, commands } = replay([code, event(FINISH), noCode, event(CANCEL)]);
    assert.deepEqual(commands, [{ kind: "complete", code: CODE, session: null }], "a single send");
    assert.deepEqual(flow, { phase: "sent" });
});

QUnit.test("a FINISH without a number keeps what Meta gave", (assert) => {
    const only: SignupEvent = { kind: "finish", event: "FINISH_ONLY_WABA", waba_id: "100000000000001", business_id: "140000000000001" };
    assert.deepEqual(replay([event(only), code]).commands, [
        { kind: "complete", code: CODE, session: { event: "FINISH_ONLY_WABA", waba_id: "100000000000001", business_id: "140000000000001" } },
    ]);
});

QUnit.test("an empty login callback with no FINISH means the popup was closed or blocked", (assert) => {
    const { flow, commands } = replay([noCode]);
    assert.deepEqual(flow, { phase: "no_code", session: null });
    assert.deepEqual(commands, [], "nothing to send, nothing to report");
});

QUnit.test("FINISH but no code is told apart from a closed popup", (assert) => {
    assert.deepEqual(replay([event(FINISH), noCode]).flow, { phase: "no_code", session: FINISH_SESSION });
    assert.deepEqual(replay([noCode, event(FINISH)]).flow, { phase: "no_code", session: FINISH_SESSION });
});

QUnit.test("CANCEL explains the step and reports the abandon; the empty callback after it changes nothing", (assert) => {
    const { flow, commands } = replay([event(CANCEL), noCode]);
    assert.deepEqual(flow, {
        phase: "cancelled",
        step: "PHONE_NUMBER_VERIFICATION",
        explanation: "You stopped while verifying the phone number. Keep the phone nearby to receive the code and try again.",
    });
    assert.deepEqual(commands, [{ kind: "abandon", report: { event: "CANCEL", current_step: "PHONE_NUMBER_VERIFICATION" } }]);
});

QUnit.test("a CANCEL arriving after the empty callback still says where the user stopped", (assert) => {
    const { flow, commands } = replay([noCode, event(CANCEL)]);
    assert.strictEqual(flow.phase, "cancelled");
    assert.strictEqual(commands.length, 1);
    assert.strictEqual(commands[0]!.kind, "abandon");
});

QUnit.test("a reported error keeps Meta's words and session id, and is reported once", (assert) => {
    for (const order of [[event(REPORTED), noCode], [noCode, event(REPORTED)]]) {
        const { flow, commands } = replay([...order, event(CANCEL)]);
        assert.deepEqual(flow, {
            phase: "meta_error",
            message: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
            errorCode: "524126",
            sessionId: "f34b51dab5e0498",
        });
        assert.deepEqual(commands, [
            {
                kind: "abandon",
                report: {
                    event: "CANCEL",
                    error_message: "Your verified name violates WhatsApp guidelines. Please edit your verified name and try again.",
                    error_code: "524126",
                    session_id: "f34b51dab5e0498",
                    timestamp: "1793000000",
                },
            },
        ]);
    }
});

QUnit.test("an error without Meta's message still has words", (assert) => {
    const silent: SignupEvent = { kind: "error", event: "ERROR", error_message: null, error_code: null, session_id: "s1", timestamp: null };
    const { flow } = replay([event(silent)]);
    assert.strictEqual(flow.phase, "meta_error");
    assert.ok(flow.phase === "meta_error" && flow.message.length > 0);
});

QUnit.test("a code after a stop is not sent: the abandon report spent the one-time state", (assert) => {
    for (const stop of [CANCEL, REPORTED]) {
        const { flow, commands } = replay([event(stop), code, event(FINISH)]);
        assert.notStrictEqual(flow.phase, "sent");
        assert.deepEqual(
            commands.map((c) => c.kind),
            ["abandon"]
        );
    }
});

QUnit.test("a code after an empty callback is still sent, with the FINISH if any", (assert) => {
    assert.deepEqual(replay([event(FINISH), noCode, code]).commands, [{ kind: "complete", code: CODE, session: FINISH_SESSION }]);
});

QUnit.test("once the new tab has the state, nothing from the popup spends it", (assert) => {
    const { flow, commands } = replay([noCode, { type: "fallback" }, event(CANCEL), event(REPORTED), code]);
    assert.deepEqual(flow, { phase: "handed_over" });
    assert.deepEqual(commands, []);
});
