/** @odoo-module */
// Our privacy policy promises essential cookies only: nothing of Meta (SDK, pixel, cookie) reaches a
// page until an administrator presses Connect WhatsApp. Run by tests/test_privacy_ui.py.
import { registry } from "@web/core/registry";

const META_COOKIES = ["_fbp", "_fbc", "fr", "datr", "sb", "xs", "c_user"];

function assertNothingFromThirdParties() {
    const origin = window.location.origin;
    const resources = performance.getEntriesByType("resource").map((entry) => entry.name);
    if (!resources.some((url) => url.startsWith(origin))) {
        throw new Error("the check sees no resource at all: it would prove nothing");
    }
    const foreign = resources.filter((url) => /^https?:/.test(url) && !url.startsWith(origin));
    const elements = [...document.querySelectorAll("script[src], iframe[src], img[src], link[href]")]
        .map((element) => element.src || element.href)
        .filter((url) => /^https?:/.test(url) && !url.startsWith(origin));
    const cookies = document.cookie.split(";").map((part) => part.split("=")[0].trim()).filter((name) => META_COOKIES.includes(name));
    if (foreign.length || elements.length || cookies.length || window.FB !== undefined) {
        throw new Error(`third-party content before Connect WhatsApp: ${JSON.stringify({ foreign, elements, cookies, FB: window.FB !== undefined })}`);
    }
}

const recordingSdk = {
    load() {
        document.body.classList.add("o_cusoft_whatsapp_test_sdk_requested");
        return new Promise(() => {}); // Meta is never called by a test
    },
};

registry.category("web_tour.tours").add("cusoft_whatsapp_essential_cookies_settings_tour", {
    steps: () => [
        {
            content: "Settings → WhatsApp, with its Connect button and privacy overview: nothing of Meta yet",
            trigger: ".o_cusoft_whatsapp_connect_widget button:contains(Connect WhatsApp)",
            run(actions) {
                assertNothingFromThirdParties();
                registry.category("cusoft_whatsapp.ports").add("facebook_sdk", recordingSdk, { force: true });
                return actions.click();
            },
        },
        {
            content: "Only the click asks for Meta's SDK",
            trigger: "body.o_cusoft_whatsapp_test_sdk_requested",
        },
    ],
});

registry.category("web_tour.tours").add("cusoft_whatsapp_essential_cookies_home_tour", {
    steps: () => [
        {
            content: "The WhatsApp overview loads nothing of Meta",
            trigger: ".o_cusoft_whatsapp_home .o_cusoft_whatsapp_account:contains(Tour line)",
            run() {
                assertNothingFromThirdParties();
            },
        },
    ],
});
