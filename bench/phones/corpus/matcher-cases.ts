/**
 * The cases of Google libphonenumber's PhoneNumberMatcherTest (Java, Apache-2.0), re-labelled on
 * the real numbering plan instead of the test metadata they were written for. Labelling rule,
 * fixed before any detector ran on them: a case holds a number when Google's matcher is expected
 * to find it at VALID leniency (the cases it must find "at all levels", "strict grouping",
 * "valid", the extension and context tests) *and* the number is valid in libphonenumber-js's
 * "max" metadata; everything else (the "impossible" and "possible only" cases, dates, glued
 * letters, money, percentages, unbalanced brackets) holds none. Numbers that the real plan calls
 * invalid become cases without a number. The E.164 is checked in corpus.ts.
 */
import type { CorpusCase } from './types.ts';

type Row = [text: string, region: string | undefined, raw: string | null, e164?: string];

/** Whole-text cases: the raw number (without extension) and its E.164, or null. */
const WHOLE: Row[] = [
  // testFindNationalNumber
  ['033316005', 'NZ', '033316005', '+6433316005'],
  ['03-331 6005', 'NZ', '03-331 6005', '+6433316005'],
  ['03 331 6005', 'NZ', '03 331 6005', '+6433316005'],
  ['0064 3 331 6005', 'NZ', '0064 3 331 6005', '+6433316005'],
  ['01164 3 331 6005', 'US', '01164 3 331 6005', '+6433316005'],
  ['+64 3 331 6005', 'US', '+64 3 331 6005', '+6433316005'],
  ['64(0)64123456', 'NZ', '64(0)64123456', '+6464123456'],
  ['123/45678', 'DE', '123/45678', '+4912345678'],
  ['123-456-7890', 'US', '123-456-7890', '+11234567890'],
  // testFindWithInternationalPrefixes
  ['+1 (650) 333-6000', 'NZ', '+1 (650) 333-6000', '+16503336000'],
  ['1-650-333-6000', 'US', '1-650-333-6000', '+16503336000'],
  ['0011-650-333-6000', 'SG', '0011-650-333-6000', '+16503336000'],
  ['0081-650-333-6000', 'SG', '0081-650-333-6000', '+16503336000'],
  ['0191-650-333-6000', 'SG', '0191-650-333-6000', '+16503336000'],
  ['++1 (650) 333-6000', 'PL', '++1 (650) 333-6000', '+16503336000'],
  ['\uFF0B1 (650) 333-6000', 'SG', '\uFF0B1 (650) 333-6000', '+16503336000'],
  [
    '\uFF0B\uFF11\u3000\uFF08\uFF16\uFF15\uFF10\uFF09\u3000\uFF13\uFF13\uFF13\uFF0D\uFF16\uFF10\uFF10\uFF10',
    'SG',
    '\uFF0B\uFF11\u3000\uFF08\uFF16\uFF15\uFF10\uFF09\u3000\uFF13\uFF13\uFF13\uFF0D\uFF16\uFF10\uFF10\uFF10',
    '+16503336000',
  ],
  // testFindWithLeadingZero
  ['+39 02-36618 300', 'NZ', '+39 02-36618 300', '+390236618300'],
  ['02-36618 300', 'IT', '02-36618 300', '+390236618300'],
  ['312 345 678', 'IT', '312 345 678', '+39312345678'],
  // testFindNationalNumberArgentina
  ['+54 9 343 555 1212', 'AR', '+54 9 343 555 1212', '+5493435551212'],
  ['0343 15 555 1212', 'AR', '0343 15 555 1212', '+5493435551212'],
  ['+54 9 3715 65 4320', 'AR', '+54 9 3715 65 4320', '+5493715654320'],
  ['03715 15 65 4320', 'AR', '03715 15 65 4320', '+5493715654320'],
  ['+54 11 3797 0000', 'AR', '+54 11 3797 0000', '+541137970000'],
  ['011 3797 0000', 'AR', '011 3797 0000', '+541137970000'],
  ['+54 3715 65 4321', 'AR', '+54 3715 65 4321', '+543715654321'],
  ['03715 65 4321', 'AR', '03715 65 4321', '+543715654321'],
  ['+54 23 1234 0000', 'AR', '+54 23 1234 0000', '+542312340000'],
  ['023 1234 0000', 'AR', '023 1234 0000', '+542312340000'],
  // testFindNumbersMexico
  ['+52 (449)978-0001', 'MX', '+52 (449)978-0001', '+524499780001'],
  ['01 (449)978-0001', 'MX', '01 (449)978-0001', '+524499780001'],
  ['(449)978-0001', 'MX', '(449)978-0001', '+524499780001'],
  ['+52 1 33 1234-5678', 'MX', '+52 1 33 1234-5678', '+523312345678'],
  ['044 (33) 1234-5678', 'MX', '044 (33) 1234-5678', '+523312345678'],
  ['045 33 1234-5678', 'MX', '045 33 1234-5678', '+523312345678'],
  // testFindNumbersWithPlusWithNoRegion
  ['+64 3 331 6005', undefined, '+64 3 331 6005', '+6433316005'],
  // testFindExtensions (the raw number is the part before the extension)
  ['03 331 6005 ext 3456', 'NZ', '03 331 6005', '+6433316005'],
  ['03-3316005x3456', 'NZ', '03-3316005', '+6433316005'],
  ['03-3316005 int.3456', 'NZ', '03-3316005', '+6433316005'],
  ['03 3316005 #3456', 'NZ', '03 3316005', '+6433316005'],
  ['(1800) 7493.524', 'US', '(1800) 7493.524', '+18007493524'],
  ['+44 2034567890x456', 'NZ', '+44 2034567890', '+442034567890'],
  ['+44 2034567890x456', 'GB', '+44 2034567890', '+442034567890'],
  ['+44 2034567890 x456', 'GB', '+44 2034567890', '+442034567890'],
  ['+44 2034567890 X456', 'GB', '+44 2034567890', '+442034567890'],
  ['+44 2034567890 X 456', 'GB', '+44 2034567890', '+442034567890'],
  ['+44 2034567890 X  456', 'GB', '+44 2034567890', '+442034567890'],
  ['+44 2034567890  X 456', 'GB', '+44 2034567890', '+442034567890'],
  ['(800) 901-3355 x 7246433', 'US', '(800) 901-3355', '+18009013355'],
  ['(800) 901-3355 , ext 7246433', 'US', '(800) 901-3355', '+18009013355'],
  ['(800) 901-3355 ,extension 7246433', 'US', '(800) 901-3355', '+18009013355'],
  ['(800) 901-3355 ,x 7246433', 'US', '(800) 901-3355', '+18009013355'],
  ['(800) 901-3355 ext: 7246433', 'US', '(800) 901-3355', '+18009013355'],
  // testFindInterspersedWithSpace
  ['0 3   3 3 1   6 0 0 5', 'NZ', '0 3   3 3 1   6 0 0 5', '+6433316005'],
  // IMPOSSIBLE_CASES
  ['12345', 'US', null],
  ['23456789', 'US', null],
  ['234567890112', 'US', null],
  ['650+253+1234', 'US', null],
  ['3/10/1984', 'CA', null],
  ['03/27/2011', 'US', null],
  ['31/8/2011', 'US', null],
  ['1/12/2011', 'US', null],
  ['10/12/82', 'DE', null],
  ['650x2531234', 'US', null],
  ['2012-01-02 08:00', 'US', null],
  ['2012/01/02 08:00', 'US', null],
  ['20120102 08:00', 'US', null],
  // POSSIBLE_ONLY_CASES
  ['7121115678', 'US', null],
  ['1650 x 253 - 1234', 'US', null],
  ['650 x 253 - 1234', 'US', null],
  ['6502531x234', 'US', null],
  ['(20) 3346 1234', 'GB', null],
  // VALID_CASES
  ['65 02 53 00 00', 'US', '65 02 53 00 00', '+16502530000'],
  ['6502 538365', 'US', '6502 538365', '+16502538365'],
  ['650//253-1234', 'US', '650//253-1234', '+16502531234'],
  ['650/253/1234', 'US', '650/253/1234', '+16502531234'],
  ['9002309. 158', 'US', '9002309. 158', '+19002309158'],
  ['12 7/8 - 14 12/34 - 5', 'US', '12 7/8 - 14 12/34 - 5', '+12781412345'],
  ['12.1 - 23.71 - 23.45', 'US', '12.1 - 23.71 - 23.45', '+11217123452'],
  ['800 234 1 111x1111', 'US', '800 234 1 111', '+18002341111'],
  ['1979-2011 100', 'US', '1979-2011 100', '+19792011100'],
  ['+494949-4-94', 'DE', '+494949-4-94', '+494949494'],
  [
    '\uFF14\uFF11\uFF15\uFF16\uFF16\uFF16\uFF16-\uFF17\uFF17\uFF17',
    'US',
    '\uFF14\uFF11\uFF15\uFF16\uFF16\uFF16\uFF16-\uFF17\uFF17\uFF17',
    '+14156666777',
  ],
  ['2012-0102 08', 'US', '2012-0102 08', '+12012010208'],
  ['2012-01-02 08', 'US', '2012-01-02 08', '+12012010208'],
  ['1800-10-10 22', 'AU', '1800-10-10 22', '+611800101022'],
  // STRICT_GROUPING_CASES
  ['(415) 6667777', 'US', '(415) 6667777', '+14156667777'],
  ['415-6667777', 'US', '415-6667777', '+14156667777'],
  ['0800-2491234', 'DE', '0800-2491234', '+498002491234'],
  // EXACT_GROUPING_CASES
  [
    '\uFF14\uFF11\uFF15\uFF16\uFF16\uFF16\uFF17\uFF17\uFF17\uFF17',
    'US',
    '\uFF14\uFF11\uFF15\uFF16\uFF16\uFF16\uFF17\uFF17\uFF17\uFF17',
    '+14156667777',
  ],
  [
    '\uFF14\uFF11\uFF15-\uFF16\uFF16\uFF16-\uFF17\uFF17\uFF17\uFF17',
    'US',
    '\uFF14\uFF11\uFF15-\uFF16\uFF16\uFF16-\uFF17\uFF17\uFF17\uFF17',
    '+14156667777',
  ],
  ['4156667777', 'US', '4156667777', '+14156667777'],
  ['4156667777 x 123', 'US', '4156667777', '+14156667777'],
  ['415-666-7777', 'US', '415-666-7777', '+14156667777'],
  ['415/666-7777', 'US', '415/666-7777', '+14156667777'],
  ['415-666-7777 ext. 503', 'US', '415-666-7777', '+14156667777'],
  ['1 415 666 7777 x 123', 'US', '1 415 666 7777', '+14156667777'],
  ['+1 415-666-7777', 'US', '+1 415-666-7777', '+14156667777'],
  ['+494949 49', 'DE', '+494949 49', '+49494949'],
  ['+49-49-34', 'DE', '+49-49-34', '+494934'],
  ['+49-4931-49', 'DE', '+49-4931-49', '+49493149'],
  ['04931-49', 'DE', '04931-49', '+49493149'],
  ['+49-494949', 'DE', '+49-494949', '+49494949'],
  ['+49-494949 ext. 49', 'DE', '+49-494949', '+49494949'],
  ['+49494949 ext. 49', 'DE', '+49494949', '+49494949'],
  ['0494949', 'DE', '0494949', '+49494949'],
  ['0494949 ext. 49', 'DE', '0494949', '+49494949'],
  ['01 (33) 3461 2234', 'MX', '01 (33) 3461 2234', '+523334612234'],
  ['(33) 3461 2234', 'MX', '(33) 3461 2234', '+523334612234'],
  // testNonMatchingBracketsAreInvalid, testNoMatchIfRegionIsNull, testNoMatchIfNoNumber
  ['80.585 [79.964, 81.191]', 'US', null],
  ['80.585 [79.964]', 'US', null],
  ['80.585 ((79.964)', 'US', null],
  ['(80).(585) (79).(9)64', 'US', null],
  ['Random text body - number is 0331 6005, see you there', undefined, null],
  ['Random text body - number is foobar, see you there', 'US', null],
  // testDoesNotMatchMultiplePhoneNumbersSeparatedWithNoWhiteSpace
  ['Call 650-253-4561--455-234-3451', 'US', null],
  // testMaxMatchesInvalid's filler
  ['My address 949-8945-0', 'US', null],
];

