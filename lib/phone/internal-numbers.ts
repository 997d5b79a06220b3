/**
 * Internal directory numbers an administrator (or the agent) declares dialable from CRM pages,
 * written as dial-plan patterns: digits and X for any digit, e.g. "7XXX" (four digits starting
 * with 7) or "7XXX, 8XX". Matching compares character by character, so no pattern can be slow.
 */

/** Directory numbers are 3 to 6 digits (shorter are codes, longer are public numbers). */
const MIN_DIGITS = 3;
const MAX_DIGITS = 6;
const PATTERN = /^[0-9X]+$/;
/** More patterns than this are not a dial plan anyone writes by hand. */
const MAX_PATTERNS = 16;

export type InternalPatternResult =
  { ok: true; patterns: string[] } | { ok: false; invalid: string };

/** Reads "7XXX, 8XX" (commas, semicolons or spaces between); '' means no internal numbers. */
export function parseInternalPatterns(spec: string): InternalPatternResult {
  const patterns: string[] = [];
  for (const part of spec.split(/[\s,;]+/)) {
    if (!part) continue;
    const pattern = part.toUpperCase();
    if (
      !PATTERN.test(pattern) ||
      pattern.length < MIN_DIGITS ||
      pattern.length > MAX_DIGITS ||
      patterns.length >= MAX_PATTERNS
    )
      return { ok: false, invalid: part };
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  return { ok: true, patterns };
}

/** True when `digits` (ASCII) matches one of `patterns`. */
export function isInternalNumber(patterns: readonly string[], digits: string): boolean {
  return patterns.some((p) => {
    if (p.length !== digits.length) return false;
    for (let i = 0; i < p.length; i++) if (p[i] !== 'X' && p[i] !== digits[i]) return false;
    return true;
  });
}
