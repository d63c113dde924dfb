import { templateListSchema, type TemplateList, type WhatsAppTemplate } from "../../../static_src/api/schemas/chat_templates";
import { TemplatePicker, type TemplateSend } from "../../../static_src/components/template_picker/template_picker";
import { TemplatePickerPanel } from "../../../static_src/components/template_picker/template_picker_panel";
import { contractAnswer } from "../../contract";
import { click, makeDeferred, mountComponent, nextTick, text } from "../../helpers";

QUnit.module("components > TemplatePicker");

/** The server's answer for a conversation outside the window (test/contract/chat_templates.json). */
function serverList(): TemplateList {
    return templateListSchema.parse(contractAnswer("/cusoft_whatsapp/chat/templates", "outside_window"));
}

/** The same order template in Spanish too, as Meta lists one entry per language. */
function withSpanish(list: TemplateList): WhatsAppTemplate[] {
    const order = list.templates.find((t) => t.name === "order_ready_pickup")!;
    const spanish: WhatsAppTemplate = {
        ...structuredClone(order),
        id: 99,
        language: "es",
        body: { ...order.body, text: "Hola {{customer_name}}, su pedido se recoge desde {{pickup_date}}. Importe: {{amount_due}}." },
    };
    return [...list.templates, spanish];
}

interface Options {
    templates?: WhatsAppTemplate[];
    onSend?: (send: TemplateSend) => Promise<void>;
    onCancel?: () => void;
}

async function mountPicker(options: Options = {}) {
    const list = serverList();
    const sends: TemplateSend[] = [];
    let cancelled = 0;
    const { fixture } = await mountComponent(TemplatePicker, {
        templates: options.templates ?? list.templates,
        prefill: list.prefill,
        onSend: options.onSend ?? (async (send: TemplateSend) => void sends.push(send)),
        onCancel: options.onCancel ?? (() => void cancelled++),
    });
    return { fixture, sends, list, cancelled: () => cancelled };
}

function names(fixture: HTMLElement): string[] {
    return [...fixture.querySelectorAll<HTMLElement>(".o_cusoft_whatsapp_tpl_option")].map((o) => o.dataset.name!);
}

function input(fixture: HTMLElement, key: string): HTMLInputElement {
    return fixture.querySelector<HTMLInputElement>(`[data-key="${key}"] input`)!;
}

async function type(fixture: HTMLElement, key: string, value: string): Promise<void> {
    const field = input(fixture, key);
    field.value = value;
    field.dispatchEvent(new Event("input"));
    await nextTick();
}

async function choose(fixture: HTMLElement, name: string): Promise<void> {
    click(fixture, `.o_cusoft_whatsapp_tpl_option[data-name="${name}"]`);
    await nextTick();
}

async function fillOrder(fixture: HTMLElement): Promise<void> {
    await type(fixture, "header.order_ref", "SO0042");
    await type(fixture, "body.pickup_date", "Monday");
    await type(fixture, "body.amount_due", "EUR 12.00");
    await type(fixture, "button.1.1", "SO0042");
}

function attach(fixture: HTMLElement, file: File): Promise<void> {
    const field = fixture.querySelector<HTMLInputElement>(".o_cusoft_whatsapp_tpl_file input")!;
    const transfer = new DataTransfer();
    transfer.items.add(file);
    field.files = transfer.files;
    field.dispatchEvent(new Event("change"));
    return nextTick();
}

QUnit.test("lists the approved templates once per name and finds them by name or text", async (assert) => {
    const { fixture } = await mountPicker({ templates: withSpanish(serverList()) });
    assert.deepEqual(names(fixture), ["order_ready_pickup", "spring_promo", "visit_our_shop"]);
    assert.strictEqual(text(fixture, '[data-name="order_ready_pickup"] .o_cusoft_whatsapp_tpl_languages'), "en_US · es");
    assert.strictEqual(document.activeElement, fixture.querySelector(".o_cusoft_whatsapp_tpl_search"), "ready to type a search");
    const search = fixture.querySelector<HTMLInputElement>(".o_cusoft_whatsapp_tpl_search")!;
    search.value = "15% off";
    search.dispatchEvent(new Event("input"));
    await nextTick();
    assert.deepEqual(names(fixture), ["spring_promo"], "found by the words of its message");
    search.value = "order ready";
    search.dispatchEvent(new Event("input"));
    await nextTick();
    assert.deepEqual(names(fixture), ["order_ready_pickup"], "found by its name written with spaces");
    search.value = "invoice";
    search.dispatchEvent(new Event("input"));
    await nextTick();
    assert.deepEqual(names(fixture), []);
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_no_match"), "No template matches this search.");
});