/** libphonenumber-js's findNumbers tests (MIT), same labelling rule. */
const JS_WHOLE: Row[] = [
  ['2133734253', 'US', '2133734253', '+12133734253'],
  ['(213) 373-4253', 'US', '(213) 373-4253', '+12133734253'],
  ['1111111111', 'US', null],
  ['2012-01-02 08:00', 'US', null],
  ['213(3734253', 'US', null],
  ['2133734253a', 'US', null],
  ['The phone number is 231354125.', 'FR', '231354125', '+33231354125'],
  ['The UUID is CA801c26f98cd16e231354125ad046e40b.', 'FR', null],
  [
    'Digits 12 are not a number, but +7 (800) 555-35-35 is.',
    undefined,
    '+7 (800) 555-35-35',
    '+78005553535',
  ],
  [
    'Date 02/17/2018 is not a number, but +7 (800) 555-35-35 ext. 123 is.',
    undefined,
    '+7 (800) 555-35-35',
    '+78005553535',
  ],
  ['العَرَبِيَّة +٤٤٣٣٣٣٣٣٣٣٣٣عَرَبِيّ', undefined, '+٤٤٣٣٣٣٣٣٣٣٣٣', '+443333333333'],
];

/** testMatchesWithSurrounding*: 415-666-7777 (US) between a leading and a trailing text. */
const CONTEXTS: Array<[lead: string, trail: string, holds: boolean]> = [
  ['abc', 'def', false],
  ['abc', '', false],
  ['', 'def', false],
  ['\u00C9', '', false],
  ['e\u0301', '', false],
  ['$', '', false],
  ['', '$', false],
  ['\u00A3', '', false],
  ['\u00A5', '', false],
  ['', '%', false],
  ['$20 ', '', true],
  ['', ' 100$', true],
  ['\u6211\u7684\u7535\u8BDD\u53F7\u7801\u662F', '', true],
  ['', '\u662F\u6211\u7684\u7535\u8BDD\u53F7\u7801', true],
  ['\u8BF7\u62E8\u6253', '\u6211\u5728\u660E\u5929', true],
  ['My number-', '', true],
  ['', '.Nice day.', true],
  ['Tel:', '.', true],
  ['Tel: ', ' on Saturdays.', true],
];

