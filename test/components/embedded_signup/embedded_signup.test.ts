import { WhatsAppApi } from "../../../static_src/api/client";
import { EmbeddedSignup } from "../../../static_src/components/embedded_signup/embedded_signup";
import { CANCEL_STEPS, type WindowMessage } from "../../../static_src/domain/signup_events";
import type { FacebookLoginOptions, FacebookSdkPort, WindowMessages } from "../../../static_src/services/facebook_sdk";
import {
    FB_ORIGIN as FB,
    FINISH,
    FINISH_ONLY_WABA,
    REPORTED_ERROR_LEGACY,
    REPORTED_ERROR_V4,
    VERIFIED_NAME_ERROR,
    cancelAt,
} from "../../fixtures/es_message_events";
import { contractAnswer } from "../../contract";
import { click, fakeRpc, makeDeferred, mountComponent, nextTick, text, type RouteHandler } from "../../helpers";

QUnit.module("components > EmbeddedSignup");

const CODE = "AQBfakeExchangeableCodeValidForThirtySecondsOnly0000000000";

const LOGIN_SUCCESS = { authResponse: { code: CODE }, status: "connected" };
const LOGIN_CLOSED = { authResponse: null, status: "unknown" };

/** The server's answers (test/contract/): what opens the popup, and the steps with their labels. */
const START = contractAnswer("/cusoft_whatsapp/signup/start", "new");
const STATE = START.state as string;
const FALLBACK_URL = START.fallback_url as string;
const STEP_KEYS = ["exchange_code", "check_token", "read_numbers", "save_account", "register", "subscribe", "test_connection"] as const;
type StepKey = (typeof STEP_KEYS)[number];
const SERVER_STEPS = contractAnswer("/cusoft_whatsapp/signup/step", "done").steps as { key: StepKey; label: string }[];
const STEP_LABELS = Object.fromEntries(SERVER_STEPS.map((step) => [step.key, step.label])) as Record<StepKey, string>;
type StepStatus = "pending" | "running" | "done" | "failed" | "skipped";

/** An onboarding answer whose steps have `statuses`, in the server's order. */
function onboarding(statuses: Partial<Record<StepKey, StepStatus>>, changes: Record<string, unknown> = {}): Record<string, unknown> {
    const steps = STEP_KEYS.map((key) => ({
        key,
        label: STEP_LABELS[key],
        status: statuses[key] ?? "pending",
        message: null,
    }));
    const status = steps.some((s) => s.status === "failed")
        ? "failed"
        : steps.every((s) => s.status === "done" || s.status === "skipped")
          ? "done"
          : "running";
    return {
        onboarding_id: 41,
        status,
        steps,
        account_id: status === "done" ? 7 : null,
        display_phone_number: status === "done" ? "+1 555-000-1234" : null,
        error: null,
        pin: null,
        ...changes,
    };
}

const ALL_DONE: Partial<Record<StepKey, StepStatus>> = {
    exchange_code: "done",
    check_token: "done",
    read_numbers: "done",
    save_account: "done",
    register: "done",
    subscribe: "done",
    test_connection: "done",
};

/** Meta's SDK as the component sees it: records every call and lets the test answer FB.login. */
function fakeSdk(load?: () => Promise<void>) {
    const loads: [string, string, string][] = [];
    const logins: FacebookLoginOptions[] = [];
    const callbacks: ((response: unknown) => void)[] = [];
    const port: FacebookSdkPort = {
        async load(sdkUrl, appId, version) {
            loads.push([sdkUrl, appId, version]);
            await load?.();
            return {
                login(callback, options) {
                    callbacks.push(callback);
                    logins.push(options);
                },
            };
        },
    };
    return {
        port,
        loads,
        logins,
        /** Answers the latest FB.login, or the one at `index`. */
        respond(response: unknown, index = callbacks.length - 1) {
            const callback = callbacks[index];
            if (!callback) {
                throw new Error("FB.login was not called");
            }
            callback(response);
        },
    };
}

