/**
 * Phone numbers as the switch sees them, and the two participant wire formats (gws-api.md §6.2).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Strips formatting (spaces, dashes, dots, parentheses); keeps a leading '+'. */
export function normalizeNumber(raw: string): string {
  const trimmed = raw.trim();
  const plus = trimmed.startsWith('+') ? '+' : '';
  return plus + trimmed.replace(/[^0-9*#]/g, '');
}

/** Digits only, for matching numbers written in different formats. */
export function numberKey(raw: string): string {
  return raw.replace(/[^0-9]/g, '');
}

/** Short numbers are extensions on the switch (the docs dial 15002 as an Internal call). */
export function isInternalNumber(n: string): boolean {
  return !n.startsWith('+') && numberKey(n).length <= 5;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

interface NumberInfo {
  phoneNumber: string;
  digits: string;
  e164Number: string;
  formattedPhoneNumber: string;
  country?: { name: string; code: string; callingCode: string };
}

function describe(number: string, defaultCountry: string): NumberInfo {
  const base = {
    phoneNumber: number,
    digits: number,
    e164Number: '',
    formattedPhoneNumber: number,
  };
  if (isInternalNumber(number)) return base;
  const parsed = parsePhoneNumberFromString(number, defaultCountry as 'US');
  if (!parsed || !parsed.isValid()) return base;
  const code = parsed.country ?? '';
  return {
    ...base,
    e164Number: parsed.number,
    formattedPhoneNumber: parsed.formatInternational(),
    country: {
      name: code ? (regionNames.of(code) ?? '') : '',
      code,
      callingCode: parsed.countryCallingCode,
    },
  };
}

/** New format (8.5.2 final, 8.6): one object per party. */
export function participantObject(number: string, defaultCountry: string): Record<string, unknown> {
  const i = describe(number, defaultCountry);
  const out: Record<string, unknown> = {
    e164Number: i.e164Number,
    formattedPhoneNumber: i.formattedPhoneNumber,
    phoneNumber: i.phoneNumber,
    digits: i.digits,
  };
  if (i.country) out.country = i.country;
  return out;
}

/** Old format companion entry (`participantsInfo[i]` describes `participants[i]`). */
export function participantInfo(number: string, defaultCountry: string): Record<string, unknown> {
  const i = describe(number, defaultCountry);
  const out: Record<string, unknown> = {
    digits: i.digits,
    e164Number: i.e164Number,
    formattedPhoneNumber: i.formattedPhoneNumber,
  };
  if (i.country) {
    out.country = i.country;
    out.E164digits = i.e164Number.replace('+', '');
    out.isValidNumber = true;
  }
  return out;
}
