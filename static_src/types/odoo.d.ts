// Ambient declarations for the few Odoo modules the adapters under static_src/odoo/ use.
// Only what we call is declared; Odoo resolves these at runtime (they stay external in the bundle).

declare module "@web/core/registry" {
    interface Category<T = any> {
        add(key: string, value: T, options?: { force?: boolean; sequence?: number }): Category<T>;
        get(key: string, defaultValue?: T): T;
        contains(key: string): boolean;
        category(name: string): Category;
    }
    export const registry: Category;
}

declare module "@web/core/network/rpc" {
    export function rpc(route: string, params?: Record<string, unknown>, settings?: { silent?: boolean }): Promise<unknown>;
}

declare module "@web/core/l10n/translation" {
    export function _t(term: string, ...values: unknown[]): string;
}

declare module "@web/core/utils/hooks" {
    interface ActionService {
        doAction(action: string | number | Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
    }
    interface PopoverService {
        add(
            target: HTMLElement,
            component: unknown,
            props?: Record<string, unknown>,
            options?: { position?: string; onClose?: () => void }
        ): () => void;
    }
    export function useService(name: "action"): ActionService;
    export function useService(name: "popover"): PopoverService;
    export function useService(name: string): any;
}

declare module "@web/core/user" {
    export const user: {
        readonly userId: number;
        readonly name: string;
        hasGroup(group: string): Promise<boolean>;
    };
}

declare module "@web/core/emoji_picker/emoji_picker" {
    import type { Component } from "@odoo/owl";
    export const EmojiPicker: typeof Component;
}

declare module "@web/core/file_viewer/file_model" {
    export class FileModel {
        name: string;
        filename: string;
        mimetype: string;
        type: "binary" | "url";
        readonly urlRoute: string;
    }
}

declare module "@web/core/file_viewer/file_viewer_hook" {
    import type { FileModel } from "@web/core/file_viewer/file_model";
    export function createFileViewer(): { open(file: FileModel, files?: FileModel[]): void; close(): void };
}
