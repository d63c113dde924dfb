// npm run check:bundle: the committed build output must be exactly what a fresh build makes, and the
// bundle must keep to what Odoo 18's regex-based transpiler accepts (README.md, "Test tiers").
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildInto } from "../esbuild.config.mjs";
import { BANNER, OUT_DIR, OUT_JS, OUT_SCSS, OUT_XML, ROOT, SRC, sourceFiles } from "./lib/assets.mjs";

const problems = [];
const fresh = mkdtempSync(join(tmpdir(), "cusoft-bundle-"));
try {
    await buildInto(fresh);
    for (const name of [OUT_JS, OUT_XML, OUT_SCSS]) {
        const committed = join(OUT_DIR, name);
        if (!existsSync(committed)) {
            problems.push(`${name} is missing: run npm run build and commit the result`);
        } else if (!readFileSync(committed).equals(readFileSync(join(fresh, name)))) {
            problems.push(`${name} differs from a fresh build of static_src/: run npm run build and commit the result`);
        }
    }
    problems.push(...transpilerRuleViolations(readFileSync(join(OUT_DIR, OUT_JS), "utf8")));
    problems.push(...layeringViolations());
    problems.push(...odooTranspilerCheck(join(OUT_DIR, OUT_JS), fresh));
} finally {
    rmSync(fresh, { recursive: true, force: true });
}

if (problems.length) {
    console.error(`check:bundle FAILED\n- ${problems.join("\n- ")}`);
    process.exit(1);
}
console.log("check:bundle: committed bundle matches a fresh build and follows the transpiler rules");

/** Domain logic has its own types: static_src/domain/ never imports the API layer's wire types. */
function layeringViolations() {
    const found = [];
    for (const file of sourceFiles(".ts", join(SRC, "domain"))) {
        readFileSync(file, "utf8").split("\n").forEach((line, index) => {
            if (/^\s*(import|export)\b.*\bfrom\s+["'][^"']*\/api(\/|["'])/.test(line)) {
                found.push(`${relative(ROOT, file)}:${index + 1}: domain/ imports the API layer (map wire types to domain types in api/): ${line.trim()}`);
            }
        });
    }
    return found;
}

function transpilerRuleViolations(js) {
    const found = [];
    const lines = js.split("\n");
    if (lines[0] !== BANNER) {
        found.push(`the bundle's first line must be ${BANNER}`);
    }
    const importLine = /^import (\{[\w\s,]+\}|\* as \w+) from "(@odoo\/owl|@web\/[\w/]+|@mail\/[\w/]+|@bus\/[\w/]+)";$/;
    let exportBlocks = 0;
    lines.forEach((line, index) => {
        const where = `${OUT_JS}:${index + 1}`;
        if (/^\s*import\b/.test(line) && !importLine.test(line)) {
            found.push(`${where}: a line starting with "import" that is not an import of Odoo's modules: ${line.slice(0, 80)}`);
        }
        if (/^\s*export\b/.test(line)) {
            if (line === "export {") {
                exportBlocks++;
            } else {
                found.push(`${where}: only one final "export { ... }" is allowed (named exports, no default): ${line.slice(0, 80)}`);
            }
        }
    });
    if (exportBlocks > 1) {
        found.push("more than one export block");
    }
    if (/\bexport default\b/.test(js)) {
        found.push("export default is not allowed: Odoo's transpiler wants named exports");
    }
    return found;
}

/** Where Odoo is provisioned, run its own transpiler on the bundle and check the result parses. */
function odooTranspilerCheck(bundle, workDir) {
    const odooSrc = join(process.env.ODOO_HOME ?? "/opt/odoo", "src");
    if (!existsSync(join(odooSrc, "odoo/tools/js_transpiler.py"))) {
        console.log(`check:bundle: no Odoo at ${odooSrc}, Odoo's own transpiler not run`);
        return [];
    }
    const out = join(workDir, "transpiled.js");
    const script = `import sys; sys.path.insert(0, ${JSON.stringify(odooSrc)})
from odoo.tools.js_transpiler import transpile_javascript
src = open(${JSON.stringify(bundle)}, encoding="utf-8").read()
open(${JSON.stringify(out)}, "w", encoding="utf-8").write(transpile_javascript("/cusoft_whatsapp/static/src/${OUT_JS}", src))`;
    try {
        execFileSync("/usr/bin/python3.11", ["-c", script], { stdio: "pipe" });
        const transpiled = readFileSync(out, "utf8");
        if (/^\s*(import|export)\b/m.test(transpiled)) {
            return ["Odoo's transpiler left an import/export statement in the bundle"];
        }
        if (!transpiled.startsWith(`odoo.define('@cusoft_whatsapp/${OUT_JS.replace(/\.js$/, "")}'`)) {
            return ["Odoo's transpiler did not turn the bundle into the module @cusoft_whatsapp/cusoft_whatsapp"];
        }
        writeFileSync(out, transpiled);
        execFileSync(process.execPath, ["--check", out], { stdio: "pipe" });
    } catch (error) {
        return [`Odoo's transpiler output does not parse: ${String(error.stderr ?? error).slice(0, 400)}`];
    }
    return [...odooMinifierCheck(out, workDir), ...odooSassCheck(join(OUT_DIR, OUT_SCSS))];
}

/**
 * Odoo serves bundles through rjsmin, which does not know arrow functions: a regex literal right
 * after `=>` is read as a division, and a `//` inside it as a comment, which breaks the whole web
 * client. The minified bundle must still parse.
 */
function odooMinifierCheck(transpiled, workDir) {
    const out = join(workDir, "minified.js");
    const script = `from rjsmin import jsmin
open(${JSON.stringify(out)}, "w", encoding="utf-8").write(jsmin(open(${JSON.stringify(transpiled)}, encoding="utf-8").read()))`;
    try {
        execFileSync("/usr/bin/python3.11", ["-c", script], { stdio: "pipe" });
        execFileSync(process.execPath, ["--check", out], { stdio: "pipe" });
        return [];
    } catch (error) {
        return [
            "Odoo's minifier (rjsmin) breaks the bundle; a regex literal right after `=>` is the usual cause " +
                `(write new RegExp(...) or move it to a constant): ${String(error.stderr ?? error).slice(0, 400)}`,
        ];
    }
}

/** Odoo compiles the styles with libsass, which refuses e.g. min(36rem, 80%) (mixed units). */
function odooSassCheck(scssFile) {
    const script = `import sass
sass.compile(string=open(${JSON.stringify(scssFile)}, encoding="utf-8").read())`;
    try {
        execFileSync("/usr/bin/python3.11", ["-c", script], { stdio: "pipe" });
        return [];
    } catch (error) {
        const text = String(error.stderr ?? error);
        if (text.includes("No module named 'sass'")) {
            return [];
        }
        return [`Odoo's SCSS compiler (libsass) refuses the styles: ${text.trim().split("\n").pop()}`];
    }
}