/** The window's `message` event, in the test's hands. */
function fakeMessages() {
    const listeners = new Set<(message: WindowMessage) => void>();
    const port: WindowMessages = (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
    };
    return {
        port,
        listeners,
        post(data: unknown, origin = FB) {
            for (const listener of [...listeners]) {
                listener({ origin, data });
            }
        },
    };
}

interface MountOptions {
    start?: RouteHandler;
    complete?: RouteHandler;
    step?: RouteHandler;
    abandon?: RouteHandler;
    sdkLoad?: () => Promise<void>;
    accountId?: number;
}

async function mountSignup(options: MountOptions = {}) {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/signup/start": options.start ?? (() => START),
        "/cusoft_whatsapp/signup/complete": options.complete ?? (() => onboarding(ALL_DONE)),
        "/cusoft_whatsapp/signup/step": options.step ?? (() => onboarding(ALL_DONE)),
        "/cusoft_whatsapp/signup/abandon": options.abandon ?? (() => ({ ok: true })),
    });
    const sdk = fakeSdk(options.sdkLoad);
    const messages = fakeMessages();
    const opened: string[] = [];
    const connected: number[] = [];
    const { fixture, component } = await mountComponent(EmbeddedSignup, {
        api: new WhatsAppApi(rpc),
        sdk: sdk.port,
        messages: messages.port,
        openUrl: (url: string) => void opened.push(url),
        accountId: options.accountId,
        onConnected: (accountId: number) => void connected.push(accountId),
    });
    const calls = (route: string) => rpc.calls.filter((c) => c.route === `/cusoft_whatsapp/signup/${route}`).map((c) => c.params);
    return { fixture, component, rpc, sdk, messages, opened, connected, calls };
}

/** Clicks the main button and waits until FB.login has been called. */
async function openPopup(fixture: HTMLElement): Promise<void> {
    click(fixture, ".o_cusoft_whatsapp_signup_button");
    await nextTick();
}

function mainButton(fixture: HTMLElement): HTMLButtonElement | null {
    return fixture.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_signup_button");
}

function rpcError(message: string): Error {
    return Object.assign(new Error("RPC_ERROR"), { data: { message } });
}

QUnit.test("opens Meta's popup with exactly the contract's FB.login options", async (assert) => {
    const { fixture, sdk, calls } = await mountSignup();
    const button = mainButton(fixture)!;
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_signup_button"), "Connect WhatsApp");
    assert.notOk(button.disabled);
    assert.strictEqual(sdk.loads.length, 0, "the SDK is not loaded before the button is used");

    await openPopup(fixture);
    assert.deepEqual(calls("start"), [{ account_id: null }]);
    assert.deepEqual(sdk.loads, [[START.sdk_url, START.app_id, START.graph_version]]);
    assert.deepEqual(sdk.logins, [
        { config_id: START.config_id as string, response_type: "code", override_default_response_type: true, extras: { setup: {} } },
    ]);
    assert.ok(button.disabled, "no second popup while this one is open");
    assert.strictEqual(button.getAttribute("aria-busy"), "true");
    assert.ok(text(fixture, '[role="status"]').startsWith("Finish the steps in Meta's window"));
});

QUnit.test("a double click opens one popup", async (assert) => {
    const { fixture, sdk, calls } = await mountSignup();
    // Both clicks land before OWL re-renders the button as disabled.
    click(fixture, ".o_cusoft_whatsapp_signup_button");
    click(fixture, ".o_cusoft_whatsapp_signup_button");
    await nextTick();
    assert.strictEqual(calls("start").length, 1);
    assert.strictEqual(sdk.logins.length, 1);
});

QUnit.test("sends the code at once, before any session event", async (assert) => {
    const answer = makeDeferred<unknown>();
    const { fixture, sdk, calls } = await mountSignup({ complete: () => answer });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    // Checked before any await: the code leaves inside FB.login's callback, not on a later tick.
    assert.deepEqual(calls("complete"), [{ state: STATE, code: CODE, session: null }], "sent without waiting for FINISH");
    await nextTick();
    assert.strictEqual(mainButton(fixture)!.getAttribute("aria-busy"), "true", "busy while the server works");
    assert.strictEqual(text(fixture, '[role="status"]'), "Setting up the WhatsApp number…");
    answer.resolve(onboarding(ALL_DONE));
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_signup_done").includes("WhatsApp is connected"));
});

