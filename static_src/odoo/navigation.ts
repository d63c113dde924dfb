import { useService } from "@web/core/utils/hooks";

/** Where the components' "open" callbacks lead inside Odoo's web client. */
export interface WhatsAppNavigation {
    openAccount(accountId: number): void;
    openXmlAction(xmlId: string): void;
}

/** Call in setup(): it needs the action service of the current component. */
export function useWhatsAppNavigation(): WhatsAppNavigation {
    const action = useService("action");
    return {
        openAccount(accountId) {
            void action.doAction({
                type: "ir.actions.act_window",
                res_model: "cusoft.whatsapp.account",
                res_id: accountId,
                views: [[false, "form"]],
            });
        },
        openXmlAction(xmlId) {
            void action.doAction(xmlId);
        },
    };
}
