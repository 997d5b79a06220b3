/**
 * First, cheap stage of phone-number detection: one linear regex pass that finds "digit runs"
 * (digits joined by the separators numbers are written with), then a tokenizer that splits a run
 * into digit groups and atomic tokens. No phone metadata is involved here.
 */
import {
  CLOSE_CLASS,
  DASH_CLASS,
  DIGIT_CLASS,
  DOT_CLASS,
  OPEN_CLASS,
  PLUS_CLASS,
  SLASH_CLASS,
  SPACE_CLASS,
  digitValue,
} from './text-digits.ts';

const SEP = `${SPACE_CLASS}${DASH_CLASS}${DOT_CLASS}${SLASH_CLASS}${OPEN_CLASS}${CLOSE_CLASS}`;

/**
 * A digit run: optional "(" / "+" / "++" prefix, a digit, then digits separated by at most four
 * separator characters. Every repetition consumes a digit and the separator count is bounded, so
 * backtracking is bounded per position and the scan is linear. Tabs, newlines, commas, semicolons
 * and "+" are not separators: they end a run (a "+" starts the next one).
 */
const RUN_SOURCE =
  `(?:[${OPEN_CLASS}][${SPACE_CLASS}]?)?(?:[${PLUS_CLASS}]{1,2}[${SPACE_CLASS}]?)?` +
  `(?:[${OPEN_CLASS}][${SPACE_CLASS}]?)?[${DIGIT_CLASS}](?:[${SEP}]{0,4}[${DIGIT_CLASS}])*`;

/**
 * The global regex for digit runs, ready to scan `text`'s runs from the start. One instance is
 * reused (compiling it per text was 4–6 % of detection): its lastIndex is the scan's state, and
 * a scan runs to its end synchronously without starting another, so reuse is safe.
 */
const RUN_RE = new RegExp(RUN_SOURCE, 'g');

export function runRegex(): RegExp {
  RUN_RE.lastIndex = 0;
  return RUN_RE;
}

export interface DigitGroup {
  /** Offsets into the scanned text. */
  start: number;
  end: number;
  /** ASCII digits. */
  digits: string;
}

/**
 * Groups joined by "tight" separators (a single dash, dot or slash) form one token: such a token
 * ("2024-000123", "15.03.2024", "415-555-0132") either belongs to one phone number entirely or
 * is not part of one.
 */
export interface Token {
  groups: DigitGroup[];
  /** The tight separators between the groups, folded ('-', '.', '/'). */
  seps: string[];
  start: number;
  end: number;
  digits: string;
}

export interface Run {
  start: number;
  end: number;
  /** Number of plus signs in the prefix (0, 1 or 2). */
  plusCount: number;
  tokens: Token[];
  /** Raw separators between tokens: looseSeps[i] sits between tokens[i] and tokens[i + 1]. */
  looseSeps: string[];
  digitCount: number;
}

function foldSep(ch: string): string {
  if (ch === '.' || ch === '\uFF0E') return '.';
  if (ch === '/' || ch === '\uFF0F') return '/';
  return '-';
}

const TIGHT_CHAR = new RegExp(`^[${DASH_CLASS}${DOT_CLASS}${SLASH_CLASS}]$`);

/** Splits a run found by the run regex into groups and tokens. `start` is the match index. */
export function tokenizeRun(text: string, start: number, end: number): Run {
  let plusCount = 0;
  let i = start;
  while (i < end && digitValue(text.charCodeAt(i)) < 0) {
    const ch = text[i];
    if (ch === '+' || ch === '\uFF0B') plusCount++;
    i++;
  }
  const tokens: Token[] = [];
  const looseSeps: string[] = [];
  let current: Token | undefined;
  let digitCount = 0;
  while (i < end) {
    const groupStart = i;
    let digits = '';
    while (i < end) {
      const d = digitValue(text.charCodeAt(i));
      if (d < 0) break;
      digits += String(d);
      i++;
    }
    digitCount += digits.length;
    const group: DigitGroup = { start: groupStart, end: i, digits };
    if (current) {
      current.groups.push(group);
      current.end = i;
      current.digits += digits;
    } else {
      current = { groups: [group], seps: [], start: groupStart, end: i, digits };
      tokens.push(current);
    }
    const sepStart = i;
    while (i < end && digitValue(text.charCodeAt(i)) < 0) i++;
    if (i >= end) break;
    const sep = text.slice(sepStart, i);
    if (sep.length === 1 && TIGHT_CHAR.test(sep)) {
      current.seps.push(foldSep(sep));
    } else {
      looseSeps.push(sep);
      current = undefined;
    }
  }
  splitNumberLists(tokens, looseSeps);
  return { start, end, plusCount, tokens, looseSeps, digitCount };
}

/** Digits on each side of a slash that make it a list of numbers, not "area/number". */
const LIST_SIDE_DIGITS = 7;

/**
 * "651-234-2345/332-445-1234" is two numbers: a token is cut at a slash with a whole number's
 * worth of digits on both sides. "415/666-7777" and "123/45678" stay one token.
 */
function splitNumberLists(tokens: Token[], looseSeps: string[]): void {
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    let before = 0;
    const total = token.digits.length;
    for (let g = 0; g < token.seps.length; g++) {
      before += token.groups[g]!.digits.length;
      if (token.seps[g] !== '/' || before < LIST_SIDE_DIGITS || total - before < LIST_SIDE_DIGITS)
        continue;
      const head = makeToken(token.groups.slice(0, g + 1), token.seps.slice(0, g));
      const tail = makeToken(token.groups.slice(g + 1), token.seps.slice(g + 1));
      tokens.splice(t, 1, head, tail);
      looseSeps.splice(t, 0, '/');
      break;
    }
  }
}

function makeToken(groups: DigitGroup[], seps: string[]): Token {
  return {
    groups,
    seps,
    start: groups[0]!.start,
    end: groups[groups.length - 1]!.end,
    digits: groups.map((g) => g.digits).join(''),
  };
}

/** Fast digit count of text[start, end) without allocating. */
export function countDigits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (digitValue(text.charCodeAt(i)) >= 0) n++;
  return n;
}