QUnit.test("FINISH then code: the session info goes with the code", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    await openPopup(fixture);
    messages.post(FINISH);
    await nextTick();
    assert.deepEqual(calls("complete"), [], "the FINISH alone sends nothing");
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.deepEqual(calls("complete"), [
        {
            state: STATE,
            code: CODE,
            session: { event: "FINISH", waba_id: "100000000000001", phone_number_id: "110000000000001", business_id: "140000000000001" },
        },
    ]);
});

QUnit.test("code then FINISH: sent once, the late FINISH is not needed", async (assert) => {
    const { fixture, sdk, messages, calls, connected } = await mountSignup();
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    messages.post(FINISH);
    await nextTick();
    messages.post(FINISH);
    await nextTick();
    assert.deepEqual(calls("complete"), [{ state: STATE, code: CODE, session: null }]);
    assert.deepEqual(connected, [7]);
});

QUnit.test("accepts the event as a JSON string", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    await openPopup(fixture);
    messages.post(JSON.stringify(FINISH), "https://web.facebook.com");
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.strictEqual((calls("complete")[0]!.session as { waba_id: string } | null)?.waba_id, "100000000000001");
});

QUnit.test("FINISH_ONLY_WABA: sends the WABA and says the account has no number yet", async (assert) => {
    const { fixture, sdk, messages, calls, connected } = await mountSignup({
        complete: () => onboarding({ ...ALL_DONE, register: "skipped" }, { account_id: 9, display_phone_number: null }),
    });
    await openPopup(fixture);
    messages.post(FINISH_ONLY_WABA);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.deepEqual(calls("complete")[0]!.session, { event: "FINISH_ONLY_WABA", waba_id: "100000000000001", business_id: "140000000000001" });
    assert.ok(text(fixture, ".o_cusoft_whatsapp_signup_done").includes("has no phone number yet"));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_number"));
    assert.deepEqual(connected, [9]);
});

QUnit.test("ignores events from any origin but facebook.com over HTTPS", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    await openPopup(fixture);
    for (const origin of ["https://evil.com", "https://facebook.com.evil.com", "http://www.facebook.com"]) {
        messages.post(FINISH, origin);
        messages.post(cancelAt("PERMISSIONS"), origin);
        messages.post(REPORTED_ERROR_V4, origin);
    }
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_outcome"), "no forged cancel or error is shown");
    assert.strictEqual(mainButton(fixture)!.getAttribute("aria-busy"), "true", "still waiting for Meta");
    assert.deepEqual(calls("abandon"), []);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.deepEqual(calls("complete"), [{ state: STATE, code: CODE, session: null }], "no forged WABA reaches the server");
});

