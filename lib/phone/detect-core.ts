/**
 * Phone-number detection in free text with the numbering metadata injected, so the always-on
 * content script can use a small metadata set and the background a complete one.
 *
 * Pipeline per digit run (see detect-scan.ts): reject the run from its context (labels, glued
 * letters, IBAN) and shape (cards, long ids); drop tokens that are dates, IPs, versions or
 * decimals, and a last token glued to a unit or word; then cut the remaining tokens into the
 * longest windows that libphonenumber validates (with the national prefix where required).
 * Cost is linear in the text: one regex pass, and a bounded number of parses per run.
 */
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { toCountryCode } from './country-code.ts';
import { continuesIban, extensionAt, leadingContext, trailingRejects } from './detect-context.ts';
import { MAX_NUMBER_DIGITS, runIsLongIdentifier, tokenIsLookalike } from './detect-lookalikes.ts';
import { countDigits, runRegex, tokenizeRun, type Run } from './detect-scan.ts';
import { createNationalPrefixCheck } from './national-prefix.ts';
import { parseCandidate, recordRegions, type FinderContext } from './detect-parse.ts';
import { findVanityNumbers } from './vanity.ts';
import { isInternalNumber } from './internal-numbers.ts';
import { asciiDigits } from './text-digits.ts';
import { DASH_CLASS, OPEN_CLASS, SPACE_CLASS, isSpaceChar } from './text-digits.ts';
import type { FindOptions, PhoneMatch } from './types.ts';

/** Fewer digits than this is an extension, a short code or a quantity, not a dialable number. */
const MIN_NUMBER_DIGITS = 7;
/** Parse attempts allowed in a run between two successes: keeps junk runs cheap. */
const PARSE_BUDGET = 24;

const OPEN_RE = new RegExp(`[${OPEN_CLASS}]$`);
/** Characters that mask the digits of a card or account number. */
const MASK_CHARS = new Set(['*', '•', '●', '∗', 'x', 'X']);

export type PhoneFinder = (
  text: string,
  defaultRegion?: string,
  options?: FindOptions,
) => PhoneMatch[];

/** A finder with what it reads a text's record as, sharing its caches. */
export interface Detector {
  find: PhoneFinder;
  /**
   * The regions national numbers of `text` are read in, in order: what its record (or the text)
   * says, then `defaultRegion`. The record and the page language reach the finder only through
   * these, so two texts alike with records that give the same regions give the same numbers.
   */
  regions: (text: string, defaultRegion?: string, options?: FindOptions) => readonly string[];
}

/** Builds a `findPhoneNumbers` bound to one libphonenumber metadata set, and its record reader. */
export function createDetector(metadata: MetadataJson): Detector {
  const ctx: FinderContext = {
    metadata,
    prefixOk: createNationalPrefixCheck(metadata),
    memo: new Map(),
    hints: { byLang: new Map(), size: 0 },
  };
  return {
    find: (text, defaultRegion, options) => findWith(ctx, text, defaultRegion, options),
    regions: (text, defaultRegion, options) => regionsFor(ctx, text, defaultRegion, options)(),
  };
}

/** Builds a `findPhoneNumbers` bound to one libphonenumber metadata set. */
export function createPhoneFinder(metadata: MetadataJson): PhoneFinder {
  return createDetector(metadata).find;
}

const finders = new WeakMap<MetadataJson, PhoneFinder>();

/**
 * Finds phone numbers in `text` using `metadata`; see `findPhoneNumbers` in detect.ts. Prefer
 * `createPhoneFinder` when scanning repeatedly (it keeps per-metadata caches).
 */
export function findPhoneNumbersWith(
  metadata: MetadataJson,
  text: string,
  defaultRegion?: string,
): PhoneMatch[] {
  let finder = finders.get(metadata);
  if (!finder) {
    finder = createPhoneFinder(metadata);
    finders.set(metadata, finder);
  }
  return finder(text, defaultRegion);
}

