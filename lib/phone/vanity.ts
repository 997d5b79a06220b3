/**
 * Vanity numbers ("1-800-FLOWERS", "(888) GO-FEDEX"): North American numbers with letters for
 * digits, as printed in adverts and copied into CRM records. Only read where North American
 * numbers are: the agent's or the record's region uses +1, or the number writes its "1-".
 */
import {
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import type { PhoneMatch } from './types.ts';

/**
 * "1-800-FLOWERS", "800-FLOWERS", "1 (844) GO-FEDEX": an optional "1", a three-digit area code,
 * then seven letters or digits (with at most two separators). Linear: no nested repetition.
 */
const VANITY =
  /(?<![\p{L}\p{N}])(1[-. ]?)?(\(?[2-9]\d\d\)?)[-. ]?([A-Z0-9](?:[-. ]?[A-Z0-9]){6})(?![\p{L}\p{N}])/gu;
/** At least this many letters: "555-0132" is not vanity, "GO-FEDEX" is. */
const MIN_LETTERS = 3;

const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  2: 'ABC',
  3: 'DEF',
  4: 'GHI',
  5: 'JKL',
  6: 'MNO',
  7: 'PQRS',
  8: 'TUV',
  9: 'WXYZ',
}))
  for (const letter of letters) KEYPAD[letter] = digit;

/** Vanity numbers in `text` when North American numbers are expected there. */
export function findVanityNumbers(
  text: string,
  metadata: MetadataJson,
  regions: readonly CountryCode[],
): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  if (!/[A-Z]{3}/.test(text)) return found;
  const nanp = regions.some((r) => metadata.countries[r]?.[0] === '1');
  for (const m of text.matchAll(VANITY)) {
    const [raw, one, area, rest] = m as unknown as [string, string | undefined, string, string];
    if (!one && !nanp) continue;
    let letters = 0;
    let digits = '';
    for (const ch of rest) {
      const key = KEYPAD[ch];
      if (key) letters++;
      digits += key ?? (/\d/.test(ch) ? ch : '');
    }
    if (letters < MIN_LETTERS) continue;
    const parsed = parsePhoneNumberFromString(`+1${area.replace(/\D/g, '')}${digits}`, metadata);
    if (!parsed?.isValid()) continue;
    found.push({ start: m.index, end: m.index + raw.length, raw, e164: parsed.number });
  }
  return found;
}
