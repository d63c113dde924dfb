import { Component, onMounted, onWillStart, onWillUnmount, onWillUpdateProps, useState } from "@odoo/owl";
import { DiscussClientAction } from "@mail/core/public_web/discuss_client_action";
import { Discuss } from "@mail/core/public_web/discuss";
import { router } from "@web/core/browser/router";
import { patch } from "@web/core/utils/patch";
import { useService } from "@web/core/utils/hooks";
import { ThreadPane } from "../components/thread_pane/thread_pane";
import type { InboxStore } from "../services/inbox_contract";
import { activeIdOf, conversationIdOf, discussWhatsApp } from "./discuss_state";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";
import { useOdooChatIntegrations } from "./chat_integrations";
import { INBOX_SERVICE } from "./inbox_service";

// Odoo 18 offers no registry for Discuss's main area: this file is the whole adapter (port it, and
// nothing else, to Odoo 17 or 19). Three pieces:
// - discuss_main_area.xml inherits `mail.Discuss` on its content node: our conversation replaces
//   the content while no Discuss thread is shown;
// - Discuss's setup learns to show a conversation (and to push it into the URL);
// - the client action's restore-from-URL understands `active_id=cusoft_whatsapp.conversation_<id>`.

interface MailStore {
    discuss: { thread: unknown; hasRestoredThread: boolean };
}

interface DiscussLike {
    props: { hasSidebar?: boolean };
    store: MailStore;
    ui: { isSmall: boolean };
    env: { services: { action?: { currentController?: { action: { context: Record<string, unknown> } } } } };
    cusoftWhatsapp: typeof discussWhatsApp;
}

/** The conversation in Discuss's main area: our thread pane, with the inbox's store. */
export class DiscussWhatsAppMain extends Component<{ conversationId: number }> {
    static template = "cusoft_whatsapp.DiscussWhatsAppMain";
    static components = { ThreadPane };
    static props = { conversationId: Number };

    store!: InboxStore;

    setup(): void {
        this.store = useService(INBOX_SERVICE) as InboxStore;
        // Odoo's file viewer, emoji picker and contact form for the thread, as in the inbox.
        useOdooChatIntegrations();
        const everywhere = useService(EVERYWHERE_SERVICE) as EverywhereServices | null;
        // Opened (and read) here rather than by the pane, so that the sidebar's badge and the
        // systray's counter follow at once, without waiting for the bus's echo.
        const open = (conversationId: number) => {
            void this.store.openConversation(conversationId).then(() => {
                void everywhere?.sidebar.refresh();
                void everywhere?.attention.refresh();
            });
        };
        onWillStart(() => open(this.props.conversationId));
        onWillUpdateProps((next: { conversationId: number }) => {
            if (next.conversationId !== this.props.conversationId) {
                open(next.conversationId);
            }
        });
    }
}

function showConversation(discuss: DiscussLike, conversationId: number): void {
    discussWhatsApp.conversationId = conversationId;
    // Discuss's own thread steps aside: its sidebar row loses the highlight, its header and composer go.
    discuss.store.discuss.thread = undefined;
    const activeId = activeIdOf(conversationId);
    router.pushState({ active_id: activeId });
    // Keep the breadcrumbs' action on the same conversation, as Discuss does for its threads.
    const controller = discuss.env.services.action?.currentController;
    if (controller) {
        controller.action.context.active_id = activeId;
    }
}

export function installDiscussMainArea(): void {
    const originalSetup = Discuss.prototype.setup;
    patch(Discuss.prototype, {
        setup(this: DiscussLike) {
            originalSetup.call(this);
            this.cusoftWhatsapp = useState(discussWhatsApp);
            // Only the full Discuss app (with its sidebar, not on a phone) hosts conversations.
            const hosts = () => Boolean(this.props.hasSidebar ?? true) && !this.ui.isSmall;
            const show = (conversationId: number) => showConversation(this, conversationId);
            onMounted(() => {
                if (hosts()) {
                    discussWhatsApp.show = show;
                }
            });
            onWillUnmount(() => {
                if (discussWhatsApp.show === show) {
                    discussWhatsApp.show = null;
                }
            });
        },
        /** The conversation to show instead of Discuss's content, if any. */
        get cusoftWhatsappConversationId(): number | null {
            const self = this as unknown as DiscussLike;
            if (self.store.discuss.thread || self.ui.isSmall) {
                return null;
            }
            return self.cusoftWhatsapp.conversationId;
        },
    });
    patch(Discuss, { components: { ...Discuss.components, DiscussWhatsAppMain } });

    const originalRestore = DiscussClientAction.prototype.restoreDiscussThread;
    patch(DiscussClientAction.prototype, {
        async restoreDiscussThread(this: { store: MailStore; getActiveId(props: unknown): unknown }, props: unknown) {
            const conversationId = conversationIdOf(this.getActiveId(props));
            if (conversationId === null) {
                return originalRestore.call(this, props);
            }
            discussWhatsApp.conversationId = conversationId;
            this.store.discuss.thread = undefined;
            this.store.discuss.hasRestoredThread = true;
        },
    });
}
