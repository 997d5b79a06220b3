/**
 * Digit patterns, in the syntax PBX dial plans use: `+1NXXNXXXXXX`, `7XXX`, `0[1-9].`.
 *
 *   0–9     that digit          X   any digit        N   2–9        Z   1–9
 *   [1-5]   a digit of the set (digits and ranges)   +   only first: the number is in E.164
 *   .       last only: one or more further digits    !   last only: zero or more
 *
 * Spaces and dashes are ignored. Every token matches exactly one character except a final
 * `.` or `!`, so matching is one pass over the number: no pattern can be slow.
 */

const MAX_PATTERN_LENGTH = 40;

export interface DigitPattern {
  /** One set of allowed characters per position. */
  readonly positions: readonly ReadonlySet<string>[];
  /** What may follow the fixed positions: nothing, one or more digits, or any digits. */
  readonly tail: 'none' | 'one-or-more' | 'any';
}

export type PatternReading =
  { ok: true; pattern: DigitPattern } | { ok: false; problem: PatternProblem };

/** What is wrong with a pattern, with the offending character where there is one. */
export type PatternProblem =
  | { kind: 'too-long' }
  | { kind: 'bad-character'; character: string }
  | { kind: 'plus-not-first' }
  | { kind: 'wildcard-not-last'; character: string }
  | { kind: 'bad-set'; set: string };

const DIGITS = '0123456789';
const letterSets: Readonly<Record<string, string>> = { X: DIGITS, N: '23456789', Z: '123456789' };

function setOf(chars: string): ReadonlySet<string> {
  return new Set(chars);
}

/** `1-5`, `137`, `0-27-9` → the digits they name, or undefined when malformed. */
function readSet(body: string): ReadonlySet<string> | undefined {
  const digits = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (!DIGITS.includes(c)) return undefined;
    if (body[i + 1] === '-') {
      const end = body[i + 2];
      if (end === undefined || !DIGITS.includes(end) || end < c) return undefined;
      for (let d = Number(c); d <= Number(end); d++) digits.add(String(d));
      i += 2;
    } else digits.add(c);
  }
  return digits.size > 0 ? digits : undefined;
}

/** Reads a pattern, or says what is wrong with it. '' is not a pattern (the rule has none). */
export function readDigitPattern(text: string): PatternReading {
  const source = text.replace(/\s/g, '').toUpperCase();
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, problem: { kind: 'too-long' } };
  const positions: ReadonlySet<string>[] = [];
  let tail: DigitPattern['tail'] = 'none';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    // Dashes group digits for reading ("+44 20-"); inside a set they make a range.
    if (c === '-') continue;
    if (tail !== 'none') {
      return {
        ok: false,
        problem: { kind: 'wildcard-not-last', character: tail === 'any' ? '!' : '.' },
      };
    }
    if (c === '+') {
      if (i !== 0) return { ok: false, problem: { kind: 'plus-not-first' } };
      positions.push(setOf('+'));
    } else if (DIGITS.includes(c)) positions.push(setOf(c));
    else if (letterSets[c] !== undefined) positions.push(setOf(letterSets[c]));
    else if (c === '.') tail = 'one-or-more';
    else if (c === '!') tail = 'any';
    else if (c === '[') {
      const close = source.indexOf(']', i);
      const body = close === -1 ? source.slice(i + 1) : source.slice(i + 1, close);
      const set = close === -1 ? undefined : readSet(body);
      if (!set)
        return {
          ok: false,
          problem: { kind: 'bad-set', set: source.slice(i, close + 1 || undefined) },
        };
      positions.push(set);
      i = close;
    } else return { ok: false, problem: { kind: 'bad-character', character: c } };
  }
  return { ok: true, pattern: { positions, tail } };
}

/** True when the whole of `value` matches: one comparison per character. */
export function matchesDigitPattern(pattern: DigitPattern, value: string): boolean {
  const { positions, tail } = pattern;
  if (value.length < positions.length) return false;
  for (let i = 0; i < positions.length; i++) if (!positions[i]!.has(value[i]!)) return false;
  const rest = value.length - positions.length;
  if (tail === 'none') return rest === 0;
  if (tail === 'one-or-more' && rest === 0) return false;
  for (let i = positions.length; i < value.length; i++)
    if (!DIGITS.includes(value[i]!)) return false;
  return true;
}
