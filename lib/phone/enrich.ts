/**
 * Number enrichment for the background and popup, with the complete ("max") libphonenumber
 * metadata: number types and strict validity need it. The CRM page's card gets these facts from
 * the background (`page.enrich`); the content script carries no phone metadata at all.
 */
import metadata from 'libphonenumber-js/max/metadata';
import { enrichNumberWith, formatAsYouTypeWith, normalizeDialStringWith } from './enrich-core.ts';
import type { DialStringResult, EnrichedNumber } from './types.ts';

export { countryBadge, countryName } from './country-info.ts';
export type { DialStringResult, EnrichedNumber, PhoneCountry, PhoneNumberKind } from './types.ts';

/**
 * E.164, formats, country, location, type and time zone of `raw` (any format a person or GWS
 * writes). National numbers are read in `defaultRegion` (ISO 3166-1 alpha-2); without it only
 * international numbers resolve. 3–6 digit numbers are internal DNs and are not parsed.
 * Country names are in `locale` (default English). Never throws.
 */
export function enrichNumber(raw: string, defaultRegion?: string, locale?: string): EnrichedNumber {
  return enrichNumberWith(metadata, raw, defaultRegion, locale);
}

/** Formats a partly typed number for a dialpad display. Never throws. */
export function formatAsYouType(input: string, defaultRegion?: string): string {
  return formatAsYouTypeWith(metadata, input, defaultRegion);
}

/**
 * Normalizes pasted or typed input to a dial string (E.164 where possible, internal DNs as
 * they are) or gives a human-readable reason it cannot be dialled. Never throws.
 */
export function normalizeDialString(
  input: string,
  defaultRegion?: string,
): DialStringResult & { extension?: string } {
  return normalizeDialStringWith(metadata, input, defaultRegion);
}
