// The contract fixtures (test/contract/*.json): real answers of the addon's JSON routes, produced by
// the Odoo tier against the fake Graph server (addon/cusoft_whatsapp/tests/test_contract.py).
// test/run-browser.mjs hands them to the page; tests build their payloads from them, so that a
// hand-written payload cannot say something the server never answers.

export interface ContractFixture {
    route: string;
    /** One real answer per situation, e.g. "connected_admin", "error". */
    answers: Record<string, unknown>;
}

const fixtures = (globalThis as unknown as { cusoftContract: Record<string, ContractFixture> }).cusoftContract;

export function contractFixtures(): ContractFixture[] {
    return Object.values(fixtures);
}

/** A fresh copy of the server's answer of `route` in `situation`. */
export function contractAnswer(route: string, situation: string): Record<string, unknown> {
    const fixture = contractFixtures().find((f) => f.route === route);
    const answer = fixture?.answers[situation];
    if (answer === undefined) {
        throw new Error(`no contract answer of ${route} for "${situation}" in test/contract/`);
    }
    return structuredClone(answer) as Record<string, unknown>;
}
