// npm run bench:webhook: how fast the local Odoo acknowledges signed webhook deliveries, beside
// Odoo's own cheapest route (/web/webclient/version_info) measured in the same run.
// Starts its own Odoo (database cusoft_bench, crons off: only the acknowledgement is measured).
import { execFileSync, spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import { ROOT } from "./lib/assets.mjs";

const ODOO_HOME = process.env.ODOO_HOME ?? "/opt/odoo";
const DB = process.env.BENCH_DB ?? "cusoft_bench";
const PORT = Number(process.env.BENCH_PORT ?? 8071);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const SECRET = "bench-app-secret-0123456789";
const KEY = "bench-encryption-key-0123456789";
const ADDONS = `${ODOO_HOME}/src/addons,${ODOO_HOME}/src/odoo/addons,${ROOT}/addon`;
const env = { ...process.env, CUSOFT_WHATSAPP_KEY: KEY };
const odooArgs = (...extra) => ["odoo-bin", "-c", `${ODOO_HOME}/odoo.conf`, `--addons-path=${ADDONS}`, "-d", DB, ...extra];
const shellArgs = (...extra) => ["odoo-bin", "shell", "-c", `${ODOO_HOME}/odoo.conf`, `--addons-path=${ADDONS}`, "-d", DB, ...extra];

function prepareDatabase() {
    execFileSync("bash", ["-c", `source ${ROOT}/scripts/lib/postgres.sh && ensure_postgres`], { stdio: "inherit" });
    console.log(`bench: installing/updating the addon in ${DB}…`);
    const installed = (() => {
        try {
            return execFileSync("psql", ["-h", "localhost", "-U", "odoo", "-d", DB, "-tAc",
                "select 1 from ir_module_module where name='cusoft_whatsapp' and state='installed'"],
            { env: { ...env, PGPASSWORD: "odoo" }, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() === "1";
        } catch {
            return false;
        }
    })();
    execFileSync("/usr/bin/python3.11", odooArgs(installed ? "-u" : "-i", "cusoft_whatsapp", "--without-demo=all",
        "--stop-after-init", "--log-level=warn", "--http-port", String(PORT)), { cwd: `${ODOO_HOME}/src`, env, stdio: "inherit" });
    const seed = `
company = env.company
env["cusoft.whatsapp.secret"]._store(company, "app_secret", ${JSON.stringify(SECRET)})
if not env["cusoft.whatsapp.account"].search([("phone_number_id", "=", "110000000000001")]):
    env["cusoft.whatsapp.account"].create({"name": "Bench", "waba_id": "100000000000001", "phone_number_id": "110000000000001"})
env.cr.commit()
`;
    execFileSync("/usr/bin/python3.11", shellArgs("--no-http", "--log-level=warn"), { cwd: `${ODOO_HOME}/src`, env, input: seed });
}

function startOdoo() {
    const child = spawn("/usr/bin/python3.11", odooArgs("--http-port", String(PORT), "--max-cron-threads=0", "--log-level=warn",
        "--http-interface=127.0.0.1", `--db-filter=^${DB}$`), { cwd: `${ODOO_HOME}/src`, env, stdio: ["ignore", "ignore", "inherit"] });
    return child;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(path, body, headers) {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const req = http.request({ host: "127.0.0.1", port: PORT, path, method: "POST", agent, headers: { ...headers, "Content-Length": body.length } }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
        });
        req.on("error", reject);
        req.end(body);
    });
}

async function waitUntilUp() {
    for (let i = 0; i < 120; i++) {
        try {
            await request("/web/webclient/version_info", Buffer.from('{"jsonrpc":"2.0","method":"call","params":{}}'), { "Content-Type": "application/json" });
            return;
        } catch {
            await new Promise((r) => setTimeout(r, 500));
        }
    }
    throw new Error("Odoo did not start");
}

async function measure(label, makeRequest) {
    for (let i = 0; i < 50; i++) await makeRequest(i); // warm-up
    const latencies = [];
    let next = 0;
    let failures = 0;
    const started = process.hrtime.bigint();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
            const { status, ms } = await makeRequest(next++);
            if (status !== 200) failures++;
            latencies.push(ms);
        }
    }));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    const result = { label, rps: REQUESTS / seconds, p50: pct(50), p99: pct(99), failures };
    console.log(`${label.padEnd(34)} ${result.rps.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1)} ms   p99 ${result.p99.toFixed(1)} ms   non-200: ${failures}`);
    return result;
}

function delivery(i) {
    const body = Buffer.from(JSON.stringify({
        object: "whatsapp_business_account",
        entry: [{ id: "100000000000001", changes: [{ field: "messages", value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "15550001234", phone_number_id: "110000000000001" },
            contacts: [{ profile: { name: "Bench" }, wa_id: `1555${String(i % 500).padStart(7, "0")}` }],
            messages: [{ from: `1555${String(i % 500).padStart(7, "0")}`, id: `wamid.bench.${Date.now()}.${i}`, timestamp: "1793000000", type: "text", text: { body: `bench ${i}` } }],
        } }] }],
    }));
    const signature = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
    return { body, headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature } };
}

prepareDatabase();
const odoo = startOdoo();
try {
    await waitUntilUp();
    console.log(`bench: ${REQUESTS} requests per route, ${CONCURRENCY} concurrent, Odoo threaded on 127.0.0.1:${PORT}`);
    const floorBody = Buffer.from('{"jsonrpc":"2.0","method":"call","params":{}}');
    const floor = await measure("Odoo floor /web/webclient/version_info", () => request("/web/webclient/version_info", floorBody, { "Content-Type": "application/json" }));
    const deliveries = Array.from({ length: REQUESTS + 50 }, (_, i) => delivery(i));
    const hook = await measure("signed POST /whatsapp/webhook", (i) => request("/whatsapp/webhook", deliveries[i].body, deliveries[i].headers));
    console.log(`webhook throughput = ${((hook.rps / floor.rps) * 100).toFixed(0)}% of Odoo's floor (aim: 80%)`);
} finally {
    odoo.kill("SIGTERM");
    agent.destroy();
}
