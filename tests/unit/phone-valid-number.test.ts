import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/max/metadata';
import minMetadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { createValidator } from '../../lib/phone/valid-number.ts';

describe.each([
  ['max', maxMetadata],
  ['min', minMetadata],
] as Array<[string, MetadataJson]>)('the cached validator with %s metadata', (_name, metadata) => {
  const isValid = createValidator(metadata);
  const countries = getCountries(metadata);

  it("agrees with libphonenumber's isValid on every country's example number and its neighbours", () => {
    let valid = 0;
    let compared = 0;
    for (const country of countries) {
      const example = getExampleNumber(country, examples, metadata);
      if (!example) continue;
      const digits = example.nationalNumber;
      // The example, one digit changed at each position, one digit more and one less.
      const variants = [digits, `${digits}5`, digits.slice(0, -1)];
      for (let i = 0; i < digits.length; i++)
        variants.push(`${digits.slice(0, i)}${(Number(digits[i]) + 3) % 10}${digits.slice(i + 1)}`);
      for (const national of variants) {
        const parsed = parsePhoneNumberFromString(national, country, metadata);
        if (!parsed) continue;
        compared++;
        if (parsed.isValid()) valid++;
        expect(isValid(parsed), `${country} ${national}`).toBe(parsed.isValid());
      }
    }
    // Both answers occur often: the comparison is not all one way.
    expect(valid).toBeGreaterThan(200);
    expect(compared - valid).toBeGreaterThan(200);
  });

  it("agrees with libphonenumber's isValid on random digits in random regions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.stringMatching(/^\+?[0-9]{4,15}$/),
        (country: CountryCode, text: string) => {
          const parsed = parsePhoneNumberFromString(text, country, metadata);
          if (parsed) expect(isValid(parsed)).toBe(parsed.isValid());
        },
      ),
      { numRuns: 3000 },
    );
  });
});
