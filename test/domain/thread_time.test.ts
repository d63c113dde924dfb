import { DateTime } from "luxon";
import { offsetOf, visibleRange } from "../../static_src/domain/list_window";
import { serviceWindow } from "../../static_src/domain/service_window";
import { dayLabel } from "../../static_src/domain/thread_dates";

QUnit.module("domain > service window, days, list window");

const now = DateTime.fromISO("2026-11-25T10:00:00", { zone: "utc" });

QUnit.test("the window counts down to the second and warns in its last hour", (assert) => {
    assert.deepEqual(serviceWindow(now.plus({ hours: 23, minutes: 5, seconds: 9 }), now), { open: true, label: "23:05:09 left to reply", closingSoon: false });
    assert.deepEqual(serviceWindow(now.plus({ minutes: 59 }), now), { open: true, label: "0:59:00 left to reply", closingSoon: true });
    assert.deepEqual(serviceWindow(now, now), { open: false, label: "Window closed", closingSoon: false });
    assert.deepEqual(serviceWindow(null, now), { open: false, label: "No open window", closingSoon: false });
});

QUnit.test("days: today, yesterday, this week's weekday, then the date", (assert) => {
    assert.strictEqual(dayLabel(now.set({ hour: 0 }), now), "Today");
    assert.strictEqual(dayLabel(now.minus({ days: 1 }).set({ hour: 23 }), now), "Yesterday");
    assert.strictEqual(dayLabel(now.minus({ days: 3 }), now), "Sunday");
    assert.strictEqual(dayLabel(now.minus({ days: 30 }), now), "October 26, 2026");
});

QUnit.test("the window of rows covers the viewport plus the overscan, with spacers for the rest", (assert) => {
    const heights = Array.from({ length: 100 }, (_, i) => (i < 10 ? 50 : undefined));
    const range = visibleRange(heights, 100, 1000, 300, 100);
    // Rows 0-9 are 50 px (500 px), then 100 px each: 900 px (the top edge) is where row 14 starts, 1,400 px (the bottom edge) where row 19 does.
    assert.deepEqual(range, { start: 14, end: 19, before: 900, after: 8100 });
    assert.strictEqual(range.before + range.after + 5 * 100, offsetOf(heights, 100, 100));
    assert.deepEqual(visibleRange([], 100, 0, 300, 100), { start: 0, end: 0, before: 0, after: 0 });
});
