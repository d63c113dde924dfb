import { WhatsAppApi } from "../../../static_src/api/client";
import { WhatsAppHome } from "../../../static_src/components/home/home";
import { contractAnswer } from "../../contract";
import { click, fakeRpc, makeDeferred, mountComponent, nextTick, text } from "../../helpers";

QUnit.module("components > WhatsAppHome");

/** A connected number as the server lists it (test/contract/overview.json), its last webhook 3 minutes ago. */
const connected = {
    ...(contractAnswer("/cusoft_whatsapp/overview", "admin").accounts as Record<string, unknown>[])[0]!,
    last_webhook_at: new Date(Date.now() - 3 * 60_000).toISOString(),
};

function mountHome(overview: () => unknown, openSettings: () => void = () => {}, openAccount?: (id: number) => void) {
    const rpc = fakeRpc({ "/cusoft_whatsapp/overview": overview });
    return mountComponent(WhatsAppHome, { api: new WhatsAppApi(rpc), openSettings, openAccount });
}

QUnit.test("lists each number with its health once the server answers", async (assert) => {
    const answer = makeDeferred<unknown>();
    const mounting = mountHome(() => answer);
    await nextTick();
    answer.resolve({ can_manage: true, deliveries_to_review: 0, accounts: [connected] });
    const { fixture } = await mounting;
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_account").length, 1);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_account .fw-bold"), "Sales line");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Connected");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_state.text-bg-success"), "healthy numbers are green");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_account").includes("3 minutes ago"));
});

QUnit.test("reload shows the loading state while it waits", async (assert) => {
    let answer = makeDeferred<unknown>();
    const { fixture, component } = await (async () => {
        const mounting = mountHome(() => answer);
        answer.resolve({ can_manage: true, deliveries_to_review: 0, accounts: [] });
        return mounting;
    })();
    answer = makeDeferred<unknown>();
    const reloading = component.load();
    await nextTick();
    const status = fixture.querySelector('[role="status"]');
    assert.ok(status, "a polite live region announces the loading");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_loading").startsWith("Loading"));
    answer.resolve({ can_manage: true, deliveries_to_review: 0, accounts: [connected] });
    await reloading;
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_loading"));
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_account").length, 1);
});

QUnit.test("offers administrators to connect a number when none is connected", async (assert) => {
    let opened = 0;
    const { fixture } = await mountHome(() => ({ can_manage: true, deliveries_to_review: 0, accounts: [] }), () => opened++);
    assert.ok(text(fixture, ".o_cusoft_whatsapp_empty").includes("No WhatsApp Business number is connected yet."));
    click(fixture, ".o_cusoft_whatsapp_empty button");
    assert.strictEqual(opened, 1, "the button opens the WhatsApp settings");
});

QUnit.test("tells other users to ask an administrator instead of showing a button", async (assert) => {
    const { fixture } = await mountHome(() => ({ can_manage: false, deliveries_to_review: 0, accounts: [] }));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_empty button"));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_empty").includes("Ask a WhatsApp administrator"));
});

QUnit.test("explains an unexpected answer and recovers with Try again", async (assert) => {
    let calls = 0;
    const { fixture } = await mountHome(() => {
        calls++;
        return calls === 1 ? { accounts: "oops" } : { can_manage: true, deliveries_to_review: 0, accounts: [connected] };
    });
    const alert = fixture.querySelector('[role="alert"]');
    assert.ok(alert, "the error is announced to screen readers");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_error").includes("does not understand"));
    click(fixture, ".o_cusoft_whatsapp_error button");
    await nextTick();
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_error"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Connected");
});

QUnit.test("shows a number in error in red with words, not only a colour", async (assert) => {
    const { fixture } = await mountHome(() => ({
        can_manage: true,
        deliveries_to_review: 0,
        accounts: [{ ...connected, state: "error", last_webhook_at: null }],
    }));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Needs attention");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_state.text-bg-danger"));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_account").includes("never"));
});

QUnit.test("opens a number's card from its name when the page allows it", async (assert) => {
    const opened: number[] = [];
    const { fixture } = await mountHome(() => ({ can_manage: true, deliveries_to_review: 0, accounts: [connected] }), () => {}, (id) => opened.push(id));
    click(fixture, ".o_cusoft_whatsapp_open");
    assert.deepEqual(opened, [7]);
});

QUnit.test("shows names as plain text without a way to open them", async (assert) => {
    const { fixture } = await mountHome(() => ({ can_manage: true, deliveries_to_review: 0, accounts: [connected] }));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_open"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_account .fw-bold"), "Sales line");
});

QUnit.test("counts the webhook deliveries that wait for a person and opens them", async (assert) => {
    let opened = 0;
    const rpc = fakeRpc({ "/cusoft_whatsapp/overview": () => ({ can_manage: true, deliveries_to_review: 3, accounts: [connected] }) });
    const { fixture } = await mountComponent(WhatsAppHome, {
        api: new WhatsAppApi(rpc), openSettings: () => {}, openDeliveries: () => opened++,
    });
    assert.ok(text(fixture, ".o_cusoft_whatsapp_to_review").startsWith("3 webhook deliveries need a look"));
    click(fixture, ".o_cusoft_whatsapp_to_review button");
    assert.strictEqual(opened, 1, "Review opens the deliveries");
});

QUnit.test("says nothing about deliveries when none waits for a person", async (assert) => {
    const rpc = fakeRpc({ "/cusoft_whatsapp/overview": () => ({ can_manage: true, deliveries_to_review: 0, accounts: [connected] }) });
    const { fixture } = await mountComponent(WhatsAppHome, { api: new WhatsAppApi(rpc), openSettings: () => {}, openDeliveries: () => {} });
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_to_review"));
});

QUnit.test("shows administrators the setup checklist while no number is connected", async (assert) => {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/overview": () => ({ can_manage: true, deliveries_to_review: 0, accounts: [] }),
        "/cusoft_whatsapp/setup/checklist": () => contractAnswer("/cusoft_whatsapp/setup/checklist", "no_number"),
    });
    const { fixture } = await mountComponent(WhatsAppHome, { api: new WhatsAppApi(rpc), openSettings: () => {}, copy: async () => {} });
    assert.strictEqual(fixture.querySelector('.o_cusoft_whatsapp_setup [aria-current="step"]')?.getAttribute("data-step"), "number");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_empty"), "the connect button stays");
});

QUnit.test("never shows the checklist to users who cannot set WhatsApp up", async (assert) => {
    const rpc = fakeRpc({ "/cusoft_whatsapp/overview": () => ({ can_manage: false, deliveries_to_review: 0, accounts: [] }) });
    const { fixture } = await mountComponent(WhatsAppHome, { api: new WhatsAppApi(rpc), openSettings: () => {}, copy: async () => {} });
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_setup"));
    assert.deepEqual(rpc.calls.map((call) => call.route), ["/cusoft_whatsapp/overview"], "the admin-only route is not called");
});
