/**
 * Reads a number as a person pastes or types it: any punctuation, "+", "++" or "00" international
 * prefixes, tel:/sip: URIs, extensions (ext., x, #, ;ext=), vanity letters (1-800-FLOWERS) and
 * full-width or Arabic-Indic digits. No metadata: this only separates digits from decoration.
 */
import { foldNumberChars } from './text-digits.ts';

export type DialInput =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: string }
  | {
      kind: 'number';
      /** Written in international form (+, ++ or 00). */
      international: boolean;
      /** ASCII digits of the number, vanity letters converted, international prefix removed. */
      digits: string;
      extension?: string;
      /** How many trailing digits came from vanity letters (0 when none). */
      vanityDigits: number;
    };

/** Longer input is not a phone number; refusing it early keeps hostile input cheap. */
const MAX_INPUT_LENGTH = 256;

const KEYPAD: Readonly<Record<string, string>> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

const SCHEME = /^(?:tel|callto|sips?):\s*/i;
const TEL_EXT_PARAM = /;ext=([0-9]{1,10})/i;
const EXTENSION =
  /(?:\s*(?:extension|extn\.?|ext\.?|x\.?|#|poste|durchwahl|int\.?)\s*[:.]?\s*([0-9]{1,10}))\s*$/i;
const BODY_CHARS = /^[0-9A-Za-z \-./()]*$/;

/** Splits `input` into international flag, digits and extension, or says why it cannot. */
export function readDialInput(input: unknown): DialInput {
  if (typeof input !== 'string') return { kind: 'empty' };
  if (input.length > MAX_INPUT_LENGTH) {
    return { kind: 'invalid', reason: 'The number is too long.' };
  }
  let s = foldNumberChars(input.normalize('NFKC')).trim();
  if (s === '') return { kind: 'empty' };

  let extension: string | undefined;
  const scheme = SCHEME.exec(s);
  if (scheme) {
    const isSip = /^sips?:/i.test(s);
    s = s.slice(scheme[0].length);
    const extParam = TEL_EXT_PARAM.exec(s);
    if (extParam) extension = extParam[1];
    // URI parameters and the SIP host are not part of the number.
    s = s.split(';')[0] ?? '';
    if (isSip) s = s.split('@')[0] ?? '';
    s = s.trim();
  }
  const ext = EXTENSION.exec(s);
  if (ext && ext.index > 0) {
    extension = ext[1];
    s = s.slice(0, ext.index).trim();
  }

  let international = false;
  const plus = /^\+{1,2}\s*/.exec(s);
  if (plus) {
    international = true;
    s = s.slice(plus[0].length);
  }
  if (s === '') return { kind: 'empty' };
  if (!BODY_CHARS.test(s)) {
    const bad = [...s].find((ch) => !BODY_CHARS.test(ch)) ?? '';
    return {
      kind: 'invalid',
      reason: `The number contains a character that cannot be dialled: "${bad}".`,
    };
  }

  const vanity = readVanity(s);
  if (vanity.kind === 'invalid') return vanity;
  let digits = vanity.digits;
  if (digits === '') return { kind: 'invalid', reason: 'The number has no digits.' };
  // "00" is the international prefix in most of the world ("0044 20 …"); "000…" is not.
  if (!international && digits.startsWith('00') && !digits.startsWith('000') && digits.length > 8) {
    international = true;
    digits = digits.slice(2);
  }
  return extension === undefined
    ? { kind: 'number', international, digits, vanityDigits: vanity.vanityDigits }
    : { kind: 'number', international, digits, extension, vanityDigits: vanity.vanityDigits };
}

type VanityResult =
  { kind: 'digits'; digits: string; vanityDigits: number } | { kind: 'invalid'; reason: string };

/**
 * Letters are accepted only as a vanity number: the number starts with at least three digits
 * (country and area code, "1-800-…", "415-555-…") and the letters come after them, e.g.
 * "1-800-FLOWERS" or "415-555-CALL". Anything else with letters ("call me", "ABC 123") is text.
 */
function readVanity(body: string): VanityResult {
  let digits = '';
  let vanityDigits = 0;
  let digitsBeforeLetters = 0;
  let sawLetter = false;
  for (const ch of body) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      if (!sawLetter) digitsBeforeLetters++;
      else vanityDigits = 0;
    } else {
      const key = KEYPAD[ch.toUpperCase()];
      if (key === undefined) continue;
      sawLetter = true;
      digits += key;
      vanityDigits++;
    }
  }
  if (sawLetter && digitsBeforeLetters < 3) {
    return {
      kind: 'invalid',
      reason: 'The number contains letters; only vanity numbers such as 1-800-FLOWERS may.',
    };
  }
  return { kind: 'digits', digits, vanityDigits };
}
