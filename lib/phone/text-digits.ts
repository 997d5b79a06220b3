/**
 * Character classes and normalisation shared by detection and dial-string parsing.
 * Pages and pasted text carry digits in several scripts (full-width digits in Japanese and
 * Chinese text, Arabic-Indic digits) and many kinds of spaces and dashes; libphonenumber only
 * understands a few of them, so everything is folded to ASCII before it is parsed.
 */

/** Decimal digits we accept: ASCII, full-width, Arabic-Indic, extended Arabic-Indic. */
export const DIGIT_CLASS = '0-9\\uFF10-\\uFF19\\u0660-\\u0669\\u06F0-\\u06F9';
/** Spaces that appear inside formatted numbers (NBSP, thin, narrow NBSP, figure, ideographic…). */
export const SPACE_CLASS = ' \\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000';
/** Hyphen-like characters, including the minus sign and the full-width hyphen-minus. */
export const DASH_CLASS = '\\-\\u2010-\\u2015\\u2212\\uFF0D\\u30FC';
export const DOT_CLASS = '.\\uFF0E';
export const SLASH_CLASS = '/\\uFF0F';
export const OPEN_CLASS = '(\\uFF08';
export const CLOSE_CLASS = ')\\uFF09';
export const PLUS_CLASS = '+\\uFF0B';

const DIGIT_BASES = [0x30, 0xff10, 0x0660, 0x06f0];

/** Numeric value of a digit character in any accepted script, or -1. */
export function digitValue(code: number): number {
  for (const base of DIGIT_BASES) if (code >= base && code <= base + 9) return code - base;
  return -1;
}

export function isDigitCode(code: number): boolean {
  return digitValue(code) >= 0;
}

const SPACE_RE = new RegExp(`^[${SPACE_CLASS}\\t]$`);
const DASH_RE = new RegExp(`^[${DASH_CLASS}]$`);

export function isSpaceChar(ch: string): boolean {
  return SPACE_RE.test(ch);
}

export function isDashChar(ch: string): boolean {
  return DASH_RE.test(ch);
}

/**
 * Folds a formatted number to the ASCII form libphonenumber parses: digits to ASCII, every space
 * to ' ', dashes to '-', full-width punctuation to ASCII. Length may change only by dropping
 * nothing — one output character per input character.
 */
export function foldNumberChars(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    const d = digitValue(code);
    if (d >= 0) out += String(d);
    else if (ch === '\uFF0B') out += '+';
    else if (ch === '\uFF08') out += '(';
    else if (ch === '\uFF09') out += ')';
    else if (ch === '\uFF0E') out += '.';
    else if (ch === '\uFF0F') out += '/';
    else if (isSpaceChar(ch)) out += ' ';
    else if (isDashChar(ch)) out += '-';
    else out += ch;
  }
  return out;
}

/** ASCII digits of `input` in order (any accepted script), everything else dropped. */
export function asciiDigits(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const d = digitValue(input.charCodeAt(i));
    if (d >= 0) out += String(d);
  }
  return out;
}