/**
 * The regions national numbers are read in, in order: what the record says (its hints are read
 * only once a national-looking candidate needs them), then the agent's region, the fallback.
 */
function regionsFor(
  ctx: FinderContext,
  text: string,
  defaultRegion: string | undefined,
  options: FindOptions | undefined,
): () => readonly CountryCode[] {
  let regions: readonly CountryCode[] | undefined;
  return () => {
    if (regions) return regions;
    const fallback = toCountryCode(ctx.metadata, defaultRegion);
    const hinted = recordRegions(ctx, options?.context ?? text, options?.lang);
    regions = fallback && !hinted.includes(fallback) ? [...hinted, fallback] : hinted;
    return regions;
  };
}

function findWith(
  ctx: FinderContext,
  text: string,
  defaultRegion?: string,
  options?: FindOptions,
): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  if (typeof text !== 'string' || text.length === 0) return matches;
  const region = regionsFor(ctx, text, defaultRegion, options);
  const re = runRegex();
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (countDigits(text, start, end) < MIN_NUMBER_DIGITS) {
      const internal = internalAt(text, start, end, options?.internal);
      if (internal) matches.push(internal);
      continue;
    }
    const ext = extensionAt(text, end);
    const lead = leadingContext(text, start);
    if (lead === 'reject' || continuesIban(text, start)) continue;
    const run = tokenizeRun(text, start, end);
    if (runIsLongIdentifier(run)) continue;
    const headRejected = lead === 'amount';
    if (headRejected && run.tokens.length === 1) continue;
    // Something glued after the run ("… 0123 3pm", "… 567 kg", "…0187-A") disowns the token it
    // touches; the tokens before it may still form a number.
    const tailRejected = trailingRejects(text, ext?.end ?? end);
    if (tailRejected && run.tokens.length === 1) continue;
    const before = matches.length;
    scanRun(ctx, text, run, region, matches, headRejected, tailRejected);
    const last = matches[matches.length - 1];
    if (ext && !tailRejected && last && matches.length > before && last.end === end) {
      last.end = ext.end;
      last.raw = text.slice(last.start, ext.end);
      last.extension = ext.digits;
      re.lastIndex = Math.max(re.lastIndex, ext.end);
    }
  }
  return withVanity(ctx, text, matches, region);
}

/**
 * A run that is an internal number of the configured dial plan: digits only (no "+", no
 * separators), matching a pattern, not glued to a word or introduced by an id label.
 */
function internalAt(
  text: string,
  start: number,
  end: number,
  patterns: readonly string[] | undefined,
): PhoneMatch | undefined {
  if (!patterns?.length) return undefined;
  // "(7002)": the run starts at the parenthesis.
  while (start < end && OPEN_RE.test(text[start] ?? '')) start++;
  const raw = text.slice(start, end);
  const digits = asciiDigits(raw);
  if (digits.length !== raw.length || !isInternalNumber(patterns, digits)) return undefined;
  if (leadingContext(text, start) !== 'neutral' && leadingContext(text, start) !== 'phone')
    return undefined;
  if (trailingRejects(text, end)) return undefined;
  // "**** **** **** 7872": the last digits of a masked card or account.
  let before = start - 1;
  while (before >= 0 && isSpaceChar(text[before] ?? '')) before--;
  if (MASK_CHARS.has(text[before] ?? '')) return undefined;
  return { start, end, raw, e164: digits, internal: true };
}

/** Adds the vanity numbers of `text` that do not overlap a number already found. */
function withVanity(
  ctx: FinderContext,
  text: string,
  matches: PhoneMatch[],
  regions: () => readonly CountryCode[],
): PhoneMatch[] {
  if (!/[A-Z]{3}/.test(text)) return matches;
  const vanity = findVanityNumbers(text, ctx.metadata, regions()).filter(
    (v) => !matches.some((m) => m.start < v.end && v.start < m.end),
  );
  if (vanity.length === 0) return matches;
  return [...matches, ...vanity].sort((a, b) => a.start - b.start);
}

