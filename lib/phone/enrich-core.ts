/**
 * Number enrichment with the metadata injected: the background and popup pass the complete
 * ("max") metadata through enrich.ts; anything that must stay small can pass a smaller set
 * (types and validity then degrade, nothing else changes).
 */
import {
  AsYouType,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type MetadataJson,
  type PhoneNumber,
} from 'libphonenumber-js/core';
import { toCountryCode } from './country-code.ts';
import { countryName } from './country-info.ts';
import { countryTimeZone } from './country-zones.ts';
import { readDialInput } from './dial-input.ts';
import { GEOGRAPHIC_MOBILES, geoPrefix } from './geo-prefixes.ts';
import { nanpArea } from './nanp-areas.ts';
import { foldNumberChars } from './text-digits.ts';
import type { DialStringResult, EnrichedNumber, PhoneNumberKind } from './types.ts';

/** Internal directory numbers (agent DNs, queues) are this long; public numbers are longer. */
const INTERNAL_MIN = 3;
const INTERNAL_MAX = 6;

/** Types whose number says nothing about where the callee is. */
const NON_GEOGRAPHIC: ReadonlySet<string> = new Set([
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'PERSONAL_NUMBER',
  'UAN',
  'VOIP',
  'PAGER',
  'VOICEMAIL',
]);

function isInternal(international: boolean, digits: string): boolean {
  return !international && digits.length >= INTERNAL_MIN && digits.length <= INTERNAL_MAX;
}

function parse(
  metadata: MetadataJson,
  international: boolean,
  digits: string,
  region: CountryCode | undefined,
): PhoneNumber | undefined {
  // Without "+" and without a default region the country is unknowable; guessing one from
  // the digits ("4155550132" as +41…) would be worse than admitting it.
  if (international) return parsePhoneNumberFromString(`+${digits}`, metadata);
  if (region) return parsePhoneNumberFromString(digits, region, metadata);
  return undefined;
}

/** Where the number is, as precisely as its prefix honestly says, and its zone. */
function locate(
  parsed: PhoneNumber,
  type: string | undefined,
  country: string,
  locale: string,
): { region?: string; timeZone?: string } {
  const geographic = type === undefined || !NON_GEOGRAPHIC.has(type);
  if (parsed.countryCallingCode === '1' && (country === 'US' || country === 'CA')) {
    if (!geographic) return {};
    const area = nanpArea(parsed.nationalNumber.slice(0, 3));
    if (area)
      return area.timeZone
        ? { region: area.region, timeZone: area.timeZone }
        : { region: area.region };
    return { region: countryName(country, locale) };
  }
  const fixed = type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE';
  const geo =
    fixed || (type === 'MOBILE' && GEOGRAPHIC_MOBILES.has(country))
      ? geoPrefix(country, parsed.nationalNumber)
      : undefined;
  const region = geo?.place ?? countryName(country, locale);
  const timeZone = geo?.timeZone ?? countryTimeZone(country);
  return timeZone ? { region, timeZone } : { region };
}

/**
 * Everything derivable from one number (see EnrichedNumber). Never throws: unreadable input
 * gives `{ valid: false, possible: false }` with whatever was readable.
 */
export function enrichNumberWith(
  metadata: MetadataJson,
  raw: string,
  defaultRegion?: string,
  locale = 'en',
): EnrichedNumber {
  const result: EnrichedNumber = {
    raw: typeof raw === 'string' ? raw : '',
    digits: '',
    valid: false,
    possible: false,
    internal: false,
  };
  try {
    const input = readDialInput(raw);
    if (input.kind !== 'number') return result;
    result.digits = input.digits;
    if (input.extension !== undefined) result.extension = input.extension;
    if (isInternal(input.international, input.digits)) {
      result.internal = true;
      return result;
    }
    const parsed = parse(
      metadata,
      input.international,
      input.digits,
      toCountryCode(metadata, defaultRegion),
    );
    if (!parsed) return result;
    result.possible = parsed.isPossible();
    result.valid = parsed.isValid();
    if (!result.possible) return result;
    result.e164 = parsed.number;
    result.national = parsed.formatNational();
    result.international = parsed.formatInternational();
    if (input.extension !== undefined) parsed.setExt(input.extension);
    result.rfc3966 = parsed.getURI();
    if (!result.valid || !parsed.country) return result;
    const type = parsed.getType();
    if (type) result.type = type as PhoneNumberKind;
    result.country = {
      name: countryName(parsed.country, locale),
      code: parsed.country,
      callingCode: parsed.countryCallingCode,
    };
    const where = locate(parsed, type, parsed.country, locale);
    if (where.region !== undefined) result.region = where.region;
    if (where.timeZone !== undefined) result.timeZone = where.timeZone;
    return result;
  } catch {
    return result;
  }
}

