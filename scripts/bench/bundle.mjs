// Bench scenario "bundle": what the addon adds to the page, as Odoo serves it (JS through rjsmin,
// Odoo's minifier, the templates without comments and with their indentation collapsed, the styles
// through libsass, all gzipped), beside Odoo's own Discuss code (addons/mail/static/src, same treatment). Needs no Odoo server.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../lib/assets.mjs";

const ODOO_SRC = process.env.ODOO_SRC ?? "/opt/odoo/src";
const BUILT = join(ROOT, "addon/cusoft_whatsapp/static/src");

/** Odoo's minifier over the given files, one after the other (as a bundle concatenates them). */
function odooMinified(files) {
    const script = `import sys
from rjsmin import jsmin
sys.stdout.write("\\n".join(jsmin(open(f, encoding="utf-8").read()) for f in sys.argv[1:]))`;
    return execFileSync("/usr/bin/python3.11", ["-c", script, ...files], { maxBuffer: 256 * 1024 * 1024 });
}

function cssOf(scssFile) {
    const script = `import sass, sys
sys.stdout.write(sass.compile(string=open(${JSON.stringify(scssFile)}, encoding="utf-8").read(), output_style="compressed"))`;
    return execFileSync("/usr/bin/python3.11", ["-c", script], { maxBuffer: 64 * 1024 * 1024 });
}

/** Odoo bundles templates without their comments (its XML parser has remove_comments=True);
 * indentation between tags is all a minifier would drop besides. */
function templatesOf(xmlFile) {
    return Buffer.from(readFileSync(xmlFile, "utf8").replace(/<!--[\s\S]*?-->/g, "").replace(/>\s+</g, "><"));
}

function filesUnder(dir, suffix) {
    const out = [];
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            out.push(...filesUnder(path, suffix));
        } else if (name.endsWith(suffix)) {
            out.push(path);
        }
    }
    return out;
}

const kb = (buffer) => gzipSync(buffer, { level: 9 }).length / 1024;

export function bundleSize() {
    const ours = {
        js: kb(odooMinified([join(BUILT, "cusoft_whatsapp.js")])),
        xml: kb(templatesOf(join(BUILT, "cusoft_whatsapp.xml"))),
        css: kb(cssOf(join(BUILT, "cusoft_whatsapp.scss"))),
    };
    const mailDir = join(ODOO_SRC, "addons/mail/static/src");
    const mail = {
        js: kb(odooMinified(filesUnder(mailDir, ".js"))),
        xml: kb(Buffer.concat(filesUnder(mailDir, ".xml").map(templatesOf))),
    };
    return { ours, oursTotal: ours.js + ours.xml + ours.css, mail, mailTotal: mail.js + mail.xml };
}
