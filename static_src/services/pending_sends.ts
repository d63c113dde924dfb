import { DateTime } from "luxon";
import type { SendParams } from "../api/chat_client";
import type { ChatMessage } from "../api/schemas/chat";
import { newClientId } from "./client_id";

/**
 * One send as the user made it: its client id is generated once and reused by every retry of
 * that send, so the server answers the first message instead of sending a second one.
 */
export interface PendingSend {
    clientId: string;
    tempId: number;
    conversationId: number;
    params: SendParams;
    /** A file still to upload; once uploaded, `params` holds its attachment id and retries skip the upload. */
    file: File | null;
    /** The request in flight: a second call (double click, double retry) waits for it instead. */
    inFlight: Promise<void> | null;
}

/** The optimistic sends of every conversation, by client id and by temporary (negative) id. */
export class PendingSends {
    private readonly byClientId = new Map<string, PendingSend>();
    private lastTempId = 0;

    create(conversationId: number, params: SendParams, file: File | null = null): PendingSend {
        const pending: PendingSend = {
            clientId: newClientId(),
            tempId: --this.lastTempId,
            conversationId,
            params,
            file,
            inFlight: null,
        };
        this.byClientId.set(pending.clientId, pending);
        return pending;
    }

    byTempId(tempId: number): PendingSend | undefined {
        return [...this.byClientId.values()].find((p) => p.tempId === tempId);
    }

    /** A send identical to one still waiting for the server: the second click of a double click. */
    findInFlight(conversationId: number, params: SendParams): PendingSend | undefined {
        const key = JSON.stringify(params);
        return [...this.byClientId.values()].find(
            (p) => p.inFlight && p.conversationId === conversationId && !p.file && JSON.stringify(p.params) === key
        );
    }

    done(pending: PendingSend): void {
        this.byClientId.delete(pending.clientId);
    }
}

/** What the thread shows at once for a send, before the server has answered. */
export function optimisticMessage(
    pending: PendingSend,
    author: { id: number; name: string },
    replyTo: ChatMessage | undefined,
    file: File | null
): ChatMessage {
    const { params } = pending;
    const body = params.kind === "text" ? params.body : params.kind === "media" ? params.caption ?? "" : params.emoji;
    return {
        id: pending.tempId,
        conversation_id: pending.conversationId,
        direction: "outbound",
        type: file ? mediaType(file) : params.kind,
        body,
        timestamp: DateTime.now(),
        state: "queued",
        client_id: pending.clientId,
        author,
        reply_to: replyTo ? { id: replyTo.id, direction: replyTo.direction, type: replyTo.type, body: replyTo.body } : null,
        media: file
            ? {
                  state: "pending",
                  mime_type: file.type || null,
                  filename: file.name,
                  voice: false,
                  caption: params.kind === "media" ? params.caption ?? null : null,
                  url: null,
                  error: null,
              }
            : null,
        reactions: [],
        error: null,
        retry_at: null,
    };
}

function mediaType(file: File): string {
    const family = file.type.split("/")[0];
    if (file.type === "image/webp") {
        return "sticker";
    }
    return family === "image" || family === "video" || family === "audio" ? family : "document";
}
