// Ambient declarations for the two calls the loader makes on Meta's JavaScript SDK
// (connect.facebook.net/…/sdk.js), which defines `window.FB` once it has run.

interface FacebookSdkGlobal {
    init(options: { appId: string; autoLogAppEvents: boolean; xfbml: boolean; version: string }): void;
    /** The response stays `unknown`: whoever reads it parses it first (services/facebook_sdk). */
    login(callback: (response: unknown) => void, options: Record<string, unknown>): void;
}

interface Window {
    FB?: FacebookSdkGlobal;
    /** Called by the SDK once it has loaded; the documented place to run `FB.init`. */
    fbAsyncInit?: () => void;
}
