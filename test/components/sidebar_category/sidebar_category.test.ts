import { EverywhereApi } from "../../../static_src/api/everywhere_client";
import { SidebarCategory } from "../../../static_src/components/sidebar_category/sidebar_category";
import { FOLD_KEY, SidebarStore, type KeyValuePort } from "../../../static_src/services/sidebar_store";
import { click, fakeRpc, mountComponent, nextTick, text } from "../../helpers";
import { COLLEAGUE, FakeBus, ME, flush, page, row, type Raw } from "../../services/everywhere_fakes";

QUnit.module("components > SidebarCategory");

function memoryStorage(initial: Record<string, string> = {}): KeyValuePort & { values: Map<string, string> } {
    const values = new Map(Object.entries(initial));
    return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

async function setup(
    server: { mine: Raw[]; unassigned: Raw[] },
    { compact = false, active = undefined as number | undefined, storage = memoryStorage() } = {}
) {
    const rpc = fakeRpc({
        "/cusoft_whatsapp/chat/conversations": (params) => page(server[params?.filter as "mine" | "unassigned"]),
    });
    const bus = new FakeBus();
    const store = new SidebarStore(new EverywhereApi(rpc), bus, storage, ME.id);
    const opened: number[] = [];
    const props = { store, compact, onOpen: (id: number) => opened.push(id), ...(active ? { activeConversationId: active } : {}) };
    const { fixture } = await mountComponent(SidebarCategory, props);
    await store.start();
    await nextTick();
    return { fixture, store, bus, opened, storage };
}

function rows(fixture: HTMLElement): string[] {
    return [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_sidebar_item")].map(
        (el) => `${el.dataset.conversationId}${el.dataset.mine === "1" ? " mine" : ""}`
    );
}

QUnit.test("my conversations come first, then unassigned ones, each with its unread badge and window", async (assert) => {
    const { fixture } = await setup({
        mine: [row(4, { assignee: ME, unread_count: 3, windowMinutes: 120 }), row(2, { assignee: ME })],
        unassigned: [row(5, { unread_count: 120 }), row(1)],
    });
    assert.deepEqual(rows(fixture), ["4 mine", "2 mine", "5", "1"]);
    const badges = [...fixture.querySelectorAll(".o_cusoft_whatsapp_sidebar_item")].map(
        (el) => el.querySelector(".o_cusoft_whatsapp_sidebar_badge")?.textContent ?? ""
    );
    assert.deepEqual(badges, ["3", "", "99+", ""]);
    const windows = [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_window")].map((el) => el.dataset.open);
    assert.deepEqual(windows, ["1", "0", "0", "0"], "only the first still has its 24-hour window open");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_sidebar_group"), "Unassigned");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_sidebar_item .o_cusoft_whatsapp_sidebar_name"), "Customer 4");
});

QUnit.test("a conversation claimed meanwhile is listed once, as mine", async (assert) => {
    const { fixture } = await setup({ mine: [row(4, { assignee: ME })], unassigned: [row(4), row(6, { assignee: COLLEAGUE })] });
    assert.deepEqual(rows(fixture), ["4 mine"], "the colleague's conversation is not unassigned either");
});

QUnit.test("folding hides the rows but the open one, shows the counter and is remembered", async (assert) => {
    const storage = memoryStorage();
    const { fixture, opened } = await setup(
        { mine: [row(4, { assignee: ME, unread_count: 1 })], unassigned: [row(5, { unread_count: 2 }), row(1)] },
        { storage, active: 5 }
    );
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_sidebar_counter"), "no category counter while unfolded");
    assert.ok(fixture.querySelector(".o_cusoft_whatsapp_sidebar_item[data-conversation-id='5']")!.classList.contains("o-active"));

    click(fixture, ".o_cusoft_whatsapp_sidebar_toggler");
    await nextTick();
    assert.deepEqual(rows(fixture), ["5"], "the open conversation stays visible");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_sidebar_counter"), "2", "two conversations with unread messages");
    assert.strictEqual(storage.values.get(FOLD_KEY), "false");

    click(fixture, ".o_cusoft_whatsapp_sidebar_item");
    assert.deepEqual(opened, [5]);
});

QUnit.test("a category folded in an earlier visit starts folded", async (assert) => {
    const { fixture } = await setup(
        { mine: [row(4, { assignee: ME, unread_count: 1 })], unassigned: [] },
        { storage: memoryStorage({ [FOLD_KEY]: "false" }) }
    );
    assert.deepEqual(rows(fixture), []);
    assert.strictEqual(fixture.querySelector(".o_cusoft_whatsapp_sidebar_toggler")!.getAttribute("aria-expanded"), "false");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_sidebar_counter"), "1");
});

QUnit.test("the compact sidebar shows avatars only, names in the tooltip", async (assert) => {
    const { fixture } = await setup({ mine: [row(4, { assignee: ME })], unassigned: [row(5)] }, { compact: true });
    assert.deepEqual(rows(fixture), ["4 mine", "5"]);
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_sidebar_name"));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_sidebar_group"));
    assert.strictEqual(fixture.querySelector(".o_cusoft_whatsapp_sidebar_item")!.getAttribute("title"), "Customer 4");
});

QUnit.test("a new customer message reorders the rows and updates the badges", async (assert) => {
    const server = { mine: [row(4, { assignee: ME })], unassigned: [row(5)] };
    const { fixture, bus, store } = await setup(server);
    server.unassigned = [row(9, { unread_count: 1 }), row(5)];
    bus.emit("cusoft_whatsapp/message", { conversation_id: 9, message_id: 90, state: "received", direction: "inbound" });
    await flush();
    await store.settled();
    await nextTick();
    assert.deepEqual(rows(fixture), ["4 mine", "9", "5"]);
    assert.strictEqual(text(fixture, "[data-conversation-id='9'] .o_cusoft_whatsapp_sidebar_badge"), "1");
});
