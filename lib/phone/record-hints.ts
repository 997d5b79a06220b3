/**
 * What a record (a table row, a contact card, a definition list, a form section) says about the
 * country of the national numbers in it, the way a person reads it: a country's name (in any of
 * the languages of country-names.ts), an ISO code standing alone in a field ("DE" in a country
 * column), an international number of the same record ("+49 …" beside "0151 …"), an address
 * (a postal code whose shape belongs to one country, a capital or large city), and the page's
 * language. Each kind is listed in the order a person trusts it; the agent's region is the
 * caller's fallback. Linear in the text: one pass per kind, bounded look-ups per word.
 */
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { CITY_COUNTRIES, CITY_PREFIXES } from './city-countries.ts';
import { foldName, nameTable } from './country-names.ts';

/** Records longer than this are read from their start only (hints are near the number anyway). */
const MAX_RECORD_CHARS = 4096;

const WORD = /[\p{L}\p{M}]+/gu;
/** A field: what stands between separators of cells, lines, list items or a label's colon. */
const FIELD = /[^\t\n\r|;:·,()]+/g;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const ISO_FIELD = /^\s*([A-Z]{2})\s*$/;
/**
 * "+49 30 …", "+1-212…", "0049 30 …": the country calling code of an international number. A
 * "00" inside a longer digit sequence ("DE89 3704 0044 …", an IBAN) is not a prefix.
 */
const INTERNATIONAL = /(?:[+＋]|(?<![\d\p{L}][\s./-]?)00(?=[1-9]))[\s(]*(\d{1,3})/gu;

/**
 * Postal codes whose shape is one country's alone. Digit-only shapes are also pieces of phone
 * numbers ("23125-456"), so they count only before a capitalised place name ("01310-200 São
 * Paulo") and never right after other digits.
 */
const BEFORE_PLACE = '(?=[ \\u00A0]+\\p{Lu}\\p{Ll})';
const NOT_AFTER_DIGITS = '(?<![\\d][\\s./-]?)';
const POSTCODE_SHAPES: Array<[RegExp, CountryCode]> = [
  // United Kingdom: "EC1A 1BB", "M1 1AE", "NW1 6XE".
  [/\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/, 'GB'],
  // Canada: "M5V 3L9".
  [/\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d\b/, 'CA'],
  // Netherlands: "1012 LM Amsterdam".
  [new RegExp(`${NOT_AFTER_DIGITS}\\b[1-9]\\d{3} (?!SS|SA|SD)[A-Z]{2}${BEFORE_PLACE}`, 'u'), 'NL'],
  // Japan: "〒100-0005".
  [/〒\s?\d{3}-?\d{4}/, 'JP'],
  // Portugal: "1100-053 Lisboa"; Brazil: "01310-200 São Paulo"; Poland: "00-017 Warszawa".
  [new RegExp(`${NOT_AFTER_DIGITS}\\b\\d{4}-\\d{3}${BEFORE_PLACE}`, 'u'), 'PT'],
  [new RegExp(`${NOT_AFTER_DIGITS}\\b\\d{5}-\\d{3}${BEFORE_PLACE}`, 'u'), 'BR'],
  [new RegExp(`${NOT_AFTER_DIGITS}\\b\\d{2}-\\d{3}${BEFORE_PLACE}`, 'u'), 'PL'],
];

/** Countries of a bare language tag, when one country has most of its speakers. */
const LANGUAGE_COUNTRY: Record<string, string> = {
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  pl: 'PL',
  sv: 'SE',
  da: 'DK',
  nb: 'NO',
  nn: 'NO',
  no: 'NO',
  fi: 'FI',
  cs: 'CZ',
  sk: 'SK',
  hu: 'HU',
  ro: 'RO',
  el: 'GR',
  tr: 'TR',
  ru: 'RU',
  uk: 'UA',
  ja: 'JP',
  ko: 'KR',
  zh: 'CN',
  he: 'IL',
  th: 'TH',
  vi: 'VN',
  id: 'ID',
};

let cjkCities: Array<[string, CountryCode]> | undefined;

/** City names in scripts without spaces, found as substrings. */
function unspacedCities(): Array<[string, CountryCode]> {
  cjkCities ??= [...CITY_COUNTRIES].filter(([city]) => UNSPACED.test(city));
  return cjkCities;
}

export interface RecordHints {
  /** Countries the record points to, strongest first, without duplicates. */
  regions: CountryCode[];
}

function push(out: CountryCode[], metadata: MetadataJson, code: string | undefined): void {
  if (!code || !Object.hasOwn(metadata.countries, code)) return;
  if (!out.includes(code as CountryCode)) out.push(code as CountryCode);
}

/**
 * Looks up every phrase of consecutive words in `names`, growing a phrase only while it is the
 * start of a longer name (so the cost is about one look-up per word).
 */
function lookUpPhrases(
  words: readonly string[],
  names: ReadonlyMap<string, CountryCode>,
  prefixes: ReadonlySet<string>,
  found: (country: CountryCode) => void,
): void {
  for (let i = 0; i < words.length; i++) {
    let phrase = words[i] ?? '';
    for (let n = 1; ; n++) {
      const country = names.get(phrase);
      if (country) found(country);
      if (i + n >= words.length || !prefixes.has(phrase)) break;
      phrase = `${phrase} ${words[i + n] ?? ''}`;
    }
  }
}

const ASCII_LETTERS = /^[A-Za-z]+$/;

/** The record's words, folded (foldName; an ASCII word only needs lower case). */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    words.push(ASCII_LETTERS.test(word) ? word.toLowerCase() : foldName(word));
  }
  return words;
}

