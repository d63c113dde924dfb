import { ApiError } from "../../static_src/api/api_error";
import { ChatApi } from "../../static_src/api/chat_client";
import type { UploadAnswer } from "../../static_src/api/upload_port";
import { contractAnswer } from "../contract";
import { fakeRpc } from "../helpers";

QUnit.module("api > ChatApi");

const FILE = new File([new Uint8Array([137, 80, 78, 71])], "photo.png", { type: "image/png" });

function uploading(answer: UploadAnswer | Error) {
    const posted: Record<string, string | Blob>[] = [];
    const api = new ChatApi(fakeRpc({}), async (_route, fields) => {
        posted.push(fields);
        if (answer instanceof Error) {
            throw answer;
        }
        return answer;
    });
    return { api, posted };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(
        () => null,
        (e: unknown) => e
    );
    if (!(error instanceof ApiError)) {
        throw new Error(`expected an ApiError, got ${String(error)}`);
    }
    return error;
}

QUnit.test("uploads a file to its conversation and reads the server's answer", async (assert) => {
    const { api, posted } = uploading({ status: 200, body: contractAnswer("/cusoft_whatsapp/chat/attachment", "uploaded") });
    const uploaded = await api.uploadFile(7, FILE);
    assert.strictEqual(uploaded.kind, "image");
    assert.strictEqual(posted[0]!.conversation_id, "7");
    assert.strictEqual(posted[0]!.ufile, FILE);
});

QUnit.test("says why a file was refused, in the server's words", async (assert) => {
    const refused = contractAnswer("/cusoft_whatsapp/chat/attachment", "refused_type");
    const { api } = uploading({ status: 400, body: refused });
    assert.strictEqual((await failure(api.uploadFile(7, FILE))).message, refused.error);
});

QUnit.test("a forbidden upload, a proxy's error page and a dead network each get plain words", async (assert) => {
    const forbidden = await failure(uploading({ status: 403, body: null }).api.uploadFile(7, FILE));
    assert.strictEqual(forbidden.message, "You are not allowed to send files in this conversation.");
    const proxy = await failure(uploading({ status: 502, body: null }).api.uploadFile(7, FILE));
    assert.strictEqual(proxy.message, "The server could not be reached. Check your connection and try again.");
    const offline = await failure(uploading(new TypeError("Failed to fetch")).api.uploadFile(7, FILE));
    assert.strictEqual(offline.message, "The server could not be reached. Check your connection and try again.");
});

QUnit.test("sends each kind with the parameters the route reads", async (assert) => {
    const rpc = fakeRpc({ "/cusoft_whatsapp/chat/send": () => contractAnswer("/cusoft_whatsapp/chat/send", "text") });
    const api = new ChatApi(rpc, async () => ({ status: 500, body: null }));
    await api.send(3, "wa-1", { kind: "text", body: "Hi", replyToId: 9 });
    await api.send(3, "wa-2", { kind: "media", attachmentId: 5, caption: "Receipt" });
    await api.send(3, "wa-3", { kind: "reaction", messageId: 9, emoji: "" });
    assert.deepEqual(rpc.calls.map((c) => c.params), [
        { conversation_id: 3, client_id: "wa-1", kind: "text", body: "Hi", reply_to_id: 9 },
        { conversation_id: 3, client_id: "wa-2", kind: "media", attachment_id: 5, caption: "Receipt", reply_to_id: null },
        { conversation_id: 3, client_id: "wa-3", kind: "reaction", message_id: 9, emoji: "" },
    ]);
});
