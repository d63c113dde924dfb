// The page of the thread benchmark (scripts/bench/thread.mjs): mounts the real ThreadPane over the
// tests' fake store holding one conversation of N messages, and reports how long the first paint
// took and how long each scroll step took to show. Run by the bench only; not a test.
import { App } from "@odoo/owl";
import { ThreadPane } from "../../static_src/components/thread_pane/thread_pane";
import { CHAT_INTEGRATIONS_KEY } from "../../static_src/components/thread_pane/chat_integrations";
import { FakeInboxStore, conversation, messageRun } from "../../test/components/thread/fake_inbox_store";

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function paintOnce(count: number, templates: string): Promise<{ mountMs: number; paintMs: number; idleFrameMs: number; rows: number; scrollMs: number[] }> {
    const store = new FakeInboxStore();
    store.seed(conversation({ window_expires_at: null }), messageRun(1, count));
    const host = document.createElement("div");
    host.style.cssText = "height: 800px; width: 900px;";
    document.body.appendChild(host);
    const app = new App(ThreadPane, { props: { store, conversationId: 1 }, env: { [CHAT_INTEGRATIONS_KEY]: {} }, templates });
    // What a frame costs with nothing to do, on this (shared, loaded) machine: paintMs includes one.
    const idleStart = performance.now();
    await frame();
    const idleFrameMs = performance.now() - idleStart;
    const start = performance.now();
    await app.mount(host); // resolves once the DOM is in the document
    const mountMs = performance.now() - start;
    await frame(); // the frame that shows it
    const paintMs = performance.now() - start;
    const rows = host.querySelectorAll(".o_cusoft_whatsapp_row").length;
    const list = host.querySelector<HTMLElement>(".o_cusoft_whatsapp_message_list")!;
    const scrollMs: number[] = [];
    for (let i = 0; i < 60; i++) {
        const stepStart = performance.now();
        list.scrollTop -= 600;
        await frame();
        await frame(); // the windowed list re-renders on the frame after the scroll
        scrollMs.push((performance.now() - stepStart) / 2);
    }
    app.destroy();
    host.remove();
    return { mountMs, paintMs, idleFrameMs, rows, scrollMs };
}

(window as unknown as { benchThread: typeof paintOnce }).benchThread = paintOnce;
