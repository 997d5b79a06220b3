/**
 * Shape rules for digit runs that look like phone numbers but are something else. They work on
 * the tokenized run only (no surrounding text, no metadata), so they are cheap.
 */
import type { Run, Token } from './detect-scan.ts';

/** Unbroken digit strings longer than this are ids, barcodes or timestamps, not dialled numbers. */
const MAX_UNBROKEN_NATIONAL = 12;
/** E.164 allows 15 digits; with a "00" international prefix that is 17. */
export const MAX_NUMBER_DIGITS = 17;

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * True when the whole run is a payment card, a tracking number or another long id: nothing in it
 * may be reported, not even a valid-looking part.
 */
export function runIsLongIdentifier(run: Run): boolean {
  const first = run.tokens[0]?.groups[0];
  if (!first) return false;
  const prefixedInternational = run.plusCount > 0 || first.digits.startsWith('00');
  let groupCount = 0;
  for (const t of run.tokens) {
    for (const g of t.groups) {
      groupCount++;
      const limit =
        g === first && prefixedInternational ? MAX_NUMBER_DIGITS : MAX_UNBROKEN_NATIONAL;
      if (g.digits.length > limit) return true;
    }
  }
  // Cards and tracking numbers are at most a few groups; longer runs are lists of numbers.
  if (run.plusCount > 0 || groupCount > 8) return false;
  const groups = run.tokens.flatMap((t) => t.groups);
  const all = groups.map((g) => g.digits).join('');
  // Card numbers: 13–19 digits, written from a group of four, with a valid Luhn check digit. No
  // card number starts with 0 ("0044 113 496 0612" is an international number).
  if (
    first.digits.length === 4 &&
    !first.digits.startsWith('0') &&
    groups.length >= 3 &&
    all.length >= 13 &&
    all.length <= 19 &&
    luhnValid(all)
  )
    return true;
  // Four or more blocks of four digits (cards, parcel tracking numbers, bank references).
  if (groups.length >= 4 && all.length >= 12) {
    const blocksOfFour = groups.slice(0, -1).every((g) => g.digits.length === 4);
    if (blocksOfFour) return true;
  }
  return false;
}

function isMonth(s: string): boolean {
  const n = Number(s);
  return n >= 1 && n <= 12;
}

function isDay(s: string): boolean {
  const n = Number(s);
  return n >= 1 && n <= 31;
}

function isDateToken(t: Token): boolean {
  if (t.groups.length !== 3 || t.seps[0] !== t.seps[1]) return false;
  const [a, b, c] = t.groups.map((g) => g.digits) as [string, string, string];
  if (a.length === 4 && b.length <= 2 && c.length <= 2) return isMonth(b) && isDay(c);
  if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2))
    return (isDay(a) && isMonth(b)) || (isMonth(a) && isDay(b));
  return false;
}

function isIpv4Token(t: Token): boolean {
  return (
    t.groups.length === 4 &&
    t.seps.every((s) => s === '.') &&
    t.groups.every((g) => g.digits.length <= 3 && Number(g.digits) <= 255)
  );
}

/** "8.30", "4155550.132", "37.7749", "151.2093": times, decimals and degrees with one dot. */
function isDecimalToken(t: Token): boolean {
  if (t.groups.length !== 2 || t.seps[0] !== '.') return false;
  const [a, b] = t.groups.map((g) => g.digits.length) as [number, number];
  if (b <= 3) return true;
  return a <= 3 && b >= 4 && b <= 6;
}

/** "10.0.19045.2965", "14.0.0.123": a lone zero component is a version, never a phone group. */
function isVersionToken(t: Token): boolean {
  return (
    t.groups.length >= 3 &&
    t.seps.every((s) => s === '.') &&
    t.groups.slice(1).some((g) => g.digits === '0')
  );
}

/** True when a token cannot be part of a phone number (a date, an IP address, a version…). */
export function tokenIsLookalike(t: Token): boolean {
  return isDateToken(t) || isIpv4Token(t) || isDecimalToken(t) || isVersionToken(t);
}
