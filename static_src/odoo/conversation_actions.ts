import { _t } from "../i18n/translate";
import { conversationActions } from "../services/conversation_actions";
import { session } from "@web/session";
import { user } from "@web/core/user";
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

/** Fills the conversation header's actions: Open or Create contact, and Create lead with the CRM bridge for salespeople. */
function addConversationActions(action: ActionService, api: EverywhereApi, salesman: boolean, contactCreator: boolean): void {
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
    conversationActions.add({
        id: "create_contact",
        label: _t("Create contact"),
        icon: "fa-user-plus",
        sequence: 10,
        // For a customer known only by number or username; the new contact opens to be completed.
        isAvailable: (conversation) => contactCreator && conversation.partner_id === null,
        run: async (conversation) => {
            const linked = await api.createContact(conversation.id);
            await action.doAction({
                type: "ir.actions.act_window",
                res_model: "res.partner",
                res_id: linked.partner_id,
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

/** A service only to fill the registry once the action service and the user's groups are known. */
const conversationActionsService = {
    dependencies: ["action", EVERYWHERE_SERVICE],
    async start(_env: unknown, services: { action: ActionService; [EVERYWHERE_SERVICE]: EverywhereServices | null }): Promise<void> {
        const everywhere = services[EVERYWHERE_SERVICE];
        if (!everywhere) {
            return;
        }
        const salesman = crmBridgeInstalled() && (await user.hasGroup("sales_team.group_sale_salesman"));
        // Odoo's Contact Creation right, which new users have by default; the route checks it too.
        const contactCreator = await user.hasGroup("base.group_partner_manager");
        addConversationActions(services.action, everywhere.api, salesman, contactCreator);
    },
};

export function registerConversationActions(): void {
    registry.category("services").add("cusoft_whatsapp.conversation_actions", conversationActionsService);
}
