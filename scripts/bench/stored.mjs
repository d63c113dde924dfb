// POST → stored: when each posted message becomes visible in the database, polled every 50 ms while
// the load runs, so each message is timed from its own POST.
import { db } from "./odoo.mjs";
import { percentiles } from "./http.mjs";

/** Polls while `results` are still being produced, so each message's visibility is timed as it happens. */
export function watch(resultsRef) {
    const seen = new Map();
    let stop = false;
    const done = (async () => {
        while (!stop) {
            const waiting = resultsRef.filter((r) => r.status === 200 && !seen.has(r.tag)).map((r) => r.tag);
            if (waiting.length) {
                const { rows } = await db.query("SELECT wamid FROM cusoft_whatsapp_message WHERE wamid = ANY($1)", [waiting]);
                const now = Date.now();
                for (const { wamid } of rows) seen.set(wamid, now);
            }
            await new Promise((r) => setTimeout(r, 50));
        }
    })();
    return {
        async finish(timeoutMs = 90000) {
            const deadline = Date.now() + timeoutMs;
            while (Date.now() < deadline && resultsRef.some((r) => r.status === 200 && !seen.has(r.tag))) {
                await new Promise((r) => setTimeout(r, 50));
            }
            stop = true;
            await done;
            const posted = resultsRef.filter((r) => r.status === 200);
            const latencies = posted.filter((r) => seen.has(r.tag)).map((r) => (seen.get(r.tag) - r.sentAt) / 1000);
            return { ...percentiles(latencies), lost: posted.length - latencies.length };
        },
    };
}
