// Finding a contact from a phone number typed or passed in any format (screen-pop URLs carry
// whatever the telephony system had: E.164, national digits, 00-prefixed, with an extension).
import type { Contact, PhoneSample } from './types.ts';
import { CALLING_CODES, keypadDigits } from './phone-numbers.ts';

/** Digits of a query, without extension and with vanity letters turned into digits. */
export function queryDigits(query: string): string {
  const withoutExtension = query.replace(/\s*(?:ext\.?|extension|x|#)\s*\d{1,6}\s*$/i, '');
  const withoutScheme = withoutExtension.replace(/^\s*(?:tel|callto|sip):/i, '');
  return keypadDigits(withoutScheme).replace(/\D/g, '');
}

/** The international prefixes a caller may have dialled before the country code. */
const INTERNATIONAL_PREFIXES = ['00', '011'];

function matchesSample(digits: string, sample: PhoneSample | null): boolean {
  if (!sample || digits === '') return false;
  if (sample.dn) return digits === sample.dn;
  if (!sample.e164) return false;
  const full = sample.e164.slice(1);
  const cc = CALLING_CODES[sample.region] ?? '';
  const nsn = full.slice(cc.length);
  const candidates = new Set([full, nsn, `0${nsn}`, `${cc}0${nsn}`]);
  for (const prefix of INTERNATIONAL_PREFIXES) {
    candidates.add(`${prefix}${full}`);
    candidates.add(`${prefix}${cc}0${nsn}`);
  }
  return candidates.has(digits);
}

/** Looser fallback: the same last nine digits (long enough to be unambiguous here). */
function matchesTail(digits: string, sample: PhoneSample | null): boolean {
  const full = sample?.e164?.slice(1);
  if (!full || digits.length < 9 || full.length < 9) return false;
  return digits.slice(-9) === full.slice(-9);
}

export interface PhoneMatch {
  contact: Contact;
  field: 'phone' | 'mobile';
}

/** The contact owning `query`, or null. Exact forms win over the nine-digit tail rule. */
export function findByPhone(contacts: readonly Contact[], query: string): PhoneMatch | null {
  const digits = queryDigits(query);
  if (digits.length < 3) return null;
  for (const rule of [matchesSample, matchesTail]) {
    for (const contact of contacts) {
      if (rule(digits, contact.phone)) return { contact, field: 'phone' };
      if (rule(digits, contact.mobile)) return { contact, field: 'mobile' };
    }
  }
  return null;
}