/** testMatchesWithSurroundingLatinCharsAndLeadingPunctuation. */
const LEADING_PUNCTUATION: Array<[lead: string, trail: string, holds: boolean]> = [
  ['abc', 'def', false],
  ['', 'def', false],
  ['', '\u00C9', false],
  ['abc', '', true],
  ['\u00C9', '', true],
  ['\u00C9', '.', true],
  ['\u00C9', ' def', true],
];

/** Multi-number texts of the matcher tests. */
const SEQUENCES: Array<[text: string, region: string, numbers: Array<[string, string]>]> = [
  [
    'The number is +7 (800) 555-35-35 and not (213) 373-4253 as written in the document.',
    'US',
    [
      ['+7 (800) 555-35-35', '+78005553535'],
      ['(213) 373-4253', '+12133734253'],
    ],
  ],
  [
    "The number is +7 (800) 555-35-35 and not (213) 373-4253 (that's not even in the same country!) as written in the document.",
    'US',
    [
      ['+7 (800) 555-35-35', '+78005553535'],
      ['(213) 373-4253', '+12133734253'],
    ],
  ],
  [
    'Call 650-253-4561 -- 455-234-3451',
    'US',
    [
      ['650-253-4561', '+16502534561'],
      ['455-234-3451', '+14552343451'],
    ],
  ],
  [
    'Call 033316005  or 032316005!',
    'NZ',
    [
      ['033316005', '+6433316005'],
      ['032316005', '+6432316005'],
    ],
  ],
  ['My address is CA 34215 - 415-666-7777 is my number.', 'US', [['415-666-7777', '+14156667777']]],
  [
    'My number is (415) 666 7777. 34215 is my zip-code.',
    'US',
    [['(415) 666 7777', '+14156667777']],
  ],
  [
    'My info: 415-666-7777,My info: 415-666-7777,',
    'US',
    [
      ['415-666-7777', '+14156667777'],
      ['415-666-7777', '+14156667777'],
    ],
  ],
];

