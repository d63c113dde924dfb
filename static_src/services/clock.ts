/**
 * Time as the store sees it: debounces, bus coalescing and the typing throttle. The browser's in
 * production; tests pass a manual clock so that nothing depends on real time passing.
 */
export interface Clock {
    now(): number;
    setTimeout(callback: () => void, ms: number): number;
    clearTimeout(handle: number): void;
}

export const browserClock: Clock = {
    now: () => Date.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle),
};
