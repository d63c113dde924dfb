import { BrowserFacebookSdk, FacebookSdkLoadError, browserWindowMessages, readLoginCode } from "../../static_src/services/facebook_sdk";
import type { WindowMessage } from "../../static_src/domain/signup_events";

QUnit.module("services > facebookSdk");

interface SdkLog {
    inits: unknown[];
    logins: unknown[][];
}

/** A stand-in for connect.facebook.net's sdk.js, served from a blob so no network is used. */
function sdkScript(): string {
    const source = `
        window.__sdkLog = { inits: [], logins: [] };
        window.FB = {
            init(options) { window.__sdkLog.inits.push(options); },
            login(callback, options) { window.__sdkLog.logins.push([options]); callback({ authResponse: { code: "c1" } }); },
        };
        setTimeout(() => window.fbAsyncInit && window.fbAsyncInit());
    `;
    return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
}

/** A script that loads but never calls fbAsyncInit, like a hung or half-blocked SDK. */
function silentScript(): string {
    return URL.createObjectURL(new Blob(["/* nothing */"], { type: "text/javascript" }));
}

function scriptsFor(url: string): HTMLScriptElement[] {
    return [...document.querySelectorAll<HTMLScriptElement>("script")].filter((s) => s.src === url);
}

function cleanUp(): void {
    const w = window as unknown as Record<string, unknown>;
    delete w.FB;
    delete w.fbAsyncInit;
    delete w.__sdkLog;
}

QUnit.test("injects the SDK once, runs FB.init from fbAsyncInit and passes FB.login through", async (assert) => {
    cleanUp();
    const url = sdkScript();
    const loader = new BrowserFacebookSdk();
    const sdk = await loader.load(url, "1234", "v25.0");
    const script = scriptsFor(url)[0]!;
    assert.ok(script.async && script.defer);
    assert.strictEqual(script.crossOrigin, "anonymous");
    const log = (window as unknown as { __sdkLog: SdkLog }).__sdkLog;
    assert.deepEqual(log.inits, [{ appId: "1234", autoLogAppEvents: true, xfbml: false, version: "v25.0" }]);
    const responses: unknown[] = [];
    const options = { config_id: "cfg", response_type: "code" as const, override_default_response_type: true as const, extras: {} };
    sdk.login((r) => responses.push(r), options);
    assert.deepEqual(log.logins, [[options]]);
    assert.deepEqual(responses, [{ authResponse: { code: "c1" } }]);

    await loader.load(url, "1234", "v25.0");
    assert.strictEqual(scriptsFor(url).length, 1, "one script tag");
    assert.strictEqual(log.inits.length, 1, "no second FB.init for the same app");
    await loader.load(url, "5678", "v25.0");
    assert.strictEqual(log.inits.length, 2, "a changed app id is re-initialised");
    script.remove();
    cleanUp();
});

QUnit.test("rejects at once when the script is blocked, and can try again", async (assert) => {
    cleanUp();
    const url = silentScript();
    const loader = new BrowserFacebookSdk(window, 10_000);
    const loading = loader.load(url, "1234", "v25.0");
    scriptsFor(url)[0]!.dispatchEvent(new Event("error"));
    const error = await loading.then(() => null, (e: unknown) => e);
    assert.ok(error instanceof FacebookSdkLoadError);
    assert.ok((error as Error).message.includes("blocker"));
    assert.strictEqual(scriptsFor(url).length, 0, "the failed tag is removed");
    assert.strictEqual(window.fbAsyncInit, undefined);
    void loader.load(url, "1234", "v25.0").catch(() => {});
    assert.strictEqual(scriptsFor(url).length, 1, "the next click injects again");
    scriptsFor(url)[0]!.dispatchEvent(new Event("error"));
    cleanUp();
});

QUnit.test("rejects after the timeout when the SDK never starts", async (assert) => {
    cleanUp();
    const url = silentScript();
    const error = await new BrowserFacebookSdk(window, 30).load(url, "1234", "v25.0").then(() => null, (e: unknown) => e);
    assert.ok(error instanceof FacebookSdkLoadError);
    assert.ok((error as Error).message.includes("did not load in time"));
    cleanUp();
});

QUnit.test("reads the code from FB.login's response and nothing else", (assert) => {
    assert.strictEqual(readLoginCode({ authResponse: { code: "AQB" }, status: "connected" }), "AQB");
    for (const response of [{ authResponse: null, status: "unknown" }, { status: "unknown" }, { authResponse: { code: "" } }, { authResponse: { code: 5 } }, null, "x", undefined]) {
        assert.strictEqual(readLoginCode(response), null, JSON.stringify(response) ?? "undefined");
    }
});

QUnit.test("forwards window messages until unsubscribed", async (assert) => {
    const seen: WindowMessage[] = [];
    const unsubscribe = browserWindowMessages()((m) => seen.push(m));
    window.postMessage({ hello: 1 }, "*");
    await new Promise((r) => setTimeout(r, 20));
    unsubscribe();
    window.postMessage({ hello: 2 }, "*");
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(seen.map((m) => m.data), [{ hello: 1 }]);
    assert.strictEqual(seen[0]!.origin, window.location.origin);
});
