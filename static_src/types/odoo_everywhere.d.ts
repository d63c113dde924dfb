// Ambient declarations of the Odoo 18 pieces the chat's "everywhere" adapters use (issue 12):
// Discuss, the messaging menu, the out-of-focus notifications, the phone field. Only what we call.

declare module "@web/core/utils/patch" {
    export function patch<T extends object>(target: T, extension: Record<string, any>): () => void;
}

declare module "@web/core/browser/browser" {
    export const browser: { localStorage: Storage };
}

declare module "@web/core/dropdown/dropdown" {
    export const Dropdown: any;
}

declare module "@web/core/dropdown/dropdown_hooks" {
    export function useDropdownState(): { isOpen: boolean; open(): void; close(): void };
}

declare module "@web/core/browser/router" {
    export const router: {
        pushState(state: Record<string, unknown>, options?: Record<string, unknown>): void;
        replaceState(state: Record<string, unknown>, options?: Record<string, unknown>): void;
    };
}

declare module "@web/session" {
    export const session: Record<string, unknown>;
}

declare module "@web/views/fields/phone/phone_field" {
    export const PhoneField: any;
}

declare module "@web/views/widgets/standard_widget_props" {
    export const standardWidgetProps: Record<string, unknown>;
}

declare module "@mail/core/public_web/discuss" {
    export const Discuss: any;
}

declare module "@mail/core/public_web/discuss_client_action" {
    export const DiscussClientAction: any;
}

declare module "@mail/core/public_web/messaging_menu" {
    export const MessagingMenu: any;
}

declare module "@mail/utils/common/hooks" {
    export function useDiscussSystray(): { class: string; contentClass: string; menuClass: string };
}