QUnit.test("shows each onboarding step with its status as it happens", async (assert) => {
    const answers = [makeDeferred<unknown>(), makeDeferred<unknown>()];
    const { fixture, sdk, calls } = await mountSignup({
        complete: () => onboarding({ exchange_code: "done", check_token: "running" }),
        step: () => answers[calls("step").length - 1],
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    const list = fixture.querySelector("ol.o_cusoft_whatsapp_signup_steps")!;
    assert.strictEqual(list.getAttribute("aria-live"), "polite");
    const items = () => [...list.querySelectorAll("li")].map((li) => li.textContent!.replace(/\s+/g, " ").trim());
    assert.deepEqual(items().slice(0, 3), [
        `${STEP_LABELS.exchange_code}: done`,
        `${STEP_LABELS.check_token}: in progress`,
        `${STEP_LABELS.read_numbers}: waiting`,
    ]);
    assert.ok(list.querySelector("li:nth-child(1) .fa-check-circle.text-success"));
    assert.ok(list.querySelector("li:nth-child(2) .fa-spin"));
    assert.deepEqual(calls("step"), [{ onboarding_id: 41 }], "asks for the next step while running");

    answers[0]!.resolve(onboarding({ exchange_code: "done", check_token: "done", read_numbers: "done", save_account: "running" }));
    await nextTick();
    assert.deepEqual(items().slice(1, 4), [`${STEP_LABELS.check_token}: done`, `${STEP_LABELS.read_numbers}: done`, `${STEP_LABELS.save_account}: in progress`]);
    assert.strictEqual(calls("step").length, 2);

    answers[1]!.resolve(onboarding({ ...ALL_DONE, test_connection: "skipped" }));
    await nextTick();
    assert.strictEqual(items()[6], `${STEP_LABELS.test_connection}: skipped`);
    assert.ok(list.querySelector("li:nth-child(7) .fa-minus-circle"));
    assert.strictEqual(calls("step").length, 2, "stops asking once done");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_signup_number"), "+1 555-000-1234");
    assert.notOk(mainButton(fixture), "the connect button is gone once connected");
});

QUnit.test("shows the PIN once, with what it is and why to keep it", async (assert) => {
    // As the server does: the PIN comes with the answer that registered the number, then never again.
    const registered = { exchange_code: "done", check_token: "done", read_numbers: "done", save_account: "done", register: "done" } as const;
    const { fixture, sdk, connected } = await mountSignup({
        complete: () => onboarding({ ...registered, subscribe: "running" }, { pin: "482913" }),
        step: () => onboarding(ALL_DONE, { pin: null }),
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_done"));
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_pin_value").length, 1);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_pin_value"), "482913", "kept after answers without it");
    assert.strictEqual(fixture.textContent!.split("482913").length - 1, 1, "the PIN appears in one place only");
    const note = text(fixture, ".o_cusoft_whatsapp_pin_note");
    assert.ok(note.includes("two-step verification PIN"));
    assert.ok(note.includes("Keep it safe"));
    assert.ok(note.includes("will not be shown again"));
    assert.deepEqual(connected, [7], "the parent learns the account, never the PIN");
});

QUnit.test("keeps the PIN on screen when a later step fails, until the next attempt", async (assert) => {
    const registered = { exchange_code: "done", check_token: "done", read_numbers: "done", save_account: "done", register: "done" } as const;
    const failure = { title: "Meta refused the webhook subscription", explanation: "The app is not allowed.", fix: "Check the app." };
    const { fixture, sdk } = await mountSignup({
        complete: () => onboarding({ ...registered, subscribe: "running" }, { pin: "482913" }),
        step: () => onboarding({ ...registered, subscribe: "failed" }, { error: failure }),
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_failed"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_pin_value"), "482913");
    click(fixture, ".o_cusoft_whatsapp_signup_resume");
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_pin_value"), "482913", "a resume keeps it");
});

QUnit.test("no PIN block when the server generated none", async (assert) => {
    const { fixture, sdk } = await mountSignup();
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_done"));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_pin"));
});

