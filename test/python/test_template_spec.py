import json
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "addon" / "cusoft_whatsapp"))

from template_spec import (  # noqa: E402
    TemplateFormatError,
    graph_template,
    parse_components,
    render,
    status_after_event,
    validate,
    variables,
)

PAGE = json.loads((ROOT / "test" / "fixtures" / "meta" / "graph_message_templates_page.json").read_text())
BY_NAME = {t["name"]: t for t in PAGE["data"]}


def parsed(name):
    template = BY_NAME[name]
    return parse_components(template["components"], template.get("parameter_format"))


def kinds(problems):
    return sorted((p.kind, p.key) for p in problems)


class ParseTemplates(unittest.TestCase):
    def test_named_text_header_body_footer_and_buttons_of_metas_page(self):
        spec = parsed("order_ready_pickup")
        self.assertEqual(spec["parameter_format"], "named")
        self.assertEqual(spec["header"]["format"], "text")
        self.assertEqual(spec["header"]["variables"], [{"key": "header.order_ref", "name": "order_ref", "example": "SO0042"}])
        self.assertEqual([v["key"] for v in spec["body"]["variables"]],
                         ["body.customer_name", "body.pickup_date", "body.amount_due"])
        self.assertEqual(spec["body"]["variables"][2]["example"], "EUR 120.50")
        self.assertEqual(spec["footer"], "Reply STOP to opt out")
        quick, url = spec["buttons"]
        self.assertEqual((quick["type"], quick["text"], quick["variables"]), ("quick_reply", "Change date", []))
        self.assertEqual(url["type"], "url")
        # Meta's example is the whole URL; only the suffix is ever sent.
        self.assertEqual(url["variables"], [{"key": "button.1.1", "name": "1", "example": "SO0042"}])

    def test_positional_image_header_and_examples_by_position(self):
        spec = parsed("spring_promo")
        self.assertEqual(spec["parameter_format"], "positional")
        self.assertEqual(spec["header"], {"format": "image", "text": None, "variables": []})
        self.assertEqual([(v["key"], v["example"]) for v in spec["body"]["variables"]],
                         [("body.1", "Dana"), ("body.2", "SPRING15")])

    def test_positional_variables_are_ordered_by_number_not_by_place_in_the_text(self):
        spec = parse_components([{"type": "BODY", "text": "From {{2}} to {{1}}, again {{2}}"}])
        self.assertEqual([v["name"] for v in spec["body"]["variables"]], ["1", "2"])

    def test_every_header_and_button_kind(self):
        components = [
            {"type": "HEADER", "format": "LOCATION"},
            {"type": "BODY", "text": "Your code is {{1}}"},
            {"type": "BUTTONS", "buttons": [
                {"type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+15550001234"},
                {"type": "COPY_CODE", "example": "SAVE10"},
                {"type": "FLOW", "text": "Book"},
                {"type": "URL", "text": "Shop", "url": "https://shop.example.com"},
                {"type": "SOMETHING_NEW", "text": "?"},
            ]},
        ]
        spec = parse_components(components)
        self.assertEqual(spec["header"]["format"], "location")
        self.assertEqual([b["type"] for b in spec["buttons"]], ["phone", "copy_code", "flow", "url", "other"])
        self.assertEqual(spec["buttons"][0]["phone"], "+15550001234")
        self.assertEqual(spec["buttons"][1]["variables"], [{"key": "button.1.code", "name": "code", "example": "SAVE10"}])
        self.assertEqual(spec["buttons"][3]["variables"], [], "a static URL has nothing to fill")
        self.assertEqual([v["key"] for v in variables(spec)], ["body.1", "button.1.code"])
        for fmt in ("VIDEO", "DOCUMENT"):
            self.assertEqual(parse_components([{"type": "HEADER", "format": fmt}, components[1]])["header"]["format"],
                             fmt.lower())

    def test_named_format_is_recognised_when_meta_omits_parameter_format(self):
        self.assertEqual(parse_components([{"type": "BODY", "text": "Hi {{name}}"}])["parameter_format"], "named")

    def test_unreadable_components_are_refused(self):
        for components in (None, "BODY", [1], [{"type": "FOOTER", "text": "no body"}]):
            with self.assertRaises(TemplateFormatError):
                parse_components(components)

    def test_status_after_a_webhook_event(self):
        self.assertEqual(status_after_event("PAUSED", "APPROVED"), "PAUSED")
        self.assertEqual(status_after_event("REINSTATED", "PAUSED"), "APPROVED")
        self.assertEqual(status_after_event("FLAGGED", "APPROVED"), "APPROVED")
        self.assertEqual(status_after_event(None, "PENDING"), "PENDING")


