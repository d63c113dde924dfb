// Whether a phone field's value and a conversation's number are the same line, however each was
// typed: "+1 555-000-9876", "(555) 000 9876" and "15550009876" are one number.

/** National numbers have at least 7 digits; fewer would match unrelated lines. */
const MIN_DIGITS = 7;

export function phoneDigits(value: string): string {
    return value.replace(/\D/g, "");
}

export function samePhone(a: string, b: string): boolean {
    const x = phoneDigits(a);
    const y = phoneDigits(b);
    if (x.length < MIN_DIGITS || y.length < MIN_DIGITS) {
        return false;
    }
    // A number without its country code is the international one's tail.
    return x.length >= y.length ? x.endsWith(y) : y.endsWith(x);
}
