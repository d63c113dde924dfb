import { DateTime } from "luxon";
import { WhatsAppApi } from "../../../static_src/api/client";
import type { AccountCard as Card } from "../../../static_src/api/schemas/account";
import { AccountCard } from "../../../static_src/components/account_card/account_card";
import { contractAnswer } from "../../contract";
import { click, fakeRpc, makeDeferred, mountComponent, nextTick, text, type RouteHandler } from "../../helpers";

QUnit.module("components > AccountCard");

/** Odoo's own datetime format: UTC, no zone marker. */
const NOW = DateTime.fromSQL("2026-11-25 10:00:00", { zone: "utc" }).setZone("default");

/** A connected number as the server describes it to an administrator (test/contract/). */
const SERVER_CARD = contractAnswer("/cusoft_whatsapp/account/card", "connected_admin");
const WEBHOOK_URL = SERVER_CARD.webhook_url as string;
const VERIFY_TOKEN = SERVER_CARD.verify_token as string;
const WEBHOOK_FIELDS = SERVER_CARD.webhook_fields as string[];
const VERIFIED_NAME = SERVER_CARD.verified_name as string;

/** The server's card at the moments these tests tell: a webhook 3 minutes ago, checked an hour ago. */
function cardPayload(changes: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        ...contractAnswer("/cusoft_whatsapp/account/card", "connected_admin"),
        token_expires_at: null,
        last_webhook_at: "2026-11-25 09:57:00",
        last_checked_at: "2026-11-25 09:00:00",
        ...changes,
    };
}

/** What the server says after Meta refused the token (test/contract/account_card.json, "error"). */
const metaRefusedToken = contractAnswer("/cusoft_whatsapp/account/card", "error").last_error as Record<string, string>;

interface MountOptions {
    card?: RouteHandler;
    action?: RouteHandler;
    now?: () => DateTime;
    copy?: (text: string) => Promise<void>;
    onChanged?: (card: Card) => void;
    refreshMs?: number;
}

async function mountCard(options: MountOptions = {}) {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/account/card": options.card ?? (() => cardPayload()),
        "/cusoft_whatsapp/account/action": options.action ?? (() => ({ card: cardPayload(), message: "Done." })),
    });
    const { fixture, component } = await mountComponent(AccountCard, {
        api: new WhatsAppApi(rpc),
        accountId: 7,
        now: options.now ?? (() => NOW),
        copy: options.copy ?? (async () => {}),
        onChanged: options.onChanged,
        refreshMs: options.refreshMs,
    });
    return { fixture, component, rpc };
}

function button(fixture: HTMLElement, label: string): HTMLButtonElement | undefined {
    return [...fixture.querySelectorAll<HTMLButtonElement>("button")].find(
        (b) => b.textContent?.replace(/\s+/g, " ").trim() === label
    );
}

function actionCalls(rpc: ReturnType<typeof fakeRpc>) {
    return rpc.calls.filter((c) => c.route === "/cusoft_whatsapp/account/action").map((c) => c.params);
}

QUnit.test("shows a healthy number in green, every colour backed by words", async (assert) => {
    const { fixture, rpc } = await mountCard();
    assert.deepEqual(rpc.calls[0], { route: "/cusoft_whatsapp/account/card", params: { account_id: 7 } });
    assert.strictEqual(text(fixture, "h2"), "Sales line");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_phone"), "+1 555-000-1234");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_verified_name"), VERIFIED_NAME);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Connected");
    const facts: Record<string, string> = {};
    for (const dt of fixture.querySelectorAll("dl dt")) {
        facts[dt.textContent!.trim()] = (dt.nextElementSibling as HTMLElement).textContent!.replace(/\s+/g, " ").trim();
    }
    assert.deepEqual(facts, {
        "Display name": VERIFIED_NAME,
        "Display name review": "Approved",
        "Quality rating": "High",
        "Messaging limit": "2,000 customers / 24 h",
        "Access token": "Never expires",
        "Last webhook received": "3 minutes ago",
        "Last checked": "1 hour ago",
    });
    const badges = [...fixture.querySelectorAll(".badge")];
    assert.strictEqual(badges.length, 5, "state, review, quality, limit and token each have a badge");
    assert.ok(
        badges.every((b) => b.classList.contains("text-bg-success")),
        "all green on a healthy number"
    );
    assert.deepEqual(
        [...fixture.querySelectorAll(".o_cusoft_whatsapp_webhook_fields li code")].map((c) => c.textContent),
        WEBHOOK_FIELDS
    );
    assert.notOk(fixture.querySelector('[role="alert"]'), "nothing to alert about");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_token_hint"), "no advice to renew the token");
});

