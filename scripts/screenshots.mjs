// node scripts/screenshots.mjs [baseUrl] [accountId]: screenshots of Settings → WhatsApp, of an
// account view, of the inbox, taken in headless Debian Chromium against a running local Odoo (npm run odoo). In a
// database with no number yet, only the setup checklist (docs/screenshots/setup_checklist.png) and the
// empty inbox that shows it (inbox_setup.png).
import { join } from "node:path";
import { SCREENSHOTS, withOdooPage } from "./lib/screenshot_session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:8069";
const accountId = process.argv[3] ?? "1";
const outDir = SCREENSHOTS;

await withOdooPage(base, { width: 1366, height: 1000 }, async (page) => {

    await page.goto(`${base}/odoo/settings#cusoft_whatsapp`);
    // The setup checklist, when something is left to do (a new database: run this on one to update it).
    await page.waitForSelector(".o_cusoft_whatsapp_home .o_cusoft_whatsapp_account, .o_cusoft_whatsapp_home .o_cusoft_whatsapp_empty");
    if (await page.locator(".o_cusoft_whatsapp_setup").count()) {
        await page.setViewportSize({ width: 1366, height: 1800 }); // the whole list, without the page's scroll
        await page.locator(".o_cusoft_whatsapp_setup").screenshot({ path: join(outDir, "setup_checklist.png") });
        await page.setViewportSize({ width: 1366, height: 1000 });
    }
    if (await page.locator(".o_cusoft_whatsapp_home .o_cusoft_whatsapp_empty").count()) {
        // The inbox of a new database: what an administrator meets before the first message.
        await page.setViewportSize({ width: 1366, height: 1000 });
        await page.goto(`${base}/odoo/whatsapp`);
        await page.waitForSelector(".o_cusoft_whatsapp_inbox_setup .o_cusoft_whatsapp_setup_steps");
        await page.screenshot({ path: join(outDir, "inbox_setup.png") });
        console.log(`no number yet: only the setup checklist and the empty inbox were taken, in ${outDir}`);
    } else {
        await numbersAndDeliveries(page);
    }
});

async function numbersAndDeliveries(page) {
    await page.locator(".app_settings_block[data-key=cusoft_whatsapp]").screenshot({ path: join(outDir, "settings.png") });

    await page.goto(`${base}/odoo/action-cusoft_whatsapp.cusoft_whatsapp_account_action/${accountId}`);
    await page.waitForSelector(".o_cusoft_whatsapp_account_card dl");
    await page.screenshot({ path: join(outDir, "account.png"), fullPage: true });

    await page.goto(`${base}/odoo/action-cusoft_whatsapp.cusoft_whatsapp_home_action`);
    await page.waitForSelector(".o_cusoft_whatsapp_home .o_cusoft_whatsapp_account");
    await page.screenshot({ path: join(outDir, "overview.png") });

    // The inbox (/odoo/whatsapp) with its first conversation open, when the database has one.
    await page.goto(`${base}/odoo/whatsapp`);
    await page.waitForSelector(".o_cusoft_whatsapp_inbox");
    const first = page.locator(".o_cusoft_whatsapp_conversation").first();
    if (await first.count()) {
        await first.click();
        await page.waitForSelector(".o_cusoft_whatsapp_thread_pane .o_cusoft_whatsapp_message");
    }
    await page.screenshot({ path: join(outDir, "inbox.png") });

    // The deliveries waiting for a person (the Overview's Review button leads here).
    await page.goto(`${base}/odoo/action-cusoft_whatsapp.cusoft_whatsapp_webhook_event_action`);
    await page.waitForSelector(".o_list_view .o_data_row, .o_view_nocontent");
    await page.screenshot({ path: join(outDir, "webhook_deliveries.png") });
    console.log(`screenshots written to ${outDir}`);
}
