// The Odoo servers of the benchmark: one database, started and stopped per scenario, in threaded or
// prefork mode, with or without cron threads. Odoo's log goes to a file so that a scenario can count
// what it printed (serialization errors during a flood).
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ROOT } from "../lib/assets.mjs";

export const ODOO_HOME = process.env.ODOO_HOME ?? "/opt/odoo";
export const DB = process.env.BENCH_DB ?? "cusoft_bench";
export const SECRET = "bench-app-secret-0123456789";
export const TOKEN = "bench-token-0123456789";
export const PHONE_NUMBER_ID = "110000000000001";
const KEY = "bench-encryption-key-0123456789";
const ADDONS = `${ODOO_HOME}/src/addons,${ODOO_HOME}/src/odoo/addons,${ROOT}/addon`;
const env = { ...process.env, CUSOFT_WHATSAPP_KEY: KEY };
const LOGS = mkdtempSync(join(tmpdir(), "cusoft-bench-"));
export const odooCommand = (database, ...extra) => ["odoo-bin", "-c", `${ODOO_HOME}/odoo.conf`, `--addons-path=${ADDONS}`, "-d", database, ...extra];
const odooArgs = (...extra) => odooCommand(DB, ...extra);
export const odooEnv = env;

export const db = new pg.Pool({ host: "localhost", user: "odoo", password: "odoo", database: DB, max: 4 });
const postgres = new pg.Pool({ host: "localhost", user: "odoo", password: "odoo", database: "postgres", max: 1 });

export function prepareDatabase(graphUrl) {
    execFileSync("bash", ["-c", `source ${ROOT}/scripts/lib/postgres.sh && ensure_postgres`], { stdio: "inherit" });
    let installed = false;
    try {
        installed = execFileSync("psql", ["-h", "localhost", "-U", "odoo", "-d", DB, "-tAc",
            "select 1 from ir_module_module where name='cusoft_whatsapp' and state='installed'"],
        { env: { ...env, PGPASSWORD: "odoo" }, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() === "1";
    } catch { /* no database yet */ }
    console.log(`bench: ${installed ? "updating" : "installing"} the addon in ${DB}…`);
    execFileSync("/usr/bin/python3.11", odooArgs(installed ? "-u" : "-i", "cusoft_whatsapp", "--without-demo=all",
        "--stop-after-init", "--log-level=warn", "--http-port=8079"), { cwd: `${ODOO_HOME}/src`, env, stdio: "inherit" });
    const seed = `
company = env.company
env["cusoft.whatsapp.secret"]._store(company, "app_secret", ${JSON.stringify(SECRET)})
account = env["cusoft.whatsapp.account"].with_context(active_test=False).search([("phone_number_id", "=", "${PHONE_NUMBER_ID}")])
if not account:
    account = env["cusoft.whatsapp.account"].create({"name": "Bench", "waba_id": "100000000000001", "phone_number_id": "${PHONE_NUMBER_ID}"})
account.token = ${JSON.stringify(TOKEN)}
params = env["ir.config_parameter"].sudo()
params.set_param("cusoft_whatsapp.graph_url", ${JSON.stringify(graphUrl)})
params.set_param("cusoft_whatsapp.media_hosts", "127.0.0.1")
env.cr.commit()
`;
    execFileSync("/usr/bin/python3.11", ["odoo-bin", "shell", "-c", `${ODOO_HOME}/odoo.conf`, `--addons-path=${ADDONS}`, "-d", DB,
        "--no-http", "--log-level=warn"], { cwd: `${ODOO_HOME}/src`, env, input: seed });
}

/** Starts one Odoo server; resolves once it answers. `workers` 0 = threaded. */
export async function startOdoo({ port, workers = 0, cronThreads = 0, name, database = DB }) {
    const log = join(LOGS, `${name}.log`);
    const out = openSync(log, "w");
    const child = spawn("/usr/bin/python3.11", odooCommand(database, "--http-port", String(port), `--gevent-port=${port + 1000}`,
        `--workers=${workers}`, `--max-cron-threads=${cronThreads}`, "--log-level=warn", "--http-interface=127.0.0.1",
        // -d without --db-filter: with a filter Odoo lists the databases (a new connection) on every request.
        "--limit-time-real=600", "--limit-time-cpu=600"), { cwd: `${ODOO_HOME}/src`, env, stdio: ["ignore", out, out] });
    const server = { child, port, log, stop: () => stop(child) };
    for (let i = 0; i < 240; i++) {
        try {
            const response = await fetch(`http://127.0.0.1:${port}/web/webclient/version_info`, {
                method: "POST", headers: { "Content-Type": "application/json" }, body: '{"jsonrpc":"2.0","method":"call","params":{}}',
            });
            if (response.ok) return server;
        } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 250));
    }
    child.kill("SIGKILL");
    throw new Error(`Odoo did not start (log: ${log})`);
}

function stop(child) {
    return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 8000).unref();
    });
}

export function logText(server) {
    return readFileSync(server.log, "utf8");
}

/** Empties what the previous scenario left: events, messages, conversations, triggers. */
export async function resetData() {
    await db.query(`
        DELETE FROM cusoft_whatsapp_message;
        DELETE FROM cusoft_whatsapp_message_status;
        DELETE FROM cusoft_whatsapp_conversation;
        DELETE FROM cusoft_whatsapp_webhook_event;
        DELETE FROM cusoft_whatsapp_webhook_rejection;
        DELETE FROM ir_cron_trigger;
        DELETE FROM bus_bus;`);
}

/** What Odoo's own NOTIFY does: wakes the cron threads of every server on this database. */
export async function wakeCrons() {
    await postgres.query("SELECT pg_notify('cron_trigger', $1)", [DB]);
}

export async function closePools() {
    await db.end();
    await postgres.end();
}