QUnit.test("prefills the customer's name, shows Meta's examples as hints and previews as the user types", async (assert) => {
    const { fixture, list } = await mountPicker();
    await choose(fixture, "order_ready_pickup");
    assert.strictEqual(input(fixture, "body.customer_name").value, list.prefill.customer_name, "the customer's name is filled in");
    assert.strictEqual(input(fixture, "body.pickup_date").value, "");
    assert.strictEqual(input(fixture, "body.pickup_date").placeholder, "28 October 2026", "Meta's example as a hint, not a value");
    assert.strictEqual(text(fixture, '[data-key="button.1.1"] label'), "Link of the button “Track order”");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_preview_header"), "Order {{order_ref}} is ready");
    assert.strictEqual(fixture.querySelectorAll(".o_cusoft_whatsapp_tpl_empty_var").length, 3, "what is left to fill stands out");
    await type(fixture, "header.order_ref", "SO0042");
    await type(fixture, "body.pickup_date", "Monday");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_preview_header"), "Order SO0042 is ready");
    assert.strictEqual(
        text(fixture, ".o_cusoft_whatsapp_tpl_preview_body"),
        `Hello ${list.prefill.customer_name}, your order can be collected from Monday. Amount due: {{amount_due}}.`
    );
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_preview_footer"), "Reply STOP to opt out");
    assert.deepEqual(
        [...fixture.querySelectorAll(".o_cusoft_whatsapp_tpl_preview_button")].map((b) => b.textContent!.trim()),
        ["Change date", "Track order"]
    );
});

QUnit.test("switching the language keeps what was typed", async (assert) => {
    const { fixture } = await mountPicker({ templates: withSpanish(serverList()) });
    await choose(fixture, "order_ready_pickup");
    await type(fixture, "body.pickup_date", "lunes");
    const select = fixture.querySelector<HTMLSelectElement>(".o_cusoft_whatsapp_tpl_language")!;
    assert.deepEqual([...select.options].map((o) => o.value), ["en_US", "es"]);
    select.value = "es";
    select.dispatchEvent(new Event("change"));
    await nextTick();
    assert.ok(text(fixture, ".o_cusoft_whatsapp_tpl_preview_body").startsWith("Hola "));
    assert.ok(text(fixture, ".o_cusoft_whatsapp_tpl_preview_body").includes("desde lunes"));
});

QUnit.test("refuses to send with empty variables, says which, and focuses the first", async (assert) => {
    const { fixture, sends } = await mountPicker();
    await choose(fixture, "order_ready_pickup");
    await type(fixture, "body.customer_name", "");
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_tpl_problem"), "no error before the user tries to send");
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    assert.strictEqual(sends.length, 0);
    assert.deepEqual(
        [...fixture.querySelectorAll(".o_cusoft_whatsapp_tpl_problem")].map((p) => p.textContent),
        [
            "Fill in {{order_ref}}.",
            "Fill in {{customer_name}}.",
            "Fill in {{pickup_date}}.",
            "Fill in {{amount_due}}.",
            "Fill in Link of the button “Track order”.",
        ]
    );
    assert.strictEqual(document.activeElement, input(fixture, "header.order_ref"));
    assert.strictEqual(input(fixture, "header.order_ref").getAttribute("aria-invalid"), "true");
    await type(fixture, "header.order_ref", "SO0042");
    assert.strictEqual(input(fixture, "header.order_ref").getAttribute("aria-invalid"), "false", "fixed as the user types");
    // A text input drops line breaks by itself; runs of spaces and tabs (pasted text) stay.
    await type(fixture, "body.customer_name", "Ana      Lopez");
    assert.strictEqual(
        text(fixture, '[data-key="body.customer_name"] .o_cusoft_whatsapp_tpl_problem'),
        "{{customer_name}} cannot contain line breaks, tabs or more than four spaces in a row."
    );
});

QUnit.test("sends the filled template with every value and the text the customer reads", async (assert) => {
    const { fixture, sends, list } = await mountPicker();
    await choose(fixture, "order_ready_pickup");
    await fillOrder(fixture);
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    assert.strictEqual(sends.length, 1);
    const [send] = sends;
    assert.strictEqual(send!.templateId, list.templates[0]!.id);
    assert.deepEqual(send!.values, {
        "header.order_ref": "SO0042",
        "body.customer_name": list.prefill.customer_name!,
        "body.pickup_date": "Monday",
        "body.amount_due": "EUR 12.00",
        "button.1.1": "SO0042",
    });
    assert.strictEqual(send!.file, null);
    assert.strictEqual(
        send!.text,
        `Order SO0042 is ready\n\nHello ${list.prefill.customer_name}, your order can be collected from Monday. Amount due: EUR 12.00.\n\nReply STOP to opt out`
    );
});