/** Dialpad formatting of a partly typed number ("4155550" → "(415) 555-0"). Never throws. */
export function formatAsYouTypeWith(
  metadata: MetadataJson,
  input: string,
  defaultRegion?: string,
): string {
  if (typeof input !== 'string') return '';
  try {
    const folded = foldNumberChars(input.normalize('NFKC'));
    return new AsYouType(toCountryCode(metadata, defaultRegion), metadata).input(folded);
  } catch {
    return input;
  }
}

const LENGTH_REASONS: Readonly<Record<string, string>> = {
  TOO_SHORT: 'The number is too short.',
  TOO_LONG: 'The number is too long.',
  INVALID_LENGTH: 'The number has a length no number in that country has.',
  INVALID_COUNTRY: 'The country calling code is unknown.',
  NOT_A_NUMBER: 'The number has no digits.',
};

/**
 * Turns pasted or typed text into something to dial: E.164 when the country is known, the
 * digits as they are for internal directory numbers (3–6 digits), otherwise a reason.
 * Numbers of a possible length are accepted even if libphonenumber does not know the range
 * (its validity data trails newly opened ranges; the switch is the judge).
 */
export function normalizeDialStringWith(
  metadata: MetadataJson,
  input: string,
  defaultRegion?: string,
): DialStringResult & { extension?: string } {
  try {
    const read = readDialInput(input);
    if (read.kind === 'empty') return { ok: false, reason: 'The number is empty.' };
    if (read.kind === 'invalid') return { ok: false, reason: read.reason };
    const ext = read.extension !== undefined ? { extension: read.extension } : {};
    if (isInternal(read.international, read.digits) && read.vanityDigits === 0) {
      return { ok: true, dial: read.digits, ...ext };
    }
    const region = toCountryCode(metadata, defaultRegion);
    if (!read.international && !region) {
      if (read.digits.length < INTERNAL_MIN)
        return { ok: false, reason: LENGTH_REASONS.TOO_SHORT ?? '' };
      if (read.digits.length > 15) return { ok: false, reason: LENGTH_REASONS.TOO_LONG ?? '' };
      // No country to read it in: pass the digits on and let the switch's dial plan decide.
      return { ok: true, dial: read.digits, ...ext };
    }
    let digits = read.digits;
    const text = (d: string): string => (read.international ? `+${d}` : d);
    const options = read.international ? undefined : region;
    let problem = validatePhoneNumberLength(text(digits), options ?? {}, metadata);
    // Vanity numbers are often spelled longer than the number ("1-800-MATTRESS"); the extra
    // letters are not dialled.
    for (let cut = 1; problem === 'TOO_LONG' && cut <= read.vanityDigits; cut++) {
      digits = read.digits.slice(0, -cut);
      problem = validatePhoneNumberLength(text(digits), options ?? {}, metadata);
    }
    if (problem)
      return { ok: false, reason: LENGTH_REASONS[problem] ?? 'The number is not valid.' };
    const parsed = parse(metadata, read.international, digits, region);
    if (!parsed) return { ok: false, reason: 'The number is not valid.' };
    return { ok: true, dial: parsed.number, e164: parsed.number, ...ext };
  } catch {
    return { ok: false, reason: 'The number could not be read.' };
  }
}
