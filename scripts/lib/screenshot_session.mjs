// The screenshot scripts' common start: headless Debian Chromium (never a downloaded browser),
// logged in to a running local Odoo, and the folder the pictures go to.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "./assets.mjs";

export const SCREENSHOTS = join(ROOT, "docs/screenshots");

/** Runs `shoot(page)` in a logged-in page, then closes the browser whatever happened. */
export async function withOdooPage(base, viewport, shoot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const browser = await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
        const page = await browser.newPage({ viewport });
        await page.goto(`${base}/web/login`);
        await page.fill("input[name=login]", process.env.ODOO_LOGIN ?? "admin");
        await page.fill("input[name=password]", process.env.ODOO_PASSWORD ?? "admin");
        await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
        await shoot(page);
    } finally {
        await browser.close();
    }
}
