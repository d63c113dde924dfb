// The chat's server figures (issue 11): the routes the inbox calls, on a database seeded with 100,000
// conversations and 2,000,000 messages (scripts/seed-chat.sql), each beside Odoo's floor route
// measured in the same run. The seeded database is kept between runs: seeding takes minutes.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../lib/assets.mjs";
import { client, percentiles } from "./http.mjs";
import { ODOO_HOME, odooCommand, odooEnv, startOdoo } from "./odoo.mjs";

export const CHAT_DB = process.env.BENCH_CHAT_DB ?? "cusoft_bench_chat";
const psqlEnv = { ...process.env, PGPASSWORD: "odoo" };

function psql(database, ...args) {
    return execFileSync("psql", ["-h", "localhost", "-U", "odoo", "-d", database, "-v", "ON_ERROR_STOP=1", ...args],
        { env: psqlEnv, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
}

function odoo(...args) {
    execFileSync("/usr/bin/python3.11", odooCommand(CHAT_DB, ...args), { cwd: `${ODOO_HOME}/src`, env: odooEnv, stdio: "inherit" });
}

/** Installs the addon (or updates it), adds one number, seeds once. */
export function prepareChatDatabase() {
    let state = "";
    try {
        state = psql(CHAT_DB, "-tAc", "select state from ir_module_module where name='cusoft_whatsapp'");
    } catch { /* no database yet */ }
    console.log(`bench chat: ${state === "installed" ? "updating" : "installing"} the addon in ${CHAT_DB}…`);
    odoo(state === "installed" ? "-u" : "-i", "cusoft_whatsapp", "--without-demo=all", "--stop-after-init",
        "--log-level=warn", "--http-port=8078");
    if (psql(CHAT_DB, "-tAc", "select count(*) from cusoft_whatsapp_account") === "0") {
        execFileSync("/usr/bin/python3.11", ["odoo-bin", "shell", ...odooCommand(CHAT_DB, "--no-http", "--log-level=warn").slice(1)], {
            cwd: `${ODOO_HOME}/src`, env: odooEnv,
            input: `env["cusoft.whatsapp.account"].create({"name": "Bench chat", "waba_id": "100000000000001", "phone_number_id": "110000000000001"})\nenv.cr.commit()\n`,
        });
    }
    if (psql(CHAT_DB, "-tAc", "select count(*) from cusoft_whatsapp_conversation where wa_id like '990%'") === "0") {
        console.log("bench chat: seeding 100,000 conversations and 2,000,000 messages (a few minutes, once)…");
        psql(CHAT_DB, "-q", "-f", join(ROOT, "scripts", "seed-chat.sql"));
        psql(CHAT_DB, "-c", "VACUUM ANALYZE");
    }
}

async function login(port) {
    const response = await fetch(`http://127.0.0.1:${port}/web/session/authenticate`, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", method: "call", params: { db: CHAT_DB, login: "admin", password: "admin" } }),
    });
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
    const answer = await response.json();
    if (!cookie || answer.error) throw new Error(`bench chat: cannot log in as admin: ${JSON.stringify(answer.error)}`);
    return cookie;
}

/** `count` sequential calls of one route (c=1: the time one user waits), after a warm-up. */
async function timeRoute(port, cookie, path, params, count) {
    const { post, close } = client(port, 1);
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", method: "call", params }));
    const headers = { "Content-Type": "application/json", Cookie: cookie };
    const times = [];
    try {
        for (let i = 0; i < count + 5; i++) {
            const result = await post(path, body, headers);
            if (result.status !== 200) throw new Error(`bench chat: ${path} answered ${result.status}`);
            if (i >= 5) times.push(result.ms);
        }
    } finally {
        close();
    }
    return percentiles(times);
}

export async function chatRoutes({ port, scale, row, aim, round }) {
    prepareChatDatabase();
    const big = psql(CHAT_DB, "-tAc", "select id from cusoft_whatsapp_conversation where wa_id = '990000000001'");
    const oldest = psql(CHAT_DB, "-tAc", `select min(id) + 2500 from cusoft_whatsapp_message where conversation_id = ${big}`);
    const server = await startOdoo({ port, name: "chat", database: CHAT_DB });
    try {
        const cookie = await login(port);
        const count = Math.max(20, Math.round(100 * scale));
        const floor = await timeRoute(port, cookie, "/web/webclient/version_info", {}, count);
        const routes = [
            ["first inbox page (40)", "/cusoft_whatsapp/chat/conversations", {}],
            ["unread filter page", "/cusoft_whatsapp/chat/conversations", { filter: "unread" }],
            ["search by name", "/cusoft_whatsapp/chat/conversations", { search: "Customer 4242" }],
            ["thread: newest page of 5,000", "/cusoft_whatsapp/chat/messages", { conversation_id: Number(big) }],
            ["thread: page in the middle", "/cusoft_whatsapp/chat/messages", { conversation_id: Number(big), before: Number(oldest) }],
        ];
        for (const [label, path, params] of routes) {
            const figures = await timeRoute(port, cookie, path, params, count);
            row("chat (2M messages)", `${label} p50`, figures.p50, "ms", floor.p50, "Odoo floor", "lower");
            row("chat (2M messages)", `${label} p99`, figures.p99, "ms", floor.p99, "Odoo floor", "lower");
            if (!label.startsWith("search")) {
                // The aim is on server time; a round trip on loopback is an upper bound of it.
                aim(`${label}: ≤ 50 ms (round trip, an upper bound of server time)`, figures.p50 <= 50,
                    `p50 ${round(figures.p50, 1)} ms, p99 ${round(figures.p99, 1)} ms`);
            }
        }
    } finally {
        await server.stop();
    }
}
