// Shared test fixtures for the browser tier: mount real OWL components with the templates the
// build ships, fake ports instead of Odoo services, and small timing helpers.
import { App, type Component, type ComponentConstructor } from "@odoo/owl";
import type { RpcPort } from "../static_src/api/rpc_port";

/** Set by test/run-browser.mjs from the same concatenation the build writes for Odoo. */
const templates = (globalThis as unknown as { cusoftTemplates: string }).cusoftTemplates;

const apps: App[] = [];

export function makeTestFixture(): HTMLElement {
    const fixture = document.createElement("div");
    document.getElementById("qunit-fixture")!.appendChild(fixture);
    return fixture;
}

export function nextTick(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

export interface Deferred<T> extends Promise<T> {
    resolve(value: T): void;
    reject(reason: unknown): void;
}

export function makeDeferred<T>(): Deferred<T> {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return Object.assign(promise, { resolve, reject });
}

export interface Mounted<C> {
    fixture: HTMLElement;
    component: C;
}

/** Mounts `Comp` as the root of a new OWL app in dev mode (props are validated). */
export async function mountComponent<T extends new (...args: never[]) => Component>(
    Comp: T,
    props: InstanceType<T>["props"],
    env: Record<string, unknown> = {}
): Promise<Mounted<InstanceType<T>>> {
    const fixture = makeTestFixture();
    const app = new App(Comp as unknown as ComponentConstructor, { env, props, templates, dev: true, test: true, warnIfNoStaticProps: true });
    apps.push(app);
    const component = (await app.mount(fixture)) as InstanceType<T>;
    return { fixture, component };
}

QUnit.testDone(() => {
    for (const app of apps.splice(0)) {
        app.destroy();
    }
});

export interface RpcCall {
    route: string;
    params: Record<string, unknown> | undefined;
}

export type RouteHandler = (params: Record<string, unknown> | undefined) => unknown;

/** An RpcPort answering from `routes`; unknown routes reject like an Odoo 404 would. */
export function fakeRpc(routes: Record<string, RouteHandler>): RpcPort & { calls: RpcCall[] } {
    const calls: RpcCall[] = [];
    const port = async (route: string, params?: Record<string, unknown>): Promise<unknown> => {
        calls.push({ route, params });
        const handler = routes[route];
        if (!handler) {
            throw new Error(`no fake route for ${route}`);
        }
        return handler(params);
    };
    return Object.assign(port, { calls });
}

export function text(root: HTMLElement, selector: string): string {
    return root.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}

export function click(root: HTMLElement, selector: string): void {
    const target = root.querySelector<HTMLElement>(selector);
    if (!target) {
        throw new Error(`nothing matches ${selector}`);
    }
    target.click();
}