QUnit.test("warns in amber when the token expires within the week", async (assert) => {
    const { fixture } = await mountCard({ card: () => cardPayload({ token_expires_at: "2026-11-28 10:00:00" }) });
    const badge = fixture.querySelector(".o_cusoft_whatsapp_token .badge")!;
    assert.strictEqual(badge.textContent, "Expires in 3 days");
    assert.ok(badge.classList.contains("text-bg-warning"));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_token_hint").includes("Create a new access token"));
});

QUnit.test("shows an expired token in red", async (assert) => {
    const { fixture } = await mountCard({ card: () => cardPayload({ token_expires_at: "2026-11-23 10:00:00" }) });
    const badge = fixture.querySelector(".o_cusoft_whatsapp_token .badge")!;
    assert.strictEqual(badge.textContent, "Expired 2 days ago");
    assert.ok(badge.classList.contains("text-bg-danger"));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_token_hint").includes("Create a new access token"));
});

QUnit.test("explains Meta's last error and how to fix it when the number is in error", async (assert) => {
    const { fixture } = await mountCard({
        card: () =>
            cardPayload({
                state: "error",
                quality_rating: "RED",
                messaging_limit: "TIER_250",
                last_webhook_at: null,
                last_error: metaRefusedToken,
            }),
    });
    const alert = fixture.querySelector<HTMLElement>('[role="alert"]');
    assert.ok(alert, "the problem is announced to screen readers");
    const said = alert!.textContent!.replace(/\s+/g, " ");
    assert.ok(said.includes(metaRefusedToken.title!));
    assert.ok(said.includes(metaRefusedToken.explanation!));
    assert.ok(said.includes(`What to do: ${metaRefusedToken.fix!}`));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Needs attention");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_state.text-bg-danger"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_quality"), "Low");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_quality .text-bg-danger"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_messaging_limit"), "250 customers / 24 h");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_last_webhook"), "never");
});

QUnit.test("keeps the last error out of sight once the number is connected again", async (assert) => {
    const { fixture } = await mountCard({ card: () => cardPayload({ last_error: metaRefusedToken }) });
    assert.notOk(fixture.querySelector('[role="alert"]'));
    assert.notOk(text(fixture, ".o_cusoft_whatsapp_account_card").includes(metaRefusedToken.title!));
});

QUnit.test("disables the buttons while an action runs, then shows its result and the new card", async (assert) => {
    const answer = makeDeferred<unknown>();
    const changed: Card[] = [];
    const { fixture, rpc } = await mountCard({ action: () => answer, onChanged: (card) => changed.push(card) });
    const testButton = button(fixture, "Test connection")!;
    testButton.click();
    await nextTick();
    const buttons = ["Test connection", "Sync templates", "Disconnect"].map((label) => button(fixture, label)!);
    assert.deepEqual(
        buttons.map((b) => b.disabled),
        [true, true, true],
        "no second action can start"
    );
    assert.deepEqual(
        buttons.map((b) => b.getAttribute("aria-busy")),
        ["true", null, null]
    );
    assert.ok(testButton.querySelector(".spinner-border"), "the running button spins");
    assert.deepEqual(actionCalls(rpc), [{ account_id: 7, action: "test_connection" }]);

    answer.resolve({
        card: cardPayload({ quality_rating: "YELLOW", last_checked_at: "2026-11-25 09:59:00" }),
        message: "Meta answered: the connection works.",
    });
    await nextTick();
    const status = fixture.querySelector(".o_cusoft_whatsapp_action_message")!;
    assert.strictEqual(status.getAttribute("aria-live"), "polite");
    assert.strictEqual(status.textContent, "Meta answered: the connection works.");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_quality"), "Medium", "the card shows the refreshed health");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_last_checked"), "1 minute ago");
    assert.deepEqual(
        buttons.map((b) => b.disabled || b.hasAttribute("aria-busy")),
        [false, false, false]
    );
    assert.notOk(testButton.querySelector(".spinner-border"));
    assert.strictEqual(changed.length, 1);
    assert.strictEqual(changed[0]!.quality_rating, "YELLOW", "the parent gets the new card");
});