const countryLists = new WeakMap<MetadataJson, readonly string[]>();

/** The metadata's countries, listed once per metadata set (records are read by the thousand). */
function countriesOf(metadata: MetadataJson): readonly string[] {
  let list = countryLists.get(metadata);
  if (!list) {
    list = Object.keys(metadata.countries);
    countryLists.set(metadata, list);
  }
  return list;
}

function namedCountries(
  text: string,
  words: readonly string[],
  metadata: MetadataJson,
  lang: string | undefined,
  out: CountryCode[],
): void {
  const table = nameTable(countriesOf(metadata), lang);
  lookUpPhrases(words, table.words, table.prefixes, (c) => push(out, metadata, c));
  if (table.unspaced.length && /[^\p{Script=Latin}\p{N}\p{P}\p{Z}]/u.test(text)) {
    const folded = foldName(text);
    for (const [name, country] of table.unspaced)
      if (folded.includes(name)) push(out, metadata, country);
  }
  for (const m of text.matchAll(FIELD)) {
    const iso = ISO_FIELD.exec(m[0])?.[1];
    push(out, metadata, iso === 'UK' ? 'GB' : iso);
  }
}

function internationalNumbers(text: string, metadata: MetadataJson, out: CountryCode[]): void {
  for (const m of text.matchAll(INTERNATIONAL)) {
    const digits = m[1] ?? '';
    for (let n = 1; n <= digits.length; n++) {
      const countries = metadata.country_calling_codes[digits.slice(0, n)];
      if (countries) {
        push(out, metadata, countries[0]);
        break;
      }
    }
  }
}

function addressCountries(
  text: string,
  words: readonly string[],
  metadata: MetadataJson,
  out: CountryCode[],
): void {
  for (const [shape, country] of POSTCODE_SHAPES)
    if (shape.test(text)) push(out, metadata, country);
  lookUpPhrases(words, CITY_COUNTRIES, CITY_PREFIXES, (c) => push(out, metadata, c));
  if (UNSPACED.test(text)) {
    for (const [city, country] of unspacedCities())
      if (text.includes(city)) push(out, metadata, country);
  }
}

function languageCountry(
  lang: string | undefined,
  metadata: MetadataJson,
  out: CountryCode[],
): void {
  if (!lang) return;
  const [language = '', region] = lang.split(/[-_]/);
  if (region && /^[A-Za-z]{2}$/.test(region)) push(out, metadata, region.toUpperCase());
  else push(out, metadata, LANGUAGE_COUNTRY[language.toLowerCase()]);
}

/** The countries `record` points to, strongest first. `lang` is the page's language. */
export function readRecordHints(
  record: string,
  metadata: MetadataJson,
  lang?: string,
): RecordHints {
  const text = record.length > MAX_RECORD_CHARS ? record.slice(0, MAX_RECORD_CHARS) : record;
  const regions: CountryCode[] = [];
  const language = lang?.split(/[-_]/)[0]?.toLowerCase();
  const words = wordsOf(text);
  const extraLanguage = language && /^[a-z]{2,3}$/.test(language) ? language : undefined;
  namedCountries(text, words, metadata, extraLanguage, regions);
  internationalNumbers(text, metadata, regions);
  addressCountries(text, words, metadata, regions);
  languageCountry(lang, metadata, regions);
  return { regions };
}
