import { templateListSchema, type WhatsAppTemplate } from "../../static_src/api/schemas/chat_templates";
import { fillProblems, initialValues, previewParts, valuesToSend } from "../../static_src/domain/template_fill";
import { contractAnswer } from "../contract";

QUnit.module("domain > template_fill");

/** The server's templates (test/contract/chat_templates.json): named text header, image header, location. */
const LIST = templateListSchema.parse(contractAnswer("/cusoft_whatsapp/chat/templates", "outside_window"));
function template(name: string): WhatsAppTemplate {
    return LIST.templates.find((t) => t.name === name)!;
}
const ORDER = template("order_ready_pickup");
const FILLED = {
    "header.order_ref": "SO7",
    "body.customer_name": "Ana",
    "body.pickup_date": "Monday",
    "body.amount_due": "EUR 12.00",
    "button.1.1": "SO7",
};

function problemKeys(problems: { key: string | null }[]): (string | null)[] {
    return problems.map((p) => p.key);
}

QUnit.test("starts from the server's values for variables that mean the customer's name", (assert) => {
    assert.deepEqual(initialValues(ORDER, LIST.prefill), {
        "header.order_ref": "",
        "body.customer_name": LIST.prefill.customer_name!,
        "body.pickup_date": "",
        "body.amount_due": "",
        "button.1.1": "",
    });
    const location = initialValues(template("visit_our_shop"), LIST.prefill);
    assert.deepEqual(Object.keys(location).sort(), ["body.1", "button.1.code", "header.address", "header.latitude", "header.longitude", "header.name"]);
});

QUnit.test("names each variable left empty, and accepts complete values", (assert) => {
    const problems = fillProblems(ORDER, { ...FILLED, "body.pickup_date": " ", "button.1.1": "" }, null);
    assert.deepEqual(problemKeys(problems), ["body.pickup_date", "button.1.1"]);
    assert.deepEqual(problems.map((p) => p.message), ["Fill in {{pickup_date}}.", "Fill in Link of the button “Track order”."]);
    assert.deepEqual(fillProblems(ORDER, FILLED, null), []);
});

QUnit.test("refuses what Meta refuses: line breaks, texts too long once filled", (assert) => {
    assert.deepEqual(problemKeys(fillProblems(ORDER, { ...FILLED, "body.customer_name": "Ana\nLopez" }, null)), ["body.customer_name"]);
    assert.deepEqual(problemKeys(fillProblems(ORDER, { ...FILLED, "body.customer_name": "Ana      Lopez" }, null)), ["body.customer_name"]);
    const long = fillProblems(ORDER, { ...FILLED, "header.order_ref": "X".repeat(60), "body.amount_due": "Y".repeat(1100) }, null);
    assert.deepEqual(problemKeys(long), [null, null], "header and body, each over its limit");
});

QUnit.test("a media header needs a file of its kind and size", (assert) => {
    const promo = template("spring_promo");
    const values = { "body.1": "Ana", "body.2": "SPRING15" };
    const kinds = (file: { name: string; type: string; size: number } | null) => fillProblems(promo, values, file).map((p) => p.message);
    assert.deepEqual(kinds(null), ["This template starts with a file: attach a picture (JPEG or PNG) to show in its header."]);
    assert.deepEqual(kinds({ name: "a.pdf", type: "application/pdf", size: 10 }), ["The header of this template takes a picture (JPEG or PNG); the attached file is of another type."]);
    assert.deepEqual(kinds({ name: "a.png", type: "image/png", size: 6 * 1024 * 1024 }), ["The header file is too large: at most 5 MB."]);
    assert.deepEqual(kinds({ name: "a.png", type: "image/png", size: 1000 }), []);
});

QUnit.test("a location header needs valid coordinates; copy codes are short", (assert) => {
    const visit = template("visit_our_shop");
    const problems = fillProblems(visit, { "body.1": "Ana", "button.1.code": "C".repeat(16), "header.latitude": "north", "header.longitude": "181" }, null);
    assert.deepEqual(problemKeys(problems), ["button.1.code", "header.latitude", "header.longitude"]);
    const ok = { "body.1": "Ana", "button.1.code": "VISIT10", "header.latitude": "40.42", "header.longitude": "-3.70", "header.name": "Shop" };
    assert.deepEqual(fillProblems(visit, ok, null), []);
    assert.deepEqual(valuesToSend(visit, { ...ok, "body.9": "ignored" }), { ...ok, "header.address": "" });
});

QUnit.test("the preview shows typed values and marks what is still to fill", (assert) => {
    const parts = previewParts(ORDER.body.text, "body", { "body.customer_name": " Ana " });
    assert.deepEqual(parts.slice(0, 4), [
        { text: "Hello ", kind: "fixed" },
        { text: "Ana", kind: "value" },
        { text: ", your order can be collected from ", kind: "fixed" },
        { text: "{{pickup_date}}", kind: "empty" },
    ]);
});
