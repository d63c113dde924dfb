// HTTP load against a local Odoo: a fixed number of requests or a fixed duration, at a concurrency.
import http from "node:http";

export function client(port, concurrency) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const post = (path, body, headers) => new Promise((resolve) => {
        const started = process.hrtime.bigint();
        const req = http.request({ host: "127.0.0.1", port, path, method: "POST", agent,
            headers: { ...headers, "Content-Length": body.length } }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, at: Date.now() }));
        });
        req.on("error", () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, at: Date.now() }));
        req.end(body);
    });
    return { post, close: () => agent.destroy() };
}

export function percentiles(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
    return { n: sorted.length, p50: pct(50), p99: pct(99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

/** `concurrency` loops sending `make(i)` until `count` requests or `seconds` have passed. */
export async function load({ port, concurrency, count = Infinity, seconds = Infinity, make, pauseMs = 0, results = [] }) {
    const { post, close } = client(port, concurrency);
    let next = 0;
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next < count && elapsed() < seconds) {
            const i = next++;
            const { path, body, headers, tag } = make(i);
            const sentAt = Date.now();
            const result = await post(path, body, headers);
            results.push({ ...result, sentAt, tag });
            if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        }
    }));
    close();
    const seconds_ = elapsed();
    return { results, seconds: seconds_, rps: results.length / seconds_, ...percentiles(results.map((r) => r.ms)),
        failures: results.filter((r) => r.status !== 200).length };
}
