import { BUS_CONVERSATION, BUS_MESSAGE, BUS_READ } from "../api/schemas/chat_bus";
import type { BusPort } from "./inbox_contract";

/** When a batch of bus notifications is handled: Odoo's bus delivers them in one go, so a microtask is enough. */
export type Scheduler = (callback: () => void) => void;

export const nextMicrotask: Scheduler = (callback) => queueMicrotask(callback);

/**
 * Calls `refresh` once for any burst of chat notifications (a webhook with ten messages sends ten),
 * and never twice at the same time: a notification arriving during a refresh asks for one more
 * refresh after it, so the last answer always reflects the last notification.
 */
export class CoalescedRefresh {
    private scheduled = false;
    private running: Promise<void> | null = null;
    private again = false;
    private readonly unsubscribes: (() => void)[];

    constructor(
        bus: BusPort,
        private readonly refresh: () => Promise<void>,
        private readonly schedule: Scheduler = nextMicrotask,
        types: string[] = [BUS_MESSAGE, BUS_CONVERSATION, BUS_READ]
    ) {
        this.unsubscribes = types.map((type) => bus.subscribe(type, () => this.request()));
    }

    request(): void {
        if (this.running) {
            this.again = true;
            return;
        }
        if (this.scheduled) {
            return;
        }
        this.scheduled = true;
        this.schedule(() => {
            this.scheduled = false;
            void this.run();
        });
    }

    /** Resolves once no refresh is running or waiting (tests and callers that need the new state). */
    async settled(): Promise<void> {
        while (this.running || this.scheduled) {
            await (this.running ?? Promise.resolve());
            await Promise.resolve();
        }
    }

    private async run(): Promise<void> {
        this.running = this.refresh().catch(() => undefined);
        await this.running;
        this.running = null;
        if (this.again) {
            this.again = false;
            this.request();
        }
    }

    destroy(): void {
        this.unsubscribes.forEach((unsubscribe) => unsubscribe());
    }
}