/** Drops opening parentheses that are not closed inside the number: "((713) 555-0194" → "(713…". */
function trimUnbalancedOpen(text: string, start: number, end: number): number {
  let open = 0;
  let close = 0;
  for (let k = start; k < end; k++) {
    const ch = text[k];
    if (ch === '(' || ch === '\uFF08') open++;
    else if (ch === ')' || ch === '\uFF09') close++;
  }
  let s = start;
  while (open > close && s < end && (text[s] === '(' || text[s] === '\uFF08')) {
    s++;
    open--;
    while (s < end && isSpaceChar(text[s] ?? '')) s++;
  }
  return s;
}

/** Separators that end one number and begin another: " / ", " - ", two spaces, "(". */
const STRONG_BREAK = new RegExp(
  `[/\\uFF0F]|[${SPACE_CLASS}][${DASH_CLASS}]|[${DASH_CLASS}][${SPACE_CLASS}]|[${SPACE_CLASS}]{2}|[${OPEN_CLASS}]$`,
);

/**
 * A number may start at the run's first token, right after a number or a look-alike token, or
 * after a strong break. Starting anywhere else would read the tail of a failed longer sequence
 * ("Scores 98 87 76 65 54 43", "TVA FR 12 345678901") as a number.
 */
function mayStartAt(run: Run, usable: boolean[], i: number, nextStart: number): boolean {
  if (i === 0 || i === nextStart || !usable[i - 1]) return true;
  return STRONG_BREAK.test(run.looseSeps[i - 1] ?? '');
}

/** Cuts the run's usable tokens into validated windows, longest first, left to right. */
function scanRun(
  ctx: FinderContext,
  text: string,
  run: Run,
  region: () => readonly CountryCode[],
  out: PhoneMatch[],
  firstTokenRejected: boolean,
  lastTokenRejected: boolean,
): void {
  const { tokens } = run;
  const usable = tokens.map(
    (t, k) =>
      !tokenIsLookalike(t) &&
      !(firstTokenRejected && k === 0) &&
      !(lastTokenRejected && k === tokens.length - 1),
  );
  let budget = PARSE_BUDGET;
  let i = 0;
  let nextStart = 0;
  while (i < tokens.length && budget > 0) {
    if (!usable[i] || !mayStartAt(run, usable, i, nextStart)) {
      i++;
      continue;
    }
    let j = i;
    let digitSum = 0;
    while (
      j < tokens.length &&
      usable[j] &&
      digitSum + (tokens[j]?.digits.length ?? 0) <= MAX_NUMBER_DIGITS
    ) {
      digitSum += tokens[j]?.digits.length ?? 0;
      j++;
    }
    let found = false;
    for (let last = j - 1; last >= i && budget > 0; last--) {
      let digits = '';
      for (let k = i; k <= last; k++) digits += tokens[k]?.digits ?? '';
      if (digits.length < MIN_NUMBER_DIGITS) break;
      budget--;
      const plus = i === 0 && run.plusCount > 0;
      const e164 = parseCandidate(ctx, digits, plus, plus ? [] : region());
      if (!e164) continue;
      const first = tokens[i];
      const lastToken = tokens[last];
      if (!first || !lastToken) break;
      let rawStart = first.start;
      if (i === 0) rawStart = trimUnbalancedOpen(text, run.start, lastToken.end);
      else if (OPEN_RE.test(run.looseSeps[i - 1] ?? '')) rawStart = first.start - 1;
      out.push({
        start: rawStart,
        end: lastToken.end,
        raw: text.slice(rawStart, lastToken.end),
        e164,
      });
      i = last + 1;
      nextStart = i;
      budget = PARSE_BUDGET;
      found = true;
      break;
    }
    if (!found) i++;
  }
}