QUnit.test("a failed server step is explained, and Resume continues from it", async (assert) => {
    const failure = {
        title: "Meta refused to register the number",
        explanation: "The number still has a two-step verification PIN set by its previous provider.",
        fix: "Turn off two-step verification in WhatsApp Manager, then resume.",
    };
    const stepAnswers = [
        onboarding({ exchange_code: "done", check_token: "done", read_numbers: "done", save_account: "done", register: "failed" }, { error: failure }),
        onboarding({ exchange_code: "done", check_token: "done", read_numbers: "done", save_account: "done", register: "done", subscribe: "running" }),
        onboarding(ALL_DONE),
    ];
    const { fixture, sdk, calls, connected } = await mountSignup({
        complete: () => onboarding({ exchange_code: "done", check_token: "running" }),
        step: () => stepAnswers[calls("step").length - 1],
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    const alert = fixture.querySelector<HTMLElement>('.o_cusoft_whatsapp_signup_failed[role="alert"]')!;
    assert.ok(alert, "the failure is announced");
    assert.ok(text(alert, "h3").includes("Meta refused to register the number"));
    assert.strictEqual(text(alert, ".o_cusoft_whatsapp_error_explanation"), failure.explanation);
    assert.strictEqual(text(alert, ".o_cusoft_whatsapp_error_fix"), `What to do: ${failure.fix}`);
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_step_failed .fa-times-circle"));
    assert.deepEqual(connected, []);
    assert.strictEqual(document.activeElement, fixture.querySelector(".o_cusoft_whatsapp_signup_outcome"), "focus moves to the failure");

    click(fixture, ".o_cusoft_whatsapp_signup_resume");
    await nextTick();
    assert.deepEqual(calls("step"), [{ onboarding_id: 41 }, { onboarding_id: 41 }, { onboarding_id: 41 }]);
    assert.strictEqual(calls("complete").length, 1, "the code is not sent again");
    assert.strictEqual(calls("start").length, 1, "no new popup");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_done"));
    assert.deepEqual(connected, [7]);
});

QUnit.test("a CANCEL at each step says where the user stopped, reports it and offers Try again", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    const seen = new Set<string>();
    for (const [index, step] of CANCEL_STEPS.entries()) {
        if (index === 0) {
            await openPopup(fixture);
        } else {
            click(fixture, ".o_cusoft_whatsapp_signup_retry");
            await nextTick();
        }
        messages.post(cancelAt(step));
        sdk.respond(LOGIN_CLOSED);
        await nextTick();
        const panel = fixture.querySelector<HTMLElement>('.o_cusoft_whatsapp_signup_cancelled[role="alert"]');
        assert.ok(panel, `${step}: cancelled panel`);
        const explanation = text(fixture, ".o_cusoft_whatsapp_cancel_explanation");
        assert.ok(explanation.startsWith("You stopped"), `${step}: ${explanation}`);
        seen.add(explanation);
        assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_no_code"), "the empty callback after a CANCEL is not a blocked popup");
        assert.deepEqual(calls("abandon")[index], { state: STATE, session: { event: "CANCEL", current_step: step } });
    }
    assert.strictEqual(seen.size, CANCEL_STEPS.length, "each step has its own words");
    assert.strictEqual(
        text(fixture, ".o_cusoft_whatsapp_cancel_explanation"),
        "You stopped at the permissions screen. Odoo needs every permission it asks for to send and receive messages: try again and accept them."
    );
    assert.strictEqual(calls("start").length, CANCEL_STEPS.length, "Try again opens a new signup");
    assert.strictEqual(sdk.logins.length, CANCEL_STEPS.length);
    assert.deepEqual(calls("complete"), []);
});

QUnit.test("the phone verification cancel gives the advice about the phone", async (assert) => {
    const { fixture, sdk, messages } = await mountSignup();
    await openPopup(fixture);
    sdk.respond(LOGIN_CLOSED);
    messages.post(cancelAt("PHONE_NUMBER_VERIFICATION"));
    await nextTick();
    assert.strictEqual(
        text(fixture, ".o_cusoft_whatsapp_cancel_explanation"),
        "You stopped while verifying the phone number. Keep the phone nearby to receive the code and try again."
    );
});

QUnit.test("an error reported in Meta's window shows Meta's words and the session id for support", async (assert) => {
    for (const payload of [REPORTED_ERROR_V4, REPORTED_ERROR_LEGACY]) {
        const { fixture, sdk, messages, calls } = await mountSignup();
        await openPopup(fixture);
        messages.post(payload);
        sdk.respond(LOGIN_CLOSED);
        await nextTick();
        const alert = fixture.querySelector<HTMLElement>('.o_cusoft_whatsapp_signup_meta_error[role="alert"]');
        assert.ok(alert, `${payload.event}: error panel`);
        assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_meta_message"), VERIFIED_NAME_ERROR);
        assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_meta_session"), "Session id for Meta support: f34b51dab5e0498");
        assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_meta_code"), "Error code: 524126");
        assert.deepEqual(calls("abandon"), [
            {
                state: STATE,
                session: {
                    event: payload.event,
                    error_message: VERIFIED_NAME_ERROR,
                    error_code: "524126",
                    session_id: "f34b51dab5e0498",
                    timestamp: "1793000000",
                },
            },
        ]);
        assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_cancelled"), "not mistaken for a plain cancel");
        assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_retry"), "the user can try again");
    }
});

QUnit.test("a failed abandon report does not bother the user", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup({
        abandon: () => {
            throw rpcError("Server busy");
        },
    });
    await openPopup(fixture);
    messages.post(REPORTED_ERROR_V4);
    sdk.respond(LOGIN_CLOSED);
    await nextTick();
    assert.strictEqual(calls("abandon").length, 1);
    assert.notOk(fixture.textContent!.includes("Server busy"));
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_meta_error"));
});

