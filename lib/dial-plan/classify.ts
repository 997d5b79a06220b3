import metadata from 'libphonenumber-js/max/metadata';
import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js/core';
import { enrichNumber } from '../phone/enrich.ts';
import { toCountryCode } from '../phone/country-code.ts';
import { digitsOnly } from '../calls/numbers.ts';
import type { NumberClass } from './types.ts';

/** A number as the dial plan reads it. */
export interface ClassifiedNumber {
  numberClass: NumberClass;
  /** What patterns match: E.164 for public numbers, the digits for the rest. */
  subject: string;
  e164?: string;
  /** National digits with the trunk prefix ("02079460958"), for national numbers. */
  national?: string;
  /** The number's country (ISO code) when the number is valid. */
  country?: string;
}

/** Longer input is not a number a rule can read; it goes out as given. */
export const MAX_DIAL_INPUT = 64;

function callingCodeOf(region: string): string | undefined {
  const code = toCountryCode(metadata, region);
  return code ? getCountryCallingCode(code as CountryCode, metadata) : undefined;
}

/**
 * Reads `number` in the agent's `region` with the project's own reader (lib/phone/enrich.ts):
 * 3–6 digits are internal; a number with the region's calling code is national (so a
 * Canadian number is national for a US agent, as NANP dialling treats it); another code is
 * international; what has no E.164 form is `other`. Never throws.
 */
export function classifyNumber(number: string, region: string): ClassifiedNumber {
  const text = number.trim();
  if (text.length > MAX_DIAL_INPUT) return { numberClass: 'other', subject: text };
  const info = enrichNumber(text, region);
  if (info.internal) return { numberClass: 'internal', subject: info.digits };
  if (info.e164 === undefined) {
    const plus = text.startsWith('+') ? '+' : '';
    return { numberClass: 'other', subject: info.digits === '' ? text : plus + info.digits };
  }
  const callingCode = callingCodeOf(region);
  const own = callingCode !== undefined && info.e164.startsWith(`+${callingCode}`);
  return {
    numberClass: own ? 'national' : 'international',
    subject: info.e164,
    e164: info.e164,
    ...(info.national !== undefined ? { national: digitsOnly(info.national) } : {}),
    ...(info.country ? { country: info.country.code } : {}),
  };
}
