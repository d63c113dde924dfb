import * as z from "zod/mini";
import type { WindowMessage } from "../domain/signup_events";
import { _t } from "../i18n/translate";

/** FB.login's options for Embedded Signup, exactly as contract §3.3 gives them. */
export interface FacebookLoginOptions {
    config_id: string;
    /** `code` gets an exchangeable code instead of a user token. */
    response_type: "code";
    override_default_response_type: true;
    extras: Record<string, unknown>;
}

/** The part of Meta's SDK the signup button uses. */
export interface FacebookSdk {
    /** Opens Meta's popup; `callback` gets Meta's response untouched (see readLoginCode). */
    login(callback: (response: unknown) => void, options: FacebookLoginOptions): void;
}

/** How the page gets Meta's SDK: a script tag in the browser, a fake in tests. */
export interface FacebookSdkPort {
    load(sdkUrl: string, appId: string, version: string): Promise<FacebookSdk>;
}

/** How the page hears the popup's `postMessage`s; returns the unsubscribe. */
export type WindowMessages = (listener: (message: WindowMessage) => void) => () => void;

export class FacebookSdkLoadError extends Error {
    constructor(sdkUrl: string, reason: "error" | "timeout") {
        super(
            reason === "timeout"
                ? _t("Meta's sign-in script (%s) did not load in time. Check the connection and any ad or tracker blocker, then try again.", sdkUrl)
                : _t("Meta's sign-in script (%s) could not be loaded. An ad or tracker blocker, a privacy extension or a firewall may be blocking it.", sdkUrl)
        );
        this.name = "FacebookSdkLoadError";
    }
}

const loginResponseSchema = z.object({
    authResponse: z.optional(z.nullable(z.object({ code: z.optional(z.string()) }))),
});

/** The exchangeable code in FB.login's response, or null when the popup gave none. */
export function readLoginCode(response: unknown): string | null {
    const parsed = loginResponseSchema.safeParse(response);
    return (parsed.success && parsed.data.authResponse?.code) || null;
}

/** Long enough for a slow line; an ad blocker usually fails the script at once anyway. */
const LOAD_TIMEOUT_MS = 15_000;

/**
 * Loads Meta's SDK on first use only (the button's click), so pages that never connect a number
 * never contact Facebook. One instance per page: the SDK is a page-wide global.
 */
export class BrowserFacebookSdk implements FacebookSdkPort {
    private ready: Promise<FacebookSdkGlobal> | null = null;
    /** `appId|version` given to FB.init, so a changed setting re-initialises without a reload. */
    private initialized = "";

    constructor(
        private readonly win: Window = window,
        private readonly timeoutMs = LOAD_TIMEOUT_MS
    ) {}

    async load(sdkUrl: string, appId: string, version: string): Promise<FacebookSdk> {
        this.ready ??= this.inject(sdkUrl, appId, version).catch((error: unknown) => {
            // Forget the failure: the next click may come after the user allowed the script.
            this.ready = null;
            throw error;
        });
        const fb = await this.ready;
        this.init(fb, appId, version);
        return { login: (callback, options) => fb.login(callback, { ...options }) };
    }

    private inject(sdkUrl: string, appId: string, version: string): Promise<FacebookSdkGlobal> {
        const win = this.win;
        if (win.FB) {
            // Another module of the page already loaded it: a second copy would fight over `FB`.
            return Promise.resolve(win.FB);
        }
        return new Promise((resolve, reject) => {
            const doc = win.document;
            const script = doc.createElement("script");
            // Someone else may also wait for the SDK: keep calling them.
            const previousInit = win.fbAsyncInit;
            const timer = win.setTimeout(() => fail("timeout"), this.timeoutMs);
            const fail = (reason: "error" | "timeout") => {
                win.clearTimeout(timer);
                script.remove();
                win.fbAsyncInit = previousInit;
                reject(new FacebookSdkLoadError(sdkUrl, reason));
            };
            win.fbAsyncInit = () => {
                win.clearTimeout(timer);
                win.fbAsyncInit = previousInit;
                previousInit?.();
                const fb = win.FB;
                if (!fb) {
                    fail("error");
                    return;
                }
                this.init(fb, appId, version);
                resolve(fb);
            };
            script.src = sdkUrl;
            script.async = true;
            script.defer = true;
            script.crossOrigin = "anonymous";
            script.addEventListener("error", () => fail("error"));
            doc.head.appendChild(script);
        });
    }

    private init(fb: FacebookSdkGlobal, appId: string, version: string): void {
        const key = `${appId}|${version}`;
        if (this.initialized !== key) {
            // xfbml off: the page renders no Facebook plugin, so the SDK need not scan the DOM.
            fb.init({ appId, autoLogAppEvents: true, xfbml: false, version });
            this.initialized = key;
        }
    }
}

/** The popup's other channel: it `postMessage`s its session events to this window. */
export function browserWindowMessages(win: Window = window): WindowMessages {
    return (listener) => {
        const handler = (event: MessageEvent) => listener({ origin: event.origin, data: event.data as unknown });
        win.addEventListener("message", handler);
        return () => win.removeEventListener("message", handler);
    };
}
