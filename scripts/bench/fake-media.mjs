// A loopback stand-in for Graph's media endpoints whose downloads hang: headers, then nothing.
import http from "node:http";

export function startHangingMedia(port) {
    const hanging = new Set();
    const stats = { downloads: 0 };
    const server = http.createServer((req, res) => {
        if (req.url.includes("/media-download/")) {
            res.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": "1000000" });
            res.write(Buffer.alloc(10));
            stats.downloads++;
            hanging.add(res); // never ends: the addon's read timeout must give up, not the text behind it
            return;
        }
        const id = req.url.split("?")[0].split("/").pop();
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ messaging_product: "whatsapp", id, mime_type: "image/jpeg", sha256: "00", file_size: 1000000,
            url: `http://127.0.0.1:${port}/media-download/${id}` }));
    });
    server.listen(port, "127.0.0.1");
    return { url: `http://127.0.0.1:${port}`, stats, close: () => { for (const res of hanging) res.destroy(); server.close(); } };
}
