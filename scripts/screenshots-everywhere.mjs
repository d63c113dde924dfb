// node scripts/screenshots-everywhere.mjs [baseUrl] [leadId] [partnerId]: screenshots of the chat
// where users already are (Discuss's WhatsApp category with a conversation open, the systray's
// dropdown, a lead's chat panel, the WhatsApp button of a contact's phone), taken in headless Debian
// Chromium against a running local Odoo whose admin is a WhatsApp user with a few conversations.
import { join } from "node:path";
import { SCREENSHOTS, withOdooPage } from "./lib/screenshot_session.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:8069";
const leadId = process.argv[3] ?? "1";
const partnerId = process.argv[4] ?? "1";
const outDir = SCREENSHOTS;

await withOdooPage(base, { width: 1366, height: 800 }, async (page) => {

    await page.goto(`${base}/odoo/discuss`);
    await page.click(".o_cusoft_whatsapp_sidebar_item[data-mine='1']");
    await page.waitForSelector(".o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_message, .o_cusoft_whatsapp_discuss_main .o_cusoft_whatsapp_bubble");
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, "discuss_whatsapp.png") });

    await page.click(".o_cusoft_whatsapp_systray button");
    await page.waitForSelector(".o_cusoft_whatsapp_attention_list");
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, "systray.png") });
    await page.keyboard.press("Escape");

    await page.goto(`${base}/odoo/action-crm.crm_lead_action_pipeline/${leadId}`);
    await page.click(".o_form_view .o_notebook .nav-link:has-text('WhatsApp')");
    await page.waitForSelector(".o_cusoft_whatsapp_chat_panel .o_cusoft_whatsapp_thread_pane");
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outDir, "lead_panel.png"), fullPage: true });

    await page.goto(`${base}/odoo/contacts/${partnerId}`);
    // Like Call and SMS, the button shows when the pointer is on the field.
    const phone = page.locator(".o_field_phone:has(.o_cusoft_whatsapp_phone_button)").first();
    await phone.hover();
    await phone.locator(".o_cusoft_whatsapp_phone_button").waitFor();
    await page.locator(".o_form_sheet").screenshot({ path: join(outDir, "contact_phone.png") });
    console.log(`screenshots written to ${outDir}`);
});