QUnit.test("a popup closed or blocked offers to continue in a new tab", async (assert) => {
    const { fixture, sdk, opened, calls } = await mountSignup();
    await openPopup(fixture);
    sdk.respond(LOGIN_CLOSED);
    await nextTick();
    const panel = fixture.querySelector<HTMLElement>('.o_cusoft_whatsapp_signup_no_code[role="alert"]')!;
    assert.ok(panel);
    assert.ok(text(panel, "h3").includes("closed or blocked"));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_signup_no_code").includes("Allow pop-ups for this site"));
    assert.strictEqual(document.activeElement, fixture.querySelector(".o_cusoft_whatsapp_signup_outcome"), "keyboard users land on the outcome");
    assert.deepEqual(calls("complete"), []);
    assert.deepEqual(calls("abandon"), [], "nothing Meta-side to report");

    click(fixture, ".o_cusoft_whatsapp_signup_fallback");
    await nextTick();
    assert.deepEqual(opened, [FALLBACK_URL]);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_fallback_note").includes("new tab"));

    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(sdk.logins.length, 2, "Try again opens the popup again");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_no_code"));
});

QUnit.test("a FINISH without a code says Meta did not hand over, and offers the new tab", async (assert) => {
    const { fixture, sdk, messages, opened, calls } = await mountSignup();
    await openPopup(fixture);
    messages.post(FINISH);
    sdk.respond({ status: "unknown" });
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_signup_no_code h3").includes("did not hand the connection over"));
    click(fixture, ".o_cusoft_whatsapp_signup_fallback");
    assert.deepEqual(opened, [FALLBACK_URL]);

    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.deepEqual(calls("complete"), [{ state: STATE, code: CODE, session: null }], "the first popup's FINISH is not reused");
});

QUnit.test("once the new tab is open, a late CANCEL does not spend its state", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    await openPopup(fixture);
    sdk.respond(LOGIN_CLOSED);
    await nextTick();
    click(fixture, ".o_cusoft_whatsapp_signup_fallback");
    messages.post(cancelAt("PERMISSIONS"));
    await nextTick();
    assert.deepEqual(calls("abandon"), []);
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_no_code"), "the new-tab advice stays");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_fallback_note"));
});

QUnit.test("explains an SDK that cannot load, and offers the new tab", async (assert) => {
    let failing = true;
    const { fixture, sdk, opened } = await mountSignup({
        sdkLoad: async () => {
            if (failing) {
                throw new Error("script blocked");
            }
        },
    });
    await openPopup(fixture);
    const panel = fixture.querySelector<HTMLElement>('.o_cusoft_whatsapp_signup_sdk_error[role="alert"]')!;
    assert.ok(panel);
    assert.ok(text(panel, "h3").includes("could not be loaded"));
    assert.ok(panel.textContent!.includes("ad or tracker blocker"));
    assert.deepEqual(sdk.logins, [], "no login without the SDK");
    click(fixture, ".o_cusoft_whatsapp_signup_fallback");
    assert.deepEqual(opened, [FALLBACK_URL]);

    failing = false;
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(sdk.loads.length, 2);
    assert.strictEqual(sdk.logins.length, 1, "the second try opens the popup");
});

