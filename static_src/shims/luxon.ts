// Odoo loads luxon as a global script (web/static/lib/luxon), not as a module: the build aliases
// `luxon` to this file so the bundle shares Odoo's copy, its locale and its time zone settings.
import type * as Luxon from "luxon";

const lib = (globalThis as unknown as { luxon: typeof Luxon }).luxon;

export const DateTime = lib.DateTime;
export const Duration = lib.Duration;
export const Interval = lib.Interval;
export const Settings = lib.Settings;