/** Raw cases before the E.164 check (corpus.ts drops numbers the real plan calls invalid). */
export function matcherCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  const origin = 'libphonenumber matcher tests';
  WHOLE.forEach(([text, region, raw, e164], i) => {
    out.push({
      id: `matcher-${i}`,
      origin,
      text,
      ...(region ? { region } : {}),
      expected: raw && e164 ? [{ raw, e164 }] : [],
    });
  });
  CONTEXTS.forEach(([lead, trail, holds], i) => {
    out.push({
      id: `matcher-context-${i}`,
      origin,
      text: `${lead}415-666-7777${trail}`,
      region: 'US',
      expected: holds ? [{ raw: '415-666-7777', e164: '+14156667777' }] : [],
    });
  });
  LEADING_PUNCTUATION.forEach(([lead, trail, holds], i) => {
    for (const [k, raw] of ['+14156667777', '(415)6667777'].entries()) {
      out.push({
        id: `matcher-punct-${i}-${k}`,
        origin,
        text: `${lead}${raw}${trail}`,
        region: 'US',
        expected: holds ? [{ raw, e164: '+14156667777' }] : [],
      });
    }
  });
  JS_WHOLE.forEach(([text, region, raw, e164], i) => {
    out.push({
      id: `js-${i}`,
      origin: 'libphonenumber-js findNumbers tests',
      text,
      ...(region ? { region } : {}),
      expected: raw && e164 ? [{ raw, e164 }] : [],
    });
  });
  SEQUENCES.forEach(([text, region, numbers], i) => {
    out.push({
      id: `matcher-seq-${i}`,
      origin,
      text,
      region,
      expected: numbers.map(([raw, e164]) => ({ raw, e164 })),
    });
  });
  return out;
}
