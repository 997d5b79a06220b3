import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Metadata,
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString,
  type MetadataJson,
} from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';
import minMetadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import matchesEntirely, {
  MAX_COMPILED_PATTERNS,
  compiledPatternCount,
} from '../../lib/phone/matches-entirely.ts';

type MatchesEntirely = (text: string | undefined, pattern: string) => boolean;

/**
 * The library's own helper, loaded from its file: the build's replacement applies only to the
 * library's imports of it (build/libphonenumber-patterns.ts), not to this test's.
 */
const libraryDir = path.dirname(createRequire(import.meta.url).resolve('libphonenumber-js'));
const shipped = (
  (await import(pathToFileURL(path.join(libraryDir, 'es6/helpers/matchesEntirely.js')).href)) as {
    default: MatchesEntirely;
  }
).default;

/** The parts of the library's (untyped) metadata class read here. */
interface NumberingPlanView {
  selectNumberingPlan(country: string): void;
  numberingPlan?: {
    nationalNumberPattern(): string;
    type(name: string): { pattern(): string } | undefined;
  };
}

const TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** Every pattern the library hands the helper: each country's national and type patterns. */
function patternsOf(metadata: MetadataJson): Map<string, string[]> {
  const view = new Metadata(metadata) as unknown as NumberingPlanView;
  const byCountry = new Map<string, string[]>();
  for (const country of getCountries(metadata)) {
    view.selectNumberingPlan(country);
    const plan = view.numberingPlan!;
    const patterns = [plan.nationalNumberPattern()];
    for (const type of TYPES) {
      const pattern = plan.type(type)?.pattern();
      if (pattern) patterns.push(pattern);
    }
    byCountry.set(country, patterns);
  }
  return byCountry;
}

describe("libphonenumber-js's matchesEntirely with its compiled patterns kept", () => {
  it('is the one the library calls: parsing and validating a number compiles its patterns', () => {
    expect(compiledPatternCount()).toBe(0);
    const parsed = parsePhoneNumberFromString('+1 204 555 0123', maxMetadata);
    expect(parsed?.country).toBe('CA');
    expect(parsed?.isValid()).toBe(true);
    // A +1 number is placed among the NANP countries by their number types: the US patterns
    // are tried before Canada's.
    expect(compiledPatternCount()).toBeGreaterThan(3);
  });

  describe.each([
    ['max', maxMetadata],
    ['min', minMetadata],
  ] as Array<[string, MetadataJson]>)('with %s metadata', (_name, metadata) => {
    const patterns = patternsOf(metadata);

    it("answers as the library's own on every pattern, for each country's numbers and their neighbours", () => {
      let matched = 0;
      let compared = 0;
      for (const [country, list] of patterns) {
        const example = getExampleNumber(country as never, examples, metadata)?.nationalNumber;
        if (!example) continue;
        // The example, one digit changed at each position, one digit more and one less.
        const texts = [example, `${example}5`, example.slice(0, -1), '', undefined];
        for (let i = 0; i < example.length; i++)
          texts.push(
            `${example.slice(0, i)}${(Number(example[i]) + 3) % 10}${example.slice(i + 1)}`,
          );
        for (const pattern of list)
          for (const text of texts) {
            const expected = shipped(text, pattern);
            expect(matchesEntirely(text, pattern), `${country} /${pattern}/ ${text}`).toBe(
              expected,
            );
            compared++;
            if (expected) matched++;
          }
      }
      // Both answers occur often: the comparison is not all one way.
      expect(matched).toBeGreaterThan(1000);
      expect(compared - matched).toBeGreaterThan(1000);
    });

    it("answers as the library's own on random digits against random patterns", () => {
      const all = [...new Set([...patterns.values()].flat())];
      fc.assert(
        fc.property(
          fc.constantFrom(...all),
          fc.stringMatching(/^[0-9]{0,17}$/),
          (pattern, text) => {
            expect(matchesEntirely(text, pattern)).toBe(shipped(text, pattern));
          },
        ),
        { numRuns: 5000 },
      );
    });

    it('holds every pattern of the metadata at once', () => {
      const distinct = new Set([...patterns.values()].flat());
      expect(distinct.size).toBeLessThan(MAX_COMPILED_PATTERNS / 2);
    });
  });

  it('stays bounded: past the bound the oldest patterns are dropped, and answers stay right', () => {
    for (let i = 0; i < MAX_COMPILED_PATTERNS + 100; i++) {
      const pattern = `${i}\\d?`;
      expect(matchesEntirely(`${i}7`, pattern)).toBe(true);
      expect(matchesEntirely(`${i}77`, pattern)).toBe(false);
    }
    expect(compiledPatternCount()).toBe(MAX_COMPILED_PATTERNS);
    // The first one was dropped: it is compiled again, with the same answer.
    expect(matchesEntirely('07', '0\\d?')).toBe(true);
    expect(compiledPatternCount()).toBe(MAX_COMPILED_PATTERNS);
  });
});
