// TEMPORARY stand-in until lib/phone's enrichment lands; replaced by imports from ../phone.
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { DialStringResult, EnrichedNumber } from '../phone/types.ts';
export function enrichNumber(raw: string, region: string): EnrichedNumber {
  const digits = raw.replace(/\D/g, '');
  const p = parsePhoneNumberFromString(raw, region as CountryCode);
  const internal = /^\d{3,6}$/.test(raw.trim());
  if (!p || !p.isValid()) return { raw, digits, valid: false, possible: false, internal };
  const out: EnrichedNumber = {
    raw,
    digits,
    valid: true,
    possible: true,
    internal: false,
    e164: p.number as string,
    national: p.formatNational(),
    international: p.formatInternational(),
  };
  if (p.country)
    out.country = { name: p.country, code: p.country, callingCode: p.countryCallingCode };
  const type = p.getType();
  if (type) out.type = type;
  return out;
}
export function flagEmoji(code: string): string {
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1a5 + c.charCodeAt(0)));
}
export function formatAsYouType(input: string, region: string): string {
  return new AsYouType(region as CountryCode).input(input);
}
export function normalizeDialString(input: string, _region: string): DialStringResult {
  const s = input.replace(/^tel:/i, '').replace(/[\s().\-/]/g, '');
  return /^\+?[0-9*#]{2,}$/.test(s) ? { ok: true, dial: s } : { ok: false, reason: 'invalid' };
}
