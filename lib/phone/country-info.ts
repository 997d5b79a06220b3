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

/**
 * The country badge for a two-letter country code ("gb" → "GB"), or '' for anything else.
 * Shown as text in a small box, not as a flag emoji: regional-indicator pairs render as
 * boxes or bare letters where the system has no emoji font (Linux without one, Chrome on
 * Windows), and SVG flags for every country would weigh on the page script.
 */
export function countryBadge(code: string | undefined): string {
  return typeof code === 'string' && /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : '';
}
