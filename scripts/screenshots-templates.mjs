// node scripts/screenshots-templates.mjs [baseUrl]: screenshots of templates and of the sandbox,
// taken in headless Debian Chromium against a running local Odoo with the sandbox's demo data
// (npm run odoo on a new database): the template picker in the inbox, the template sender opened
// from a contact's phone, the template builder, a thread with media and a reaction, and the
// sandbox's Simulate a customer.
import { join } from "node:path";
import { SCREENSHOTS, withOdooPage } from "./lib/screenshot_session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:8069";
const outDir = SCREENSHOTS;

/** An ORM call through Odoo's JSON-RPC, as the logged-in user. */
function orm(page, model, method, args, kwargs = {}) {
    return page.evaluate(async ({ model, method, args, kwargs }) => {
        const response = await fetch("/web/dataset/call_kw", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { model, method, args, kwargs } }),
        });
        const answer = await response.json();
        if (answer.error) {
            throw new Error(JSON.stringify(answer.error.data?.message ?? answer.error));
        }
        return answer.result;
    }, { model, method, args, kwargs });
}

await withOdooPage(base, { width: 1366, height: 800 }, async (page) => {

    // The picker, from the thread's composer.
    await page.goto(`${base}/odoo/whatsapp`);
    await page.click(".o_cusoft_whatsapp_conversation");
    await page.click(".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_send_template, .o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_template");
    await page.click(".modal .o_cusoft_whatsapp_tpl_option");
    for (const input of await page.locator(".modal .o_cusoft_whatsapp_tpl_variable input").all()) {
        await input.fill((await input.getAttribute("placeholder")) || "SO0042");
    }
    await page.waitForTimeout(300);
    await page.locator(".modal-content").screenshot({ path: join(outDir, "template_picker.png") });
    await page.keyboard.press("Escape");

    // The sender, from the WhatsApp button of a contact who has no conversation yet.
    const [partnerId] = await orm(page, "res.partner", "create", [[{ name: "Dana Ruiz", mobile: "+1 650-253-0101", ref: "C-12" }]]);
    await page.goto(`${base}/odoo/contacts/${partnerId}`);
    // Like SMS, the button shows while the pointer is on the number.
    await page.hover(".o_field_widget[name='mobile']");
    await page.click(".o_field_widget[name='mobile'] .o_cusoft_whatsapp_phone_button");
    await page.waitForSelector(".modal .o_field_widget[name='template_id']");
    await page.fill(".modal .o_field_widget[name='template_id'] input", "order");
    await page.click(".o-autocomplete--dropdown-item >> nth=0");
    await page.waitForSelector(".modal .o_field_widget[name='preview'] :text-matches('.+')").catch(() => undefined);
    await page.waitForTimeout(500);
    await page.locator(".modal-content").screenshot({ path: join(outDir, "template_sender.png") });
    await page.keyboard.press("Escape");

    // The builder, filled as a user would before submitting to Meta.
    await page.goto(`${base}/odoo/action-cusoft_whatsapp.cusoft_whatsapp_template_builder_action`);
    await page.waitForSelector(".o_field_widget[name='name'] input");
    // One field at a time, as a person types: each change's onchange answers before the next.
    for (const [selector, value] of [
        [".o_field_widget[name='name'] input", "order_ready_pickup"],
        [".o_field_widget[name='body'] textarea", "Hello {{1}}, your order {{2}} is ready for pickup."],
        [".o_field_widget[name='body_examples'] textarea", "Dana\nSO0042"],
        [".o_field_widget[name='footer'] input", "Reply STOP to opt out"],
    ]) {
        await page.fill(selector, value);
        await page.keyboard.press("Tab");
        await page.waitForTimeout(600);
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(outDir, "template_builder.png"), fullPage: true });

    // A thread with media and reactions: a simulated customer sends a picture, a voice message and a
    // place through the real webhook, then reacts to the business's answer.
    const [account] = await orm(page, "cusoft.whatsapp.account", "search", [[["state", "=", "connected"]]], { limit: 1 });
    const [customer] = await orm(page, "cusoft.whatsapp.sandbox.customer", "create", [[{ name: "Irene Vidal", phone: "+34 600 777 001" }]]);
    const simulate = async (values) => {
        const [wizard] = await orm(page, "cusoft.whatsapp.sandbox.simulator", "create", [[{ account_id: account, customer_id: customer, ...values }]]);
        await orm(page, "cusoft.whatsapp.sandbox.simulator", "action_send", [[wizard]]);
    };
    await simulate({ message_type: "text", body: "Hi! Here is the damaged box I told you about" });
    await simulate({ message_type: "image", caption: "The corner is crushed" });
    await simulate({ message_type: "audio" });
    await simulate({ message_type: "location" });
    await page.goto(`${base}/odoo/whatsapp`);
    await page.click(".o_cusoft_whatsapp_conversation:has-text('Irene Vidal')");
    await page.fill(".o_cusoft_whatsapp_thread_pane textarea.o_cusoft_whatsapp_input", "Sorry about that! We will send a new one today.");
    await page.click(".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_send");
    await page.waitForTimeout(1500);
    const [answer] = await orm(page, "cusoft.whatsapp.message", "search", [[["direction", "=", "outbound"], ["body", "like", "We will send a new one"]]], { limit: 1, order: "id desc" });
    await simulate({ message_type: "reaction", reaction_to_id: answer, reaction_emoji: "🙏" });
    // Live, through the bus: the reaction on the answer, and the answer's ticks once the simulated
    // customer has read it.
    await page.waitForSelector(".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_reaction_inbound", { timeout: 30000 });
    await page.waitForSelector(".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_outbound .o_cusoft_whatsapp_tick_read", { timeout: 30000 });
    await page.screenshot({ path: join(outDir, "thread_media.png") });

    // The sandbox: a simulated customer writes through the real webhook.
    await page.goto(`${base}/odoo/action-cusoft_whatsapp_sandbox.cusoft_whatsapp_sandbox_simulator_action`);
    await page.waitForSelector(".o_field_widget[name='message_type']");
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, "sandbox_simulate.png"), fullPage: true });
    console.log("screenshots: docs/screenshots/template_picker.png, template_sender.png, template_builder.png, thread_media.png, sandbox_simulate.png");
});
