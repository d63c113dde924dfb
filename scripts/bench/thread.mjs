// Bench scenario "thread": opening a conversation of 5,000 messages in headless Chromium (aim:
// painted in < 100 ms), and the time per frame while scrolling up through it. Needs no Odoo.
import { build } from "esbuild";
import { createServer } from "node:http";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, combinedStyles, combinedTemplates } from "../lib/assets.mjs";

const OUT = join(ROOT, "bench/.thread");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function contract() {
    const dir = join(ROOT, "test/contract");
    const fixtures = {};
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
        fixtures[basename(name, ".json")] = JSON.parse(readFileSync(join(dir, name), "utf8"));
    }
    return fixtures;
}

// The essentials of the SCSS (which needs Odoo's SCSS pipeline) for a realistic layout.
const CSS = `
.o_cusoft_whatsapp_thread_pane { display: flex; flex-direction: column; height: 100%; }
.o_cusoft_whatsapp_message_list { position: relative; overflow-y: auto; overflow-anchor: none; flex: 1 1 auto; min-height: 0; }
.o_cusoft_whatsapp_message { position: relative; display: flex; flex-direction: column; padding: 2px 12px; }
.o_cusoft_whatsapp_bubble { max-width: 80%; padding: 6px 8px; border-radius: 8px; background: #fff; }
.o_cusoft_whatsapp_actions { position: absolute; opacity: 0; }
.d-none, .visually-hidden { display: none; }
`;

export async function threadPaint({ messages = 5000, runs = 7 } = {}) {
    mkdirSync(OUT, { recursive: true });
    await build({
        entryPoints: [join(ROOT, "scripts/bench/thread-page.ts")],
        outfile: join(OUT, "page.js"),
        bundle: true, format: "esm", target: "es2022", platform: "browser", minify: true, logLevel: "warning",
        tsconfig: join(ROOT, "tsconfig.json"),
    });
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<script>window.cusoftContract = ${JSON.stringify(contract())};</script>
<script type="module" src="/page.js"></script></body></html>`;
    const server = createServer((req, res) => {
        if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
        if (req.url === "/page.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(join(OUT, "page.js")));
        if (req.url === "/templates.xml") return res.writeHead(200, { "content-type": "application/xml" }).end(combinedTemplates());
        res.writeHead(204).end();
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(`http://127.0.0.1:${server.address().port}/`);
        await tab.waitForFunction(() => "benchThread" in window);
        const results = await tab.evaluate(async ({ messages, runs }) => {
            const templates = await (await fetch("/templates.xml")).text();
            const out = [];
            for (let i = 0; i < runs; i++) {
                out.push(await window.benchThread(messages, templates));
            }
            return out;
        }, { messages, runs });
        // The first run also compiles the templates: reported apart from the warm median.
        const median = (key) => {
            const values = results.slice(1).map((r) => r[key]).sort((a, b) => a - b);
            return values[Math.floor(values.length / 2)];
        };
        const frames = results.slice(1).flatMap((r) => r.scrollMs).sort((a, b) => a - b);
        return {
            messages,
            coldMs: results[0].paintMs,
            medianMs: median("paintMs"),
            mountMs: median("mountMs"),
            idleFrameMs: median("idleFrameMs"),
            rows: results[0].rows,
            scrollP50: frames[Math.floor(frames.length * 0.5)],
            scrollP95: frames[Math.floor(frames.length * 0.95)],
        };
    } finally {
        await browser.close();
        server.close();
    }
}

if (import.meta.url === `file://${process.argv[1]}`) {
    console.log(await threadPaint({ messages: Number(process.argv[2] ?? 5000) }));
}
