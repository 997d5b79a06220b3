/**
 * "Is the national prefix missing where the country always writes it?" — the check Google's
 * PhoneNumberMatcher applies at its VALID leniency (isNationalPrefixPresentIfRequired), which
 * libphonenumber-js ships commented out. It rejects "345678901" read as a French number (the
 * French always write "03 45 67 89 01") while keeping Indian mobiles and Brazilian numbers, which
 * are written without a prefix, and US numbers, whose "1" is optional.
 *
 * It reads the number formats through libphonenumber-js's Metadata class, whose format methods
 * are not part of the typed API; the shape is checked at run time, and if a future version
 * changes it the check is skipped (numbers are then accepted, the tolerant side).
 */
import { Metadata, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';

interface FormatLike {
  pattern(): string;
  leadingDigitsPatterns(): string[];
  nationalPrefixIsMandatoryWhenFormattingInNationalFormat(): boolean;
}

interface PlanLike {
  formats(): FormatLike[];
}

function isPlanLike(value: unknown): value is PlanLike {
  return typeof (value as { formats?: unknown } | undefined)?.formats === 'function';
}

function isFormatLike(value: unknown): value is FormatLike {
  const f = value as Partial<Record<keyof FormatLike, unknown>>;
  return (
    typeof f.pattern === 'function' &&
    typeof f.leadingDigitsPatterns === 'function' &&
    typeof f.nationalPrefixIsMandatoryWhenFormattingInNationalFormat === 'function'
  );
}

export type NationalPrefixCheck = (
  country: CountryCode,
  nationalNumber: string,
  writtenDigits: string,
) => boolean;

/**
 * Returns a check that is true when a number read nationally is acceptable: its format does not
 * require a national prefix, or `writtenDigits` (what the text had) is longer than the national
 * number, i.e. a prefix was written.
 */
export function createNationalPrefixCheck(metadata: MetadataJson): NationalPrefixCheck {
  const regexCache = new Map<string, RegExp>();
  const compile = (source: string, whole: boolean): RegExp => {
    const key = (whole ? '$' : '^') + source;
    let re = regexCache.get(key);
    if (!re) {
      re = new RegExp(whole ? `^(?:${source})$` : `^(?:${source})`);
      regexCache.set(key, re);
    }
    return re;
  };
  const plans = new Map<string, FormatLike[] | null>();
  const formatsOf = (country: CountryCode): FormatLike[] | null => {
    if (plans.has(country)) return plans.get(country) ?? null;
    let formats: FormatLike[] | null = null;
    try {
      const md = new Metadata(metadata);
      md.selectNumberingPlan(country);
      const plan: unknown = md.numberingPlan;
      if (isPlanLike(plan)) {
        const list = plan.formats();
        if (Array.isArray(list) && list.every(isFormatLike)) formats = list;
      }
    } catch {
      formats = null;
    }
    plans.set(country, formats);
    return formats;
  };
  return (country, nationalNumber, writtenDigits) => {
    if (writtenDigits.length > nationalNumber.length) return true;
    const formats = formatsOf(country);
    if (!formats) return true;
    for (const f of formats) {
      const leading = f.leadingDigitsPatterns();
      const lastLeading = leading[leading.length - 1];
      if (lastLeading !== undefined && !compile(lastLeading, false).test(nationalNumber)) continue;
      if (!compile(f.pattern(), true).test(nationalNumber)) continue;
      return !f.nationalPrefixIsMandatoryWhenFormattingInNationalFormat();
    }
    return true;
  };
}
