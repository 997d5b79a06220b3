/**
 * The evaluation corpus: libphonenumber's matcher tests re-labelled on the real numbering plan,
 * CRM records of 27 countries with their record context, and everyday text per country. Split
 * by a hash of each case's id into a tuned half (looked at while improving the detector) and a
 * held-out half (only its totals are ever printed).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { crmRecordCases, generalTextCases } from './crm-records.ts';
import { matcherCases } from './matcher-cases.ts';
import type { CorpusCase } from './types.ts';

export type { CorpusCase, ExpectedNumber } from './types.ts';

function validE164(input: string, region?: string): string | undefined {
  const parsed = region
    ? parsePhoneNumberFromString(input, region as CountryCode, maxMetadata)
    : parsePhoneNumberFromString(input, maxMetadata);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** FNV-1a: a stable split that does not depend on the order cases are built in. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function isHeldOut(c: CorpusCase): boolean {
  return hash(c.id) % 2 === 1;
}

export interface Corpus {
  cases: CorpusCase[];
  /** Hand-written numbers the real plan calls invalid (left out, with their text). */
  dropped: string[];
}

export function buildCorpus(): Corpus {
  const dropped: string[] = [];
  const international = (iso: string, raw: string): string => {
    const parsed = parsePhoneNumberFromString(raw, iso as CountryCode, maxMetadata);
    return parsed ? parsed.formatInternational() : raw;
  };
  const written = [...crmRecordCases(international), ...generalTextCases()];
  const cases: CorpusCase[] = [];
  for (const c of written) {
    let ok = true;
    const expected = c.expected.map((x) => {
      const [iso, raw] = x.e164.split(/:(.*)/s) as [string, string];
      const e164 = validE164(raw, iso);
      if (!e164) {
        ok = false;
        dropped.push(`${iso} ${raw}`);
      }
      return { raw: x.raw, e164: e164 ?? '' };
    });
    if (ok) cases.push({ ...c, expected });
  }
  // The matcher tests' numbers: those the real plan calls invalid are not numbers.
  for (const c of matcherCases()) {
    const expected = c.expected.filter((x) => validE164(x.e164) === x.e164);
    cases.push({ ...c, expected });
  }
  return { cases, dropped: [...new Set(dropped)] };
}