class FillTemplates(unittest.TestCase):
    VALUES = {"header.order_ref": "SO7", "body.customer_name": "Maria", "body.pickup_date": "Monday",
              "body.amount_due": "EUR 10.00", "button.1.1": "SO7"}

    def test_complete_values_have_no_problem(self):
        self.assertEqual(validate(parsed("order_ready_pickup"), self.VALUES), [])

    def test_each_empty_variable_is_named(self):
        problems = validate(parsed("order_ready_pickup"), {**self.VALUES, "body.pickup_date": "  ", "button.1.1": None})
        self.assertEqual(kinds(problems), [("missing", "body.pickup_date"), ("missing", "button.1.1")])

    def test_new_lines_and_long_texts_are_refused(self):
        spec = parsed("order_ready_pickup")
        problems = validate(spec, {**self.VALUES, "body.customer_name": "Maria\nLopez"})
        self.assertEqual(kinds(problems), [("layout", "body.customer_name")])
        problems = validate(spec, {**self.VALUES, "header.order_ref": "X" * 60, "body.customer_name": "Y" * 1100})
        self.assertEqual(sorted(p.kind for p in problems), ["body_too_long", "header_too_long"])

    def test_header_media_must_be_given_of_the_right_type_and_size(self):
        spec = parsed("spring_promo")
        values = {"body.1": "Dana", "body.2": "SPRING15"}
        self.assertEqual(kinds(validate(spec, values)), [("media_missing", "header.media")])
        self.assertEqual(kinds(validate(spec, values, "application/pdf", 10)), [("media_type", "header.media")])
        self.assertEqual(kinds(validate(spec, values, "image/png", 6 * 1024 * 1024)), [("media_size", "header.media")])
        self.assertEqual(validate(spec, values, "image/jpeg", 1000), [])

    def test_a_location_header_needs_coordinates(self):
        spec = parse_components([{"type": "HEADER", "format": "LOCATION"}, {"type": "BODY", "text": "See you"}])
        problems = validate(spec, {"header.latitude": "north", "header.longitude": "200"})
        self.assertEqual(kinds(problems), [("location", "header.latitude"), ("location", "header.longitude")])
        self.assertEqual(validate(spec, {"header.latitude": "40.4", "header.longitude": "-3.7"}), [])

    def test_copy_codes_are_at_most_15_characters(self):
        spec = parse_components([{"type": "BODY", "text": "Hi"}, {"type": "BUTTONS", "buttons": [{"type": "COPY_CODE"}]}])
        self.assertEqual(kinds(validate(spec, {"button.0.code": "C" * 16})), [("too_long", "button.0.code")])

    def test_render_shows_what_the_customer_reads(self):
        shown = render(parsed("order_ready_pickup"), self.VALUES)
        self.assertEqual(shown["header"], "Order SO7 is ready")
        self.assertEqual(shown["body"], "Hello Maria, your order can be collected from Monday. Amount due: EUR 10.00.")
        self.assertEqual(shown["text"], "Order SO7 is ready\n\nHello Maria, your order can be collected from Monday. "
                                        "Amount due: EUR 10.00.\n\nReply STOP to opt out\n\n[Change date] · [Track order]")
        self.assertIn("{{pickup_date}}", render(parsed("order_ready_pickup"), {})["body"], "unfilled stays visible")

    def test_named_send_payload(self):
        template = graph_template("order_ready_pickup", "en_US", parsed("order_ready_pickup"), self.VALUES)
        self.assertEqual(template["language"], {"code": "en_US"})
        header, body, button = template["components"]
        self.assertEqual(header, {"type": "header", "parameters": [
            {"type": "text", "text": "SO7", "parameter_name": "order_ref"}]})
        self.assertEqual(body["parameters"][0], {"type": "text", "text": "Maria", "parameter_name": "customer_name"})
        self.assertEqual(button, {"type": "button", "sub_type": "url", "index": "1",
                                  "parameters": [{"type": "text", "text": "SO7"}]})

    def test_positional_send_payload_with_media_and_copy_code(self):
        spec = parse_components([
            {"type": "HEADER", "format": "DOCUMENT"}, {"type": "BODY", "text": "{{1}} and {{2}}"},
            {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Ok"}, {"type": "COPY_CODE"}]},
        ])
        template = graph_template("t", "es", spec, {"body.2": "b", "body.1": "a", "button.1.code": "X1"},
                                  media_id="77", filename="invoice.pdf")
        self.assertEqual(template["components"], [
            {"type": "header", "parameters": [{"type": "document", "document": {"id": "77", "filename": "invoice.pdf"}}]},
            {"type": "body", "parameters": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]},
            {"type": "button", "sub_type": "copy_code", "index": "1",
             "parameters": [{"type": "coupon_code", "coupon_code": "X1"}]},
        ])
        with self.assertRaises(ValueError):
            graph_template("t", "es", spec, {})


