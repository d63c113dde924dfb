import { ROUTES, type Route } from "../../static_src/api/routes";
import { contractFixtures } from "../contract";

QUnit.module("api > contract with the server", () => {
    QUnit.test("every JSON route has real answers in test/contract/ and every fixture a schema", (assert) => {
        const fixtureRoutes = contractFixtures().map((f) => f.route).sort();
        assert.deepEqual(fixtureRoutes, Object.keys(ROUTES).sort());
    });

    for (const fixture of contractFixtures()) {
        QUnit.test(`${fixture.route}: the server's answers parse with the route's schema`, (assert) => {
            const schema = ROUTES[fixture.route as Route];
            assert.ok(schema, `api/routes.ts lists ${fixture.route}`);
            const situations = Object.entries(fixture.answers);
            assert.ok(situations.length > 0, "at least one answer");
            for (const [situation, answer] of situations) {
                const parsed = schema.safeParse(answer);
                assert.true(parsed.success, `${situation}: ${parsed.success ? "ok" : JSON.stringify(parsed.error.issues)}`);
            }
        });

        QUnit.test(`${fixture.route}: a renamed or an unknown field is refused`, (assert) => {
            const schema = ROUTES[fixture.route as Route];
            const answer = Object.values(fixture.answers)[0] as Record<string, unknown>;
            for (const key of Object.keys(answer)) {
                const { [key]: value, ...rest } = answer;
                assert.false(schema.safeParse({ ...rest, [`${key}_renamed`]: value }).success, `${key} renamed`);
            }
            assert.false(schema.safeParse({ ...answer, surprise: 1 }).success, "an extra field");
        });
    }
});
