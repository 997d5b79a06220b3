// TEMPORARY stand-in until lib/phone lands; replaced by imports from ../phone.
import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
export function enrichNumber(raw: string, region: string) {
  const p = parsePhoneNumberFromString(raw, region as CountryCode);
  if (!p || !p.isValid()) return undefined;
  return {
    e164: p.number as string,
    national: p.formatNational(),
    international: p.formatInternational(),
    country: p.country ? { name: p.country, code: p.country, callingCode: p.countryCallingCode } : undefined,
    region: undefined as string | undefined,
    type: p.getType() as string | undefined,
  };
}
export function flagEmoji(code: string): string {
  return String.fromCodePoint(...[...code.toUpperCase()].map((c) => 0x1f1a5 + c.charCodeAt(0)));
}
export function formatAsYouType(input: string, region: string): string {
  return new AsYouType(region as CountryCode).input(input);
}
export function normalizeDialString(input: string, _region: string): string | undefined {
  const s = input.replace(/^tel:/i, '').replace(/[\s().\-/]/g, '');
  return /^\+?[0-9*#]{2,}$/.test(s) ? s : undefined;
}
