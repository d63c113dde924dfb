// Fakes for the chat outside the inbox (systray, Discuss, forms): a bus the test emits on and
// conversation rows cloned from the real answers in test/contract/, so a row cannot say something
// the server never answers.
import type { BusPort } from "../../static_src/services/inbox_contract";
import { contractAnswer } from "../contract";

export type Raw = Record<string, unknown>;

export const ME = { id: 10, name: "Ana" };
export const COLLEAGUE = { id: 11, name: "Luis" };

const ROW = (contractAnswer("/cusoft_whatsapp/chat/conversations", "all").conversations as Raw[])[1]!;

export class FakeBus implements BusPort {
    private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();

    subscribe(type: string, callback: (payload: unknown) => void): () => void {
        const set = this.listeners.get(type) ?? new Set();
        set.add(callback);
        this.listeners.set(type, set);
        return () => set.delete(callback);
    }

    emit(type: string, payload: unknown): void {
        this.listeners.get(type)?.forEach((callback) => callback(payload));
    }
}

function sqlTime(minutesFromNow: number): string {
    return new Date(Date.now() + minutesFromNow * 60_000).toISOString().slice(0, 19).replace("T", " ");
}

/** A conversation row as the server sends it; `windowMinutes` > 0 leaves the 24-hour window open. */
export function row(id: number, overrides: Raw & { windowMinutes?: number } = {}): Raw {
    const { windowMinutes = -60, ...rest } = overrides;
    return {
        ...structuredClone(ROW),
        id,
        name: `Customer ${id}`,
        phone: `+1555000${String(id).padStart(4, "0")}`,
        partner_id: null,
        avatar_url: null,
        unread_count: 0,
        assignee: null,
        last_message_at: sqlTime(-id),
        window_expires_at: sqlTime(windowMinutes),
        ...rest,
    };
}

export function page(rows: Raw[]): Raw {
    return { conversations: rows, next_cursor: null };
}

/** Lets queued microtasks and promise chains run (the stores coalesce bus bursts on a microtask). */
export async function flush(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve));
    }
}
