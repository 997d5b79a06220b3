/**
 * Country names as records write them, read from the runtime's own CLDR data (Intl), so no name
 * list ships with the extension: every country's name in English, in its own language (the
 * language CLDR says is most likely there: "und-DE" → German → "Deutschland") and in the
 * languages CRM records are most often kept in besides English, plus the page's language.
 * Built lazily, once per language, only when a record needs it.
 */
import type { CountryCode } from 'libphonenumber-js/core';

/** Languages whose names for every country are always known (besides each country's own). */
const COMMON_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl'];

/**
 * Names that are also ordinary words, first names or places of the agent's own country
 * ("Georgia" the US state, "Jersey" in "New Jersey", "Jordan" the first name): never a hint.
 */
const AMBIGUOUS = new Set([
  'georgia',
  'jersey',
  'jordan',
  'chad',
  'guernsey',
  'niger',
  'man',
  'turkey',
  'dominica',
  'mayotte',
  'réunion',
  'reunion',
  'martinique',
]);

/** Common names Intl does not give (its names are the formal short forms). */
const ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  america: 'US',
  'united states of america': 'US',
  holland: 'NL',
  korea: 'KR',
  'republic of korea': 'KR',
  'czech republic': 'CZ',
  'hong kong': 'HK',
  russia: 'RU',
};

/**
 * Letters of a name folded for comparison: lower case, NFKC, one space between words (a hyphen
 * counts as one: "Royaume-Uni" is read as the words "royaume uni").
 */
export function foldName(name: string): string {
  // Most words are ASCII: NFKC changes none of them, and skipping it keeps records cheap.
  const normalized = /^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKC');
  return normalized
    .toLowerCase()
    .replace(/[\s\-‐-―]+/g, ' ')
    .trim();
}

export interface NameTable {
  /** Folded name → country, for names written with spaces between words. */
  words: Map<string, CountryCode>;
  /** Names in scripts written without spaces (Han, Kana, Hangul): found as substrings. */
  unspaced: Array<[string, CountryCode]>;
  /** Every phrase a longer name starts with ("united" for "united kingdom"). */
  prefixes: Set<string>;
}

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Adds the proper word prefixes of `phrase` ("a b c" → "a", "a b") to `prefixes`. */
export function addPrefixes(prefixes: Set<string>, phrase: string): void {
  for (let at = phrase.indexOf(' '); at > 0; at = phrase.indexOf(' ', at + 1))
    prefixes.add(phrase.slice(0, at));
}

/**
 * Tables by extra language. Built in the background only (the detection service): the first
 * Intl region-name lookup loads ICU data, ~80–160 ms, paid once per worker, not per frame.
 */
const tables = new Map<string, NameTable>();

function languageOf(country: string): string | undefined {
  try {
    return new Intl.Locale(`und-${country}`).maximize().language;
  } catch {
    return undefined;
  }
}

/** The name table for `countries`, with the names in `extraLanguage` too (the page's `lang`). */
export function nameTable(countries: readonly string[], extraLanguage?: string): NameTable {
  // A page in one of the common languages reads the same names as the base table.
  if (extraLanguage && COMMON_LANGUAGES.includes(extraLanguage)) extraLanguage = undefined;
  const key = extraLanguage ?? '';
  const known = tables.get(key);
  if (known) return known;
  const table: NameTable = { words: new Map(), unspaced: [], prefixes: new Set() };
  const add = (name: string | undefined, country: string, alias = false) => {
    if (!name || name === country) return;
    const folded = foldName(name);
    if (AMBIGUOUS.has(folded)) return;
    if (UNSPACED_SCRIPT.test(folded)) {
      if (folded.length >= 2) table.unspaced.push([folded, country as CountryCode]);
      return;
    }
    // Short names ("Peru" is fine, "Man" is not) are too often ordinary words.
    if ((!alias && folded.length < 4) || table.words.has(folded)) return;
    table.words.set(folded, country as CountryCode);
    addPrefixes(table.prefixes, folded);
  };
  const languages = new Set(COMMON_LANGUAGES);
  if (extraLanguage) languages.add(extraLanguage);
  const own = new Map<string, string[]>();
  for (const country of countries) {
    const language = languageOf(country);
    if (!language || languages.has(language)) continue;
    own.set(language, [...(own.get(language) ?? []), country]);
  }
  try {
    for (const language of languages) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
      for (const country of countries) add(names.of(country), country);
    }
    for (const [language, list] of own) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
      for (const country of list) add(names.of(country), country);
    }
  } catch {
    // A runtime without Intl region names: the aliases and the other hints still work.
  }
  for (const [alias, country] of Object.entries(ALIASES)) add(alias, country, true);
  tables.set(key, table);
  return table;
}