QUnit.test("reports a failed action in an alert and keeps the card", async (assert) => {
    const changed: Card[] = [];
    const { fixture } = await mountCard({
        action: () => {
            throw Object.assign(new Error("RPC_ERROR"), { data: { message: "Meta could not be reached. Try again in a minute." } });
        },
        onChanged: (card) => changed.push(card),
    });
    click(fixture, ".o_cusoft_whatsapp_sync_templates");
    await nextTick();
    assert.strictEqual(text(fixture, '.o_cusoft_whatsapp_action_error[role="alert"]'), "Meta could not be reached. Try again in a minute.");
    assert.strictEqual(text(fixture, "h2"), "Sales line");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Connected");
    assert.notOk(button(fixture, "Sync templates")!.disabled, "the user can try again");
    assert.strictEqual(changed.length, 0);
});

QUnit.test("explains a failed first load and recovers with Try again", async (assert) => {
    let calls = 0;
    const second = makeDeferred<unknown>();
    const { fixture } = await mountCard({
        card: () => {
            calls++;
            return calls === 1 ? { id: 7, name: "Sales line" } : second;
        },
    });
    assert.ok(text(fixture, '.o_cusoft_whatsapp_error[role="alert"]').includes("does not understand"));
    assert.notOk(fixture.querySelector("h2"));
    click(fixture, ".o_cusoft_whatsapp_error button");
    await nextTick();
    const loading = fixture.querySelector('.o_cusoft_whatsapp_loading[role="status"]');
    assert.ok(loading, "the reload is announced");
    assert.ok(text(fixture, ".o_cusoft_whatsapp_loading").startsWith("Loading"));
    second.resolve(cardPayload());
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_error"));
    assert.strictEqual(text(fixture, "h2"), "Sales line");
    assert.strictEqual(calls, 2);
});

QUnit.test("copies the callback URL and the verify token, and says so", async (assert) => {
    const copied: string[] = [];
    const { fixture } = await mountCard({ copy: async (value) => void copied.push(value) });
    const urlInput = fixture.querySelector<HTMLInputElement>("#o_cusoft_whatsapp_webhook_url_7")!;
    assert.strictEqual(text(fixture, 'label[for="o_cusoft_whatsapp_webhook_url_7"]'), "Callback URL");
    assert.strictEqual(urlInput.value, WEBHOOK_URL);
    assert.ok(urlInput.readOnly);
    assert.strictEqual(text(fixture, 'label[for="o_cusoft_whatsapp_verify_token_7"]'), "Verify token");
    assert.strictEqual(fixture.querySelector<HTMLInputElement>("#o_cusoft_whatsapp_verify_token_7")!.value, VERIFY_TOKEN);

    const urlFeedback = fixture.querySelector(".o_cusoft_whatsapp_webhook_url [aria-live='polite']")!;
    const tokenFeedback = fixture.querySelector(".o_cusoft_whatsapp_verify_token [aria-live='polite']")!;
    assert.strictEqual(urlFeedback.textContent, "", "nothing announced before a copy");

    click(fixture, "button[aria-label='Copy the callback URL']");
    await nextTick();
    assert.deepEqual(copied, [WEBHOOK_URL]);
    assert.strictEqual(urlFeedback.textContent, "Copied");
    assert.strictEqual(tokenFeedback.textContent, "");

    click(fixture, "button[aria-label='Copy the verify token']");
    await nextTick();
    assert.deepEqual(copied, [WEBHOOK_URL, VERIFY_TOKEN]);
    assert.strictEqual(tokenFeedback.textContent, "Copied");
    assert.strictEqual(urlFeedback.textContent, "", "only the last copy is announced");
});

