// Windowed rendering of a long list: only the rows near the viewport are in the DOM, spacers of the
// skipped rows' height keep the scrollbar honest. Heights are measured once a row has been shown and
// estimated before, so the arithmetic needs no DOM and is tested on its own.

export interface WindowRange {
    start: number;
    /** Exclusive. */
    end: number;
    before: number;
    after: number;
}

/**
 * Rows [start, end) cover the viewport plus `overscan` pixels above and below.
 * `heights[i]` is row i's measured height, or undefined (then `estimate` is used).
 */
export function visibleRange(
    heights: readonly (number | undefined)[],
    estimate: number,
    scrollTop: number,
    viewport: number,
    overscan: number
): WindowRange {
    const count = heights.length;
    const top = Math.max(0, scrollTop - overscan);
    const bottom = scrollTop + viewport + overscan;
    let offset = 0;
    let start = 0;
    while (start < count && offset + (heights[start] ?? estimate) <= top) {
        offset += heights[start] ?? estimate;
        start++;
    }
    const before = offset;
    let end = start;
    while (end < count && offset < bottom) {
        offset += heights[end] ?? estimate;
        end++;
    }
    let after = 0;
    for (let i = end; i < count; i++) {
        after += heights[i] ?? estimate;
    }
    return { start, end, before, after };
}

/** Offset of row `index` from the top of the list. */
export function offsetOf(heights: readonly (number | undefined)[], estimate: number, index: number): number {
    let offset = 0;
    for (let i = 0; i < index && i < heights.length; i++) {
        offset += heights[i] ?? estimate;
    }
    return offset;
}