QUnit.test("a server error while starting is shown, and Try again starts again", async (assert) => {
    let fail = true;
    const { fixture, sdk, calls } = await mountSignup({
        start: () => {
            if (fail) {
                throw rpcError("Set the Meta app id and configuration id in the WhatsApp settings first.");
            }
            return START;
        },
    });
    await openPopup(fixture);
    assert.strictEqual(
        text(fixture, '.o_cusoft_whatsapp_signup_api_error[role="alert"] .o_cusoft_whatsapp_api_message'),
        "Set the Meta app id and configuration id in the WhatsApp settings first."
    );
    assert.deepEqual(sdk.loads, []);
    fail = false;
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(calls("start").length, 2);
    assert.strictEqual(sdk.logins.length, 1);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_api_error"));
});

QUnit.test("a refused code needs a new popup; a lost step answer resumes", async (assert) => {
    let completeFails = true;
    let stepFails = true;
    const { fixture, sdk, calls } = await mountSignup({
        complete: () => {
            if (completeFails) {
                throw rpcError("Meta's code expired before the server could use it. Try again.");
            }
            return onboarding({ exchange_code: "done", check_token: "running" });
        },
        step: () => {
            if (stepFails) {
                throw new Error("network down");
            }
            return onboarding(ALL_DONE);
        },
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_api_message"), "Meta's code expired before the server could use it. Try again.");

    completeFails = false;
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(calls("start").length, 2, "a new signup for a new code");
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_api_message"), "The server could not be reached. Check your connection and try again.");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_steps"), "the steps so far stay visible");

    stepFails = false;
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(calls("start").length, 2, "the onboarding resumes, no new popup");
    assert.strictEqual(calls("complete").length, 2);
    assert.strictEqual(calls("step").length, 2);
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_signup_done"));
});

QUnit.test("stops asking a server that never finishes", async (assert) => {
    const { fixture, sdk, calls } = await mountSignup({
        complete: () => onboarding({ exchange_code: "running" }),
        step: () => onboarding({ exchange_code: "running" }),
    });
    await openPopup(fixture);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.strictEqual(calls("step").length, 50);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_api_message").includes("taking longer than expected"));
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    assert.strictEqual(calls("step").length, 101, "Try again resumes the onboarding");
    assert.strictEqual(calls("start").length, 1);
});

QUnit.test("Reconnect opens the signup for the existing number", async (assert) => {
    const { fixture, calls } = await mountSignup({ accountId: 7 });
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_signup_button"), "Reconnect");
    await openPopup(fixture);
    assert.deepEqual(calls("start"), [{ account_id: 7 }]);
});

QUnit.test("ignores events outside a signup and callbacks of an earlier popup", async (assert) => {
    const { fixture, sdk, messages, calls } = await mountSignup();
    messages.post(FINISH);
    messages.post(cancelAt("PERMISSIONS"));
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_signup_outcome"), "nothing happens before the click");

    await openPopup(fixture);
    messages.post(cancelAt("PERMISSIONS"));
    await nextTick();
    click(fixture, ".o_cusoft_whatsapp_signup_retry");
    await nextTick();
    sdk.respond(LOGIN_SUCCESS, 0);
    await nextTick();
    assert.deepEqual(calls("complete"), [], "the first popup's late code is not sent");
    sdk.respond(LOGIN_SUCCESS, 1);
    await nextTick();
    assert.deepEqual(calls("complete"), [{ state: STATE, code: CODE, session: null }], "the FINISH before the click was not kept");
});

QUnit.test("stops listening to the window when it goes away", async (assert) => {
    const { fixture, component, sdk, messages, calls } = await mountSignup();
    assert.strictEqual(messages.listeners.size, 1);
    await openPopup(fixture);
    component.__owl__.app.destroy();
    assert.strictEqual(messages.listeners.size, 0);
    sdk.respond(LOGIN_SUCCESS);
    await nextTick();
    assert.deepEqual(calls("complete"), [], "a popup finishing after the page is gone sends nothing");
});