class PlainPython(unittest.TestCase):
    def test_the_package_imports_nothing_of_odoo_nor_of_the_addon(self):
        import ast
        for path in sorted((ROOT / "addon" / "cusoft_whatsapp" / "template_spec").glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom):
                    self.assertLessEqual(node.level, 1, f"{path.name} reaches outside the package")
                    self.assertFalse((node.module or "").startswith("odoo"), path.name)
                elif isinstance(node, ast.Import):
                    self.assertFalse(any(a.name.startswith("odoo") for a in node.names), path.name)


if __name__ == "__main__":
    unittest.main()


from template_spec import build  # noqa: E402


class BuildTemplates(unittest.TestCase):
    DRAFT = {"name": "order_ready", "category": "UTILITY",
             "header": {"format": "text", "text": "Order {{1}}", "example": "SO1"},
             "body": "Hello {{1}}, see you on {{2}}.", "body_examples": ["Dana", "Monday"], "footer": "Cusoft",
             "buttons": [{"type": "quick_reply", "text": "Yes"}, {"type": "quick_reply", "text": "No"},
                         {"type": "url", "text": "Track", "url": "https://shop.example.com/{{1}}", "example": "SO1"}]}

    def test_names_follow_metas_rules_as_typed(self):
        self.assertIsNone(build.name_problem("order_ready_2"))
        self.assertEqual(build.name_problem("Order ready"), "characters")
        self.assertEqual(build.name_problem("x" * 513), "length")
        self.assertEqual(build.suggested_name("Spring Sale! 2026"), "spring_sale_2026")

    def test_a_valid_draft_becomes_metas_components_and_parses_back(self):
        self.assertEqual(build.problems(self.DRAFT), [])
        components = build.components(self.DRAFT)
        self.assertEqual(components[1]["example"], {"body_text": [["Dana", "Monday"]]})
        spec = parse_components(components)
        self.assertEqual([v["key"] for v in variables(spec)], ["header.1", "body.1", "body.2", "button.2.1"])
        self.assertEqual(build.parameter_format(self.DRAFT), "POSITIONAL")

    def test_metas_limits_are_checked_before_submitting(self):
        draft = {**self.DRAFT, "body": "{{1}} {{3}}", "body_examples": ["a"], "footer": "Hi {{1}}",
                 "header": {"format": "image"},
                 "buttons": [{"type": "quick_reply", "text": "Yes"}, {"type": "phone", "text": "Call", "phone": "abc"},
                             {"type": "quick_reply", "text": "x" * 26}]}
        kinds = {kind for kind, _detail in build.problems(draft)}
        self.assertEqual(kinds, {"header_file", "numbering", "adjacent", "edge", "body_examples", "footer_variables", "button_phone",
                                 "button_text", "quick_reply_group"})