QUnit.test("says when the browser refused to copy", async (assert) => {
    const { fixture } = await mountCard({
        copy: async () => {
            throw new DOMException("Write permission denied.", "NotAllowedError");
        },
    });
    click(fixture, "button[aria-label='Copy the callback URL']");
    await nextTick();
    const feedback = fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_webhook_url [aria-live='polite']")!;
    assert.ok(feedback.textContent!.startsWith("Could not copy"));
    assert.notOk(feedback.textContent!.includes("Copied"));
    assert.ok(feedback.classList.contains("text-danger"));
});

QUnit.test("asks for confirmation inside the card before disconnecting", async (assert) => {
    const changed: Card[] = [];
    const { fixture, rpc } = await mountCard({
        action: () => ({ card: cardPayload({ state: "disconnected" }), message: "The number is disconnected from Odoo." }),
        onChanged: (card) => changed.push(card),
    });
    click(fixture, ".o_cusoft_whatsapp_disconnect");
    await nextTick();
    assert.deepEqual(actionCalls(rpc), [], "the first click only asks");
    const question = fixture.querySelector<HTMLElement>(".o_cusoft_whatsapp_disconnect_confirm");
    assert.ok(question?.textContent!.includes("Are you sure?"));
    assert.strictEqual(document.activeElement, button(fixture, "Cancel"), "focus moves to the safe answer");

    click(fixture, ".o_cusoft_whatsapp_disconnect_cancel");
    await nextTick();
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_disconnect_confirm"));
    assert.deepEqual(actionCalls(rpc), [], "Cancel aborts");
    assert.strictEqual(document.activeElement, button(fixture, "Disconnect"), "focus returns to Disconnect");

    click(fixture, ".o_cusoft_whatsapp_disconnect");
    await nextTick();
    click(fixture, ".o_cusoft_whatsapp_disconnect_yes");
    await nextTick();
    assert.deepEqual(actionCalls(rpc), [{ account_id: 7, action: "disconnect" }]);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Disconnected");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_action_message"), "The number is disconnected from Odoo.");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_disconnect_confirm"));
    assert.strictEqual(document.activeElement, button(fixture, "Disconnect"), "keyboard users keep their place");
    assert.strictEqual(changed[0]?.state, "disconnected");
});

QUnit.test("shows other users the health but no buttons and no verify token", async (assert) => {
    const { fixture } = await mountCard({ card: () => cardPayload({ can_manage: false, verify_token: null }) });
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_state"), "Connected");
    for (const label of ["Test connection", "Sync templates", "Disconnect"]) {
        assert.notOk(button(fixture, label), `no ${label} button`);
    }
    assert.notOk(fixture.querySelector("#o_cusoft_whatsapp_verify_token_7"));
    assert.notOk(text(fixture, ".o_cusoft_whatsapp_account_card").includes("Verify token"));
    assert.strictEqual(fixture.querySelector<HTMLInputElement>("#o_cusoft_whatsapp_webhook_url_7")!.value, WEBHOOK_URL);
});

QUnit.test("counts the token down as time passes while the card is open", async (assert) => {
    let clock = NOW;
    const { fixture } = await mountCard({
        card: () => cardPayload({ token_expires_at: "2026-11-28 10:00:00" }),
        now: () => clock,
        refreshMs: 10,
    });
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_token .badge"), "Expires in 3 days");
    clock = NOW.plus({ days: 2, hours: 1 });
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_token .badge"), "Expires in 3 days", "nothing moves before the tick");
    await new Promise((resolve) => setTimeout(resolve, 40));
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_token .badge"), "Expires in 23 hours");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_last_webhook"), "2 days ago", "every relative time follows the clock");

    clock = NOW.plus({ days: 3, minutes: 5 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_token .badge"), "Expired 5 minutes ago");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_token .text-bg-danger"));
});

QUnit.test("stops reading the clock once the card is gone", async (assert) => {
    let reads = 0;
    const { component } = await mountCard({ now: () => (reads++, NOW), refreshMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.ok(reads > 1, "the clock is read while the card is on screen");
    component.__owl__.app.destroy();
    const readsAtUnmount = reads;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.strictEqual(reads, readsAtUnmount, "no timer keeps running for a card nobody sees");
});
