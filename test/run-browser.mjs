// Browser tier: bundles test/**/*.test.ts with the real @odoo/owl, serves it with QUnit on
// 127.0.0.1, runs it in Debian's headless Chromium and prints QUnit's summary plus
// "N passed, N failed". Exits non-zero on any failed test, page error or console error; fails within
// seconds, with the error, when the test bundle does not load; refuses a stray QUnit.only.
import { build } from "esbuild";
import { createServer } from "node:http";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, combinedTemplates, sourceFiles } from "../scripts/lib/assets.mjs";

const BUILD_DIR = join(ROOT, "test/.build");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const filter = process.argv[2] ?? "";

// `QUnit.only` (or `test.only`, `module.only`) silently turns every other test off.
const ONLY = /\b(?:QUnit|test|module)\.only\s*\(|\bQUnit\.(?:test|module)\.only\b/;

function refuseOnly(files) {
    const found = [];
    for (const file of files) {
        readFileSync(file, "utf8").split("\n").forEach((line, index) => {
            if (ONLY.test(line)) {
                found.push(`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
            }
        });
    }
    if (found.length) {
        console.error(`Refusing to run: .only would skip every other test.\n${found.join("\n")}`);
        process.exit(1);
    }
}

async function bundleTests() {
    mkdirSync(BUILD_DIR, { recursive: true });
    const tests = sourceFiles(".test.ts", join(ROOT, "test"));
    refuseOnly([...tests, join(ROOT, "test/helpers.ts")]);
    const entry = join(BUILD_DIR, "entry.ts");
    writeFileSync(entry, tests.map((file) => `import "${relative(BUILD_DIR, file)}";`).join("\n") + "\n");
    await build({
        entryPoints: [entry],
        outfile: join(BUILD_DIR, "tests.js"),
        bundle: true,
        format: "esm",
        target: "es2022",
        platform: "browser",
        sourcemap: "inline",
        logLevel: "warning",
        tsconfig: join(ROOT, "tsconfig.json"),
    });
    return tests.length;
}

/** test/contract/*.json by file name: the routes' real answers, written by the Odoo tier. */
function contractFixtures() {
    const dir = join(ROOT, "test/contract");
    const fixtures = {};
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
        fixtures[basename(name, ".json")] = JSON.parse(readFileSync(join(dir, name), "utf8"));
    }
    return JSON.stringify(fixtures);
}

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>cusoft_whatsapp browser tests</title>
<link rel="stylesheet" href="/qunit.css"></head>
<body><div id="qunit"></div><div id="qunit-fixture"></div>
<script src="/qunit.js"></script>
<script>
  QUnit.config.autostart = false;
  // Backstop of refuseOnly() for an .only built some other way: loading the bundle then fails.
  const refuse = (name) => () => { throw new Error(name + " is refused: it would skip every other test"); };
  QUnit.only = refuse("QUnit.only");
  QUnit.test.only = refuse("QUnit.test.only");
  QUnit.module.only = refuse("QUnit.module.only");
  QUnit.config.filter = ${JSON.stringify(filter)};
  window.__results = { tests: [], done: null, loaded: false, loadError: null };
  QUnit.on("testEnd", (t) => window.__results.tests.push({
    name: t.fullName.join(" > "), status: t.status,
    errors: t.errors.map((e) => ({ message: e.message, actual: String(e.actual), expected: String(e.expected), stack: e.stack })),
  }));
  QUnit.on("runEnd", (r) => { window.__results.done = r; });
</script>
<script type="module">
  try {
    window.cusoftTemplates = await (await fetch("/templates.xml")).text();
    window.cusoftContract = await (await fetch("/contract.json")).json();
    await import("/tests.js");
    QUnit.start();
    window.__results.loaded = true;
  } catch (error) {
    window.__results.loadError = String(error && error.stack || error);
  }
</script></body></html>`;

function serve() {
    const files = {
        "/": ["text/html", () => PAGE],
        "/qunit.js": ["text/javascript", () => readFileSync(join(ROOT, "node_modules/qunit/qunit/qunit.js"))],
        "/qunit.css": ["text/css", () => readFileSync(join(ROOT, "node_modules/qunit/qunit/qunit.css"))],
        "/tests.js": ["text/javascript", () => readFileSync(join(BUILD_DIR, "tests.js"))],
        "/templates.xml": ["application/xml", () => combinedTemplates()],
        "/contract.json": ["application/json", () => contractFixtures()],
    };
    const server = createServer((req, res) => {
        const file = files[new URL(req.url, "http://x").pathname];
        if (!file) {
            // 204 rather than 404: Chromium reports a 404 (e.g. favicon.ico) as a console error.
            res.writeHead(req.url === "/favicon.ico" ? 204 : 404).end();
            return;
        }
        res.writeHead(200, { "content-type": file[0] }).end(file[1]());
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

class LoadFailure extends Error {}

const fileCount = await bundleTests();
const server = await serve();
const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const pageErrors = [];
let exitCode = 1;
try {
    const page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(`page error: ${error.message}`));
    page.on("console", (msg) => {
        if (msg.type() === "error") {
            pageErrors.push(`console error: ${msg.text()}`);
        }
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    // The bundle loads in well under a second; a load error or a page error before QUnit starts
    // ends the run at once instead of waiting for the run timeout.
    await page.waitForFunction(() => window.__results.loadError !== null || window.__results.loaded,
        null, { timeout: 15_000 }).catch(() => {});
    const loadError = await page.evaluate(() => window.__results.loadError ?? (window.__results.loaded ? null : "the test bundle did not load within 15 s"));
    if (loadError !== null) {
        console.log(`The test bundle failed to load:\n${loadError}`);
        for (const line of pageErrors) {
            console.log(line);
        }
        console.log("browser: 0 passed, 1 failed");
        process.exitCode = 1;
        throw new LoadFailure();
    }
    await page.waitForFunction(() => window.__results.done !== null, null, { timeout: 120_000 });
    const { tests, done } = await page.evaluate(() => window.__results);
    for (const t of tests) {
        console.log(`${t.status === "failed" ? "not ok" : t.status === "passed" ? "ok" : t.status} - ${t.name}`);
        for (const e of t.errors) {
            console.log(`    ${e.message}\n      actual:   ${e.actual}\n      expected: ${e.expected}\n${(e.stack ?? "").split("\n").slice(0, 3).map((l) => "      " + l).join("\n")}`);
        }
    }
    for (const line of pageErrors) {
        console.log(line);
    }
    const { passed, failed, skipped, todo, total } = done.testCounts;
    console.log(`\nQUnit: ${total} tests in ${fileCount} files, ${done.runtime} ms: ${passed} passed, ${failed} failed, ${skipped} skipped, ${todo} todo`);
    console.log(`browser: ${passed} passed, ${failed + pageErrors.length} failed`);
    exitCode = failed === 0 && pageErrors.length === 0 && total > 0 && skipped === 0 && todo === 0 ? 0 : 1;
} catch (error) {
    if (!(error instanceof LoadFailure)) {
        throw error;
    }
} finally {
    await browser.close();
    server.close();
}
process.exit(exitCode);
