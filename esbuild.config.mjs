// npm run build: static_src/ → addon/cusoft_whatsapp/static/src/ (bundle, templates, styles).
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT_DIR, OUT_SCSS, OUT_XML, bundleOptions, combinedStyles, combinedTemplates } from "./scripts/lib/assets.mjs";

export async function buildInto(outdir) {
    await build(bundleOptions(outdir));
    writeFileSync(join(outdir, OUT_XML), combinedTemplates());
    writeFileSync(join(outdir, OUT_SCSS), combinedStyles());
}

if (import.meta.url === `file://${process.argv[1]}`) {
    await buildInto(OUT_DIR);
    console.log(`built ${OUT_DIR}`);
}
