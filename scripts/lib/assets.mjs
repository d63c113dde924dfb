// What `npm run build`, `npm run check:bundle` and the browser tests share: how the sources
// under static_src/ become the files Odoo's web.assets_backend loads.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SRC = join(ROOT, "static_src");
export const OUT_DIR = join(ROOT, "addon/cusoft_whatsapp/static/src");
export const OUT_JS = "cusoft_whatsapp.js";
export const OUT_XML = "cusoft_whatsapp.xml";
export const OUT_SCSS = "cusoft_whatsapp.scss";
export const ODOO_EXTERNALS = ["@odoo/owl", "@web/*", "@mail/*", "@bus/*"];
export const BANNER = "/** @odoo-module */";

/** Sorted by path so the output never depends on the file system's listing order. */
export function sourceFiles(ext, dir = SRC) {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            found.push(...sourceFiles(ext, path));
        } else if (entry.name.endsWith(ext)) {
            found.push(path);
        }
    }
    return found.sort();
}

const TEMPLATES_OPEN = /^\s*<\?xml[^>]*>\s*|<templates[^>]*>|<\/templates>\s*$/g;

/** One <templates> document holding every component template, as Odoo and OWL both load it. */
export function combinedTemplates() {
    const parts = sourceFiles(".xml").map((file) => {
        const body = readFileSync(file, "utf8").replace(TEMPLATES_OPEN, "").trim();
        return `<!-- ${relative(ROOT, file)} -->\n${body}`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Built by npm run build from static_src/: do not edit. -->\n<templates xml:space="preserve">\n${parts.join("\n\n")}\n</templates>\n`;
}

export function combinedStyles() {
    const parts = sourceFiles(".scss").map(
        (file) => `// ${relative(ROOT, file)}\n${readFileSync(file, "utf8").trim()}\n`
    );
    return `// Built by npm run build from static_src/: do not edit.\n${parts.join("\n")}`;
}

/** esbuild options for the Odoo bundle; `outdir` decides where it lands. */
export function bundleOptions(outdir) {
    return {
        entryPoints: { cusoft_whatsapp: join(SRC, "main.ts") },
        outdir,
        bundle: true,
        format: "esm",
        target: "es2022",
        platform: "browser",
        external: ODOO_EXTERNALS,
        alias: { luxon: join(SRC, "shims/luxon.ts") },
        banner: { js: BANNER },
        // Odoo minifies bundles itself; renamed identifiers would also hide `_t` from its term extraction.
        minify: false,
        legalComments: "none",
        charset: "utf8",
        sourcemap: false,
        logLevel: "warning",
        tsconfig: join(ROOT, "tsconfig.json"),
    };
}
