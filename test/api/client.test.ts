import { ApiError } from "../../static_src/api/api_error";
import { WhatsAppApi } from "../../static_src/api/client";
import { fakeRpc } from "../helpers";

QUnit.module("api > WhatsAppApi");

QUnit.test("turns server datetimes into luxon DateTimes", async (assert) => {
    const api = new WhatsAppApi(
        fakeRpc({
            "/cusoft_whatsapp/overview": () => ({
                can_manage: false,
                deliveries_to_review: 0,
                accounts: [{ id: 1, name: "A", display_phone_number: null, state: "draft", last_webhook_at: "2026-11-25 10:00:00" }],
            }),
        })
    );
    const overview = await api.overview();
    const at = overview.accounts[0]!.last_webhook_at!;
    assert.strictEqual(at.toUTC().toISO(), "2026-11-25T10:00:00.000Z", "Odoo's UTC format is read as UTC");
});

QUnit.test("rejects an answer of the wrong shape with a plain-language ApiError", async (assert) => {
    const api = new WhatsAppApi(fakeRpc({ "/cusoft_whatsapp/overview": () => ({ can_manage: "yes", accounts: [] }) }));
    const error = await api.overview().then(
        () => null,
        (e: unknown) => e
    );
    assert.ok(error instanceof ApiError);
    assert.strictEqual((error as ApiError).route, "/cusoft_whatsapp/overview");
});

QUnit.test("rejects an unknown account state and an invalid datetime", async (assert) => {
    const bad = [
        { id: 1, name: "A", display_phone_number: null, state: "exploded", last_webhook_at: null },
        { id: 1, name: "A", display_phone_number: null, state: "draft", last_webhook_at: "yesterday" },
    ];
    for (const account of bad) {
        const api = new WhatsAppApi(fakeRpc({ "/cusoft_whatsapp/overview": () => ({ can_manage: true, deliveries_to_review: 0, accounts: [account] }) }));
        await api.overview().then(
            () => assert.ok(false, `accepted ${JSON.stringify(account)}`),
            (e: unknown) => assert.ok(e instanceof ApiError)
        );
    }
});

QUnit.test("passes the server's own error message through", async (assert) => {
    const api = new WhatsAppApi(async () => {
        throw Object.assign(new Error("RPC_ERROR"), { data: { message: "You are not allowed to do that." } });
    });
    await api.overview().then(
        () => assert.ok(false),
        (e: unknown) => assert.strictEqual((e as ApiError).message, "You are not allowed to do that.")
    );
});
