/**
 * The cached half of detection: a finder's metadata with its parse memo and record hints.
 * CRM pages repeat the same numbers and the same records, so each parse and each record's
 * country hints are computed once per finder (both caches are bounded).
 */
import {
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import type { NationalPrefixCheck } from './national-prefix.ts';
import { readRecordHints } from './record-hints.ts';

export interface FinderContext {
  metadata: MetadataJson;
  prefixOk: NationalPrefixCheck;
  /** Parse results by region + digits: CRM pages repeat the same numbers many times. */
  memo: Map<string, string | null>;
  /**
   * Record hints by page language, then record text: a record's text nodes share its hints.
   * Two levels rather than one joined key: joining copies the record (~250 characters) for
   * every text, and the record's own string keeps its hash from one look-up to the next.
   */
  hints: { byLang: Map<string, Map<string, readonly CountryCode[]>>; size: number };
}

/** Records whose hints are kept (a table's rows are scanned one after the other). */
const HINTS_LIMIT = 256;

export function recordRegions(
  ctx: FinderContext,
  record: string,
  lang: string | undefined,
): readonly CountryCode[] {
  const { hints } = ctx;
  let ofLang = hints.byLang.get(lang ?? '');
  let regions = ofLang?.get(record);
  if (!regions) {
    regions = readRecordHints(record, ctx.metadata, lang).regions;
    if (hints.size >= HINTS_LIMIT) {
      hints.byLang.clear();
      hints.size = 0;
      ofLang = undefined;
    }
    if (!ofLang) {
      ofLang = new Map();
      hints.byLang.set(lang ?? '', ofLang);
    }
    ofLang.set(record, regions);
    hints.size++;
  }
  return regions;
}

/** Entries kept in a finder's parse memo before it is emptied (bounds memory). */
const MEMO_LIMIT = 4096;

export function parseCandidate(
  ctx: FinderContext,
  digits: string,
  plus: boolean,
  regions: readonly CountryCode[],
): string | undefined {
  const key = `${plus ? '+' : regions.join(',')}:${digits}`;
  const known = ctx.memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const result = parseUncached(ctx, digits, plus, regions);
  if (ctx.memo.size >= MEMO_LIMIT) ctx.memo.clear();
  ctx.memo.set(key, result ?? null);
  return result;
}

function parseUncached(
  ctx: FinderContext,
  digits: string,
  plus: boolean,
  regions: readonly CountryCode[],
): string | undefined {
  const attempts: Array<[string, CountryCode | undefined]> = [];
  if (plus) attempts.push([`+${digits}`, undefined]);
  else {
    // "00" is the international prefix almost everywhere, even where the default region
    // dials out with something else ("0044 20 …" written by a European on a US page).
    if (digits.startsWith('00') && !digits.startsWith('000'))
      attempts.push([`+${digits.slice(2)}`, undefined]);
    for (const region of regions) attempts.push([digits, region]);
  }
  for (const [input, r] of attempts) {
    try {
      // The country in an options object: given as a string, the library copies it into one
      // for every call.
      const parsed = r
        ? parsePhoneNumberFromString(input, { defaultCountry: r }, ctx.metadata)
        : parsePhoneNumberFromString(input, ctx.metadata);
      // E.164 caps numbers at 15 digits; the min metadata's looser patterns can accept more.
      // isValid() compiles each pattern once (lib/phone/matches-entirely.ts).
      if (!parsed || !parsed.isValid() || parsed.number.length > 16) continue;
      if (r && !ctx.prefixOk(parsed.country ?? r, parsed.nationalNumber, input)) continue;
      return parsed.number;
    } catch {
      // libphonenumber throws only on programmer errors (bad metadata); treat as no number.
    }
  }
  return undefined;
}
