/** Country display names and flags for ISO 3166-1 alpha-2 codes. */

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesFor(locale: string): Intl.DisplayNames | null {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      // An invalid locale tag: fall back to English rather than failing the caller.
      names = locale === 'en' ? null : namesFor('en');
    }
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * The country's name in `locale` (English by default), e.g. "United Kingdom"; the code itself
 * when the runtime has no name for it.
 */
export function countryName(code: string, locale = 'en'): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return code;
  try {
    return namesFor(locale)?.of(upper) ?? upper;
  } catch {
    return upper;
  }
}

/** The flag emoji for a two-letter country code ("GB" → 🇬🇧), or '' for anything else. */
export function flagEmoji(code: string): string {
  if (typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code)) return '';
  const base = 0x1f1e6 - 'A'.charCodeAt(0);
  const upper = code.toUpperCase();
  return String.fromCodePoint(base + upper.charCodeAt(0), base + upper.charCodeAt(1));
}
