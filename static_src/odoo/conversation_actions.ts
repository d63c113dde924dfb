import { ThreadPane } from "../components/thread_pane/thread_pane";
import { ConversationActions } from "../components/conversation_actions/conversation_actions";
import { _t } from "../i18n/translate";
import { conversationActions } from "../services/conversation_actions";
import { session } from "@web/session";
import { user } from "@web/core/user";
import { patch } from "@web/core/utils/patch";
import { registry } from "@web/core/registry";
import type { EverywhereApi } from "../api/everywhere_client";
import { EVERYWHERE_SERVICE, type EverywhereServices } from "./everywhere_services";

interface ActionService {
    doAction(action: unknown, options?: unknown): Promise<unknown>;
}

/** Set by the CRM bridge in the session (cusoft_whatsapp_crm/models/ir_http.py). */
function crmBridgeInstalled(): boolean {
    return Boolean(session.cusoft_whatsapp_crm);
}

/** Fills the conversation header's actions: Open contact, and Create lead with the CRM bridge for salespeople. */
function addConversationActions(action: ActionService, api: EverywhereApi, salesman: boolean): void {
    conversationActions.add({
        id: "open_contact",
        label: _t("Open contact"),
        icon: "fa-user",
        sequence: 10,
        isAvailable: (conversation) => conversation.partner_id !== null,
        run: async (conversation) => {
            await action.doAction({
                type: "ir.actions.act_window",
                res_model: "res.partner",
                res_id: conversation.partner_id,
                views: [[false, "form"]],
            });
        },
    });
    if (!crmBridgeInstalled() || !salesman) {
        return;
    }
    conversationActions.add({
        id: "create_lead",
        label: _t("Create lead"),
        icon: "fa-star",
        sequence: 20,
        isAvailable: () => true,
        run: async (conversation) => {
            const lead = await api.createLead(conversation.id);
            await action.doAction({
                type: "ir.actions.act_window",
                res_model: "crm.lead",
                res_id: lead.lead_id,
                views: [[false, "form"]],
            });
        },
    });
}

/**
 * The thread pane's header shows the actions (thread_header_actions.xml). Meant to move into the
 * pane's own template: until then the header is extended here, Odoo's way, without editing it.
 */
export function installThreadHeaderActions(): void {
    patch(ThreadPane, { components: { ...ThreadPane.components, ConversationActions } });
}

/** A service only to fill the registry once the action service and the user's groups are known. */
const conversationActionsService = {
    dependencies: ["action", EVERYWHERE_SERVICE],
    async start(_env: unknown, services: { action: ActionService; [EVERYWHERE_SERVICE]: EverywhereServices | null }): Promise<void> {
        const everywhere = services[EVERYWHERE_SERVICE];
        if (!everywhere) {
            return;
        }
        const salesman = crmBridgeInstalled() && (await user.hasGroup("sales_team.group_sale_salesman"));
        addConversationActions(services.action, everywhere.api, salesman);
    },
};

export function registerConversationActions(): void {
    registry.category("services").add("cusoft_whatsapp.conversation_actions", conversationActionsService);
}
