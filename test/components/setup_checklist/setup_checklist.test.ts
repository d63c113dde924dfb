import { WhatsAppApi } from "../../../static_src/api/client";
import { SetupChecklist } from "../../../static_src/components/setup_checklist/setup_checklist";
import { contractAnswer } from "../../contract";
import { click, fakeRpc, makeDeferred, mountComponent, nextTick, text } from "../../helpers";

QUnit.module("components > SetupChecklist");

const ROUTE = "/cusoft_whatsapp/setup/checklist";

/** The server's answer in `situation` (test/contract/setup_checklist.json). */
function answer(situation: string): Record<string, unknown> {
    return contractAnswer(ROUTE, situation);
}

function mountChecklist(checklist: () => unknown, copy: (text: string) => Promise<void> = async () => {}) {
    const rpc = fakeRpc({ [ROUTE]: checklist });
    return mountComponent(SetupChecklist, { api: new WhatsAppApi(rpc), copy });
}

function stepKeys(fixture: HTMLElement, selector = ".o_cusoft_whatsapp_setup_step"): string[] {
    return [...fixture.querySelectorAll<HTMLElement>(selector)].map((li) => li.dataset.step ?? "");
}

QUnit.test("a new database lists every step, the first one to do marked current, with what to paste", async (assert) => {
    const { fixture } = await mountChecklist(() => answer("first_steps"));
    assert.strictEqual(text(fixture, "#o_cusoft_whatsapp_setup_title"), "Set up WhatsApp");
    assert.deepEqual(stepKeys(fixture), ["app", "signup_config", "public_url", "number", "subscribed", "webhook_verified", "first_event", "first_message"]);
    assert.deepEqual(stepKeys(fixture, ".o_done"), ["app"], "the Meta app was entered");
    assert.strictEqual(fixture.querySelector('[aria-current="step"]')?.getAttribute("data-step"), "signup_config");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_setup_progress").startsWith("1 of 8 steps done"));
    const redirect = fixture.querySelector<HTMLInputElement>('[data-step="signup_config"] input');
    assert.strictEqual(redirect?.value, "localhost", "the domain to allow in Facebook Login for Business");
    assert.ok(text(fixture, '[data-step="public_url"] .o_cusoft_whatsapp_setup_step_detail').includes("http://localhost:8069"),
        "says which address Meta cannot reach");
    assert.notOk(fixture.querySelector('[data-step="app"] input'), "a done step offers nothing to paste");
});

QUnit.test("with the app ready, the next step is connecting a number", async (assert) => {
    const { fixture } = await mountChecklist(() => answer("no_number"));
    assert.deepEqual(stepKeys(fixture, ".o_done"), ["app", "signup_config", "public_url"]);
    assert.strictEqual(fixture.querySelector('[aria-current="step"]')?.getAttribute("data-step"), "number");
    assert.ok(text(fixture, '[data-step="webhook_verified"]').includes("Connect a number first"),
        "the webhook step waits for a verify token");
});

QUnit.test("once a number is connected, the webhook step gives the callback URL and verify token to paste", async (assert) => {
    const { fixture } = await mountChecklist(() => answer("connected"));
    const step = fixture.querySelector<HTMLElement>('[data-step="webhook_verified"]')!;
    assert.ok(step.classList.contains("o_todo"));
    const values = [...step.querySelectorAll<HTMLInputElement>("input")].map((input) => input.value);
    assert.deepEqual(values, ["https://odoo.example.com/whatsapp/webhook", "<verify token>"]);
    const fields = fixture.querySelector<HTMLInputElement>('[data-step="first_event"] input')?.value ?? "";
    assert.ok(fields.startsWith("messages, "), "the webhook fields to subscribe, messages first");
});

QUnit.test("copy buttons copy the value and say so, or say how to copy by hand", async (assert) => {
    const copied: string[] = [];
    let refuse = false;
    const { fixture } = await mountChecklist(() => answer("connected"), async (value) => {
        if (refuse) {
            throw new Error("denied");
        }
        copied.push(value);
    });
    const buttons = fixture.querySelectorAll<HTMLButtonElement>('[data-step="webhook_verified"] .o_cusoft_whatsapp_setup_copy');
    assert.strictEqual(buttons[0]?.getAttribute("aria-label"), "Copy Callback URL");
    buttons[0]!.click();
    await nextTick();
    assert.deepEqual(copied, ["https://odoo.example.com/whatsapp/webhook"]);
    assert.strictEqual(text(fixture, '[data-step="webhook_verified"] .o_cusoft_whatsapp_copy_feedback'), "Copied");
    refuse = true;
    buttons[1]!.click();
    await nextTick();
    const feedback = fixture.querySelectorAll('[data-step="webhook_verified"] .o_cusoft_whatsapp_copy_feedback')[1]!;
    assert.ok(feedback.textContent!.includes("select the text"));
    assert.ok(feedback.classList.contains("text-danger"));
});

QUnit.test("disappears once every step is done", async (assert) => {
    const { fixture } = await mountChecklist(() => answer("complete"));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_setup"), "nothing left to show");
});

QUnit.test("comes back as a warning listing only the step that broke", async (assert) => {
    const { fixture } = await mountChecklist(() => answer("regressed"));
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_setup.border-warning"));
    assert.ok(fixture.querySelector('.o_cusoft_whatsapp_setup_warning[role="alert"]'), "announced");
    assert.strictEqual(text(fixture, "#o_cusoft_whatsapp_setup_title"), "WhatsApp setup needs attention");
    assert.deepEqual(stepKeys(fixture), ["public_url"]);
    assert.ok(text(fixture, '[data-step="public_url"]').includes("http://odoo.example.com"));
});

QUnit.test("Check again asks the server anew and follows what it finds", async (assert) => {
    let next: Record<string, unknown> | Promise<unknown> = answer("connected");
    const { fixture } = await mountChecklist(() => next);
    const pending = makeDeferred<unknown>();
    next = pending;
    click(fixture, ".o_cusoft_whatsapp_setup_refresh");
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_setup_loading").startsWith("Checking"), "says it is checking");
    pending.resolve(answer("complete"));
    await nextTick();
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_setup"));
});

QUnit.test("explains an answer it cannot read and recovers with Try again", async (assert) => {
    let calls = 0;
    const { fixture } = await mountChecklist(() => (++calls === 1 ? { status: "done" } : answer("no_number")));
    assert.ok(fixture.querySelector('.o_cusoft_whatsapp_setup_error[role="alert"]'));
    click(fixture, ".o_cusoft_whatsapp_setup_error button");
    await nextTick();
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_setup_error"));
    assert.strictEqual(fixture.querySelector('[aria-current="step"]')?.getAttribute("data-step"), "number");
});