QUnit.test("a media header asks for a file of its kind and shows its name in the preview", async (assert) => {
    const { fixture, sends } = await mountPicker();
    await choose(fixture, "spring_promo");
    await type(fixture, "body.1", "Ana");
    await type(fixture, "body.2", "SPRING15");
    assert.strictEqual(fixture.querySelector<HTMLInputElement>(".o_cusoft_whatsapp_tpl_file input")!.accept, "image/jpeg,image/png");
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_file .o_cusoft_whatsapp_tpl_problem"),
        "This template starts with a file: attach a picture (JPEG or PNG) to show in its header.");
    await attach(fixture, new File(["%PDF"], "terms.pdf", { type: "application/pdf" }));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_file .o_cusoft_whatsapp_tpl_problem"),
        "The header of this template takes a picture (JPEG or PNG); the attached file is of another type.");
    await attach(fixture, new File([new Uint8Array(10)], "spring.png", { type: "image/png" }));
    assert.notOk(fixture.querySelector(".o_cusoft_whatsapp_tpl_problem"));
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_preview_media"), "spring.png");
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    assert.strictEqual(sends[0]!.file!.name, "spring.png");
});

QUnit.test("a location header takes the place and its coordinates", async (assert) => {
    const { fixture, sends } = await mountPicker();
    await choose(fixture, "visit_our_shop");
    await type(fixture, "header.latitude", "40.42");
    await type(fixture, "header.longitude", "-3.70");
    await type(fixture, "header.name", "Cusoft Madrid");
    await type(fixture, "button.1.code", "VISIT10");
    await type(fixture, "body.1", "Ana");
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_preview_location"), "Cusoft Madrid");
    assert.deepEqual(
        [...fixture.querySelectorAll(".o_cusoft_whatsapp_tpl_preview_button")].map((b) => b.textContent!.trim()),
        ["Llamar", "Copy code"]
    );
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    assert.strictEqual(sends[0]!.values["header.latitude"], "40.42");
    assert.strictEqual(sends[0]!.values["button.1.code"], "VISIT10");
});

QUnit.test("shows the server's refusal as it is worded and lets the user try again", async (assert) => {
    const refusal = "Maria asked not to receive marketing messages.";
    const answer = makeDeferred<void>();
    const { fixture } = await mountPicker({ onSend: () => answer });
    await choose(fixture, "order_ready_pickup");
    await fillOrder(fixture);
    click(fixture, ".o_cusoft_whatsapp_tpl_send");
    await nextTick();
    const send = fixture.querySelector<HTMLButtonElement>(".o_cusoft_whatsapp_tpl_send")!;
    assert.true(send.disabled, "no double send while the server answers");
    answer.reject(new Error(refusal));
    await nextTick();
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_tpl_refusal"), refusal);
    assert.false(send.disabled);
});

QUnit.test("Escape or Cancel closes the picker", async (assert) => {
    const { fixture, cancelled } = await mountPicker();
    fixture.querySelector(".o_cusoft_whatsapp_tpl_search")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    click(fixture, ".o_cusoft_whatsapp_tpl_cancel");
    assert.strictEqual(cancelled(), 2);
});

QUnit.test("says so when the number has no approved template", async (assert) => {
    const { fixture } = await mountPicker({ templates: [] });
    assert.ok(text(fixture, ".o_cusoft_whatsapp_tpl_empty").startsWith("This number has no approved template yet."));
});

QUnit.module("components > TemplatePickerPanel");

QUnit.test("loads the templates, then shows the picker; a failed load can be retried", async (assert) => {
    let calls = 0;
    const first = makeDeferred<TemplateList>();
    const mounting = mountComponent(TemplatePickerPanel, {
        load: () => (++calls === 1 ? first : Promise.resolve(serverList())),
        onSend: async () => {},
        onCancel: () => {},
    });
    // The panel waits for its first load before it shows anything: that load fails.
    first.reject(new Error("The server could not be reached."));
    const { fixture } = await mounting;
    assert.strictEqual(text(fixture, ".o_cusoft_whatsapp_error p"), "The server could not be reached.");
    click(fixture, ".o_cusoft_whatsapp_error .btn-secondary");
    await nextTick();
    await nextTick();
    assert.deepEqual(names(fixture), ["order_ready_pickup", "spring_promo", "visit_our_shop"]);
    assert.strictEqual(calls, 2);
});
