/** A phone number found in text. Offsets are UTF-16 indices into the scanned string. */
export interface PhoneMatch {
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`: the number as written, extension included. */
  raw: string;
  /**
   * E.164 form without the extension, e.g. "+442079460958"; for an internal number (see
   * `internal`), its directory number.
   */
  e164: string;
  extension?: string;
  /** An internal directory number matching the configured patterns (FindOptions.internal). */
  internal?: true;
}

/** What is known about the text's surroundings beyond the text itself. */
export interface FindOptions {
  /** The page's language (`<html lang>`), e.g. "de-DE". */
  lang?: string;
  /**
   * The whole record the text belongs to (a table row's cells, a card, a form section), joined
   * with separators; the text itself when absent. What it says about the country is used.
   */
  context?: string;
  /** Dial-plan patterns of internal numbers to find too ("7XXX"; internal-numbers.ts). */
  internal?: readonly string[];
}

export type PhoneNumberKind =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL';

export interface PhoneCountry {
  /** Display name, e.g. "United Kingdom" (localised by the caller's locale). */
  name: string;
  /** ISO 3166-1 alpha-2, e.g. "GB". */
  code: string;
  /** Country calling code without "+", e.g. "44". */
  callingCode: string;
}

/**
 * A number with everything we can honestly derive from it. Mirrors the participant fields of the
 * GWS call resource (gws-api.md §6.2: e164Number, formattedPhoneNumber, country, location).
 */
export interface EnrichedNumber {
  raw: string;
  /** ASCII digits of the input (letters of vanity numbers converted), no extension. */
  digits: string;
  valid: boolean;
  possible: boolean;
  e164?: string;
  national?: string;
  international?: string;
  rfc3966?: string;
  extension?: string;
  country?: PhoneCountry;
  /** Human location: a US state / Canadian province for NANP numbers, else the country. */
  region?: string;
  type?: PhoneNumberKind;
  /** A short internal directory number (3–6 digits), not a public number. */
  internal: boolean;
  /** IANA zone when the country or area has one zone, or one that most people live in. */
  timeZone?: string;
}

export type DialStringResult =
  { ok: true; dial: string; e164?: string } | { ok: false; reason: string };
