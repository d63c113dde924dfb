import { Component, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import type { WhatsAppApi } from "../api/client";
import { EmbeddedSignup } from "../components/embedded_signup/embedded_signup";
import { BrowserFacebookSdk, browserWindowMessages, type FacebookSdkPort, type WindowMessages } from "../services/facebook_sdk";
import { useWhatsAppNavigation } from "./navigation";
import { odooWhatsAppApi } from "./rpc";

interface WidgetProps {
    record: { resModel: string; resId: number | false };
}

/** Ports registry: the tours replace Meta's SDK with a fake here, as the component tests do. */
const ports = registry.category("cusoft_whatsapp.ports");
const browserSdk = new BrowserFacebookSdk();

/**
 * `<widget name="cusoft_whatsapp_connect"/>`: the Connect WhatsApp button (Embedded Signup) in
 * Settings → WhatsApp, and Reconnect on a number's form.
 */
export class ConnectWidget extends Component<WidgetProps> {
    static template = "cusoft_whatsapp.ConnectWidget";
    static components = { EmbeddedSignup };
    static props = ["*"];

    api!: WhatsAppApi;
    sdk!: FacebookSdkPort;
    messages!: WindowMessages;
    onConnected!: (accountId: number) => void;
    openAccount!: () => void;
    /** The number just connected: the success panel (with its one-time PIN) stays on screen. */
    connected!: { accountId: number | null };

    setup(): void {
        const navigation = useWhatsAppNavigation();
        this.api = odooWhatsAppApi();
        // Looked up at click time, so a port registered after the page loaded (tours) is used.
        this.sdk = {
            load: (sdkUrl, appId, version) =>
                (ports.get("facebook_sdk", browserSdk) as FacebookSdkPort).load(sdkUrl, appId, version),
        };
        this.messages = browserWindowMessages();
        this.connected = useState({ accountId: null });
        this.onConnected = (accountId) => {
            this.connected.accountId = accountId;
        };
        this.openAccount = () => {
            if (this.connected.accountId !== null) {
                navigation.openAccount(this.connected.accountId);
            }
        };
    }

    get accountId(): number | undefined {
        const { resModel, resId } = this.props.record;
        return resModel === "cusoft.whatsapp.account" && resId ? resId : undefined;
    }

    openUrl(url: string): void {
        window.open(url, "_blank", "noopener");
    }
}

export function registerConnectWidget(): void {
    registry.category("view_widgets").add("cusoft_whatsapp_connect", { component: ConnectWidget });
}
