import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNumbers, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import minMetadata from 'libphonenumber-js/min/metadata';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { createPhoneFinder, type PhoneFinder } from '../../lib/phone/detect-core.ts';
import type { PhoneMatch } from '../../lib/phone/types.ts';
import { parseInternalPatterns } from '../../lib/phone/internal-numbers.ts';

interface Expected {
  raw: string;
  e164: string;
  extension?: string;
}
interface CorpusEntry {
  text: string;
  region?: string;
  expected: Expected[];
  tag: string;
  core?: boolean;
}

const corpus: CorpusEntry[] = JSON.parse(
  readFileSync(new URL('../fixtures/phone/detect-corpus.json', import.meta.url), 'utf8'),
);

interface Span {
  start: number;
  end: number;
  e164: string;
}

/** libphonenumber-js's own text search, as a product would use it unwrapped. */
function baseline(metadata: MetadataJson): (text: string, region?: string) => Span[] {
  return (text, region) =>
    findNumbers(
      text,
      { defaultCountry: region as CountryCode | undefined, v2: true },
      metadata,
    ).map((m) => ({ start: m.startsAt, end: m.endsAt, e164: m.number.number }));
}

/** Where each expected number sits in its text (searched left to right). */
function expectedSpans(entry: CorpusEntry): Span[] {
  let from = 0;
  return entry.expected.map((x) => {
    const start = entry.text.indexOf(x.raw, from);
    if (start < 0) throw new Error(`corpus: ${JSON.stringify(x.raw)} not in ${entry.text}`);
    from = start + x.raw.length;
    return { start, end: from, e164: x.e164 };
  });
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A found number counts when it has an expected number's E.164 and overlaps its position. */
function score(entries: CorpusEntry[], find: (text: string, region?: string) => Span[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const entry of entries) {
    const open = expectedSpans(entry).map((span) => ({ span, used: false }));
    for (const got of find(entry.text, entry.region)) {
      const hit = open.find(
        (x) =>
          !x.used && x.span.e164 === got.e164 && got.start < x.span.end && x.span.start < got.end,
      );
      if (hit) {
        hit.used = true;
        tp++;
      } else fp++;
    }
    fn += open.filter((x) => !x.used).length;
  }
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

const fmt = (s: Score): string =>
  `P=${s.precision.toFixed(4)} R=${s.recall.toFixed(4)} F1=${s.f1.toFixed(4)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

describe('detect corpus', () => {
  it('is large, varied and consistent', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const regions = new Set(corpus.map((e) => e.region).filter(Boolean));
    expect(regions.size).toBeGreaterThanOrEqual(30);
    expect(corpus.filter((e) => e.expected.length === 0).length).toBeGreaterThanOrEqual(150);
    for (const entry of corpus) expect(() => expectedSpans(entry)).not.toThrow();
  });

  const core = corpus.filter((e) => e.core);
  it.each(core.map((e) => [e.text, e] as const))('core case %j', (_text, entry) => {
    const found = findPhoneNumbers(entry.text, entry.region).map((m) => {
      const { raw, e164, extension } = m;
      return extension === undefined ? { raw, e164 } : { raw, e164, extension };
    });
    expect(found).toEqual(entry.expected);
  });

  it('beats bare libphonenumber-js findNumbers on precision, recall and F1', () => {
    const ours = score(corpus, findPhoneNumbers);
    const base = score(corpus, baseline(minMetadata));
    const oursMin = score(corpus, createPhoneFinder(minMetadata));
    const baseMax = score(corpus, baseline(maxMetadata));
    console.log(`corpus: ${corpus.length} texts, ${ours.tp + ours.fn} numbers`);
    console.log(`findPhoneNumbers (max metadata):        ${fmt(ours)}`);
    console.log(`libphonenumber findNumbers (min):       ${fmt(base)}`);
    console.log(`findPhoneNumbers with min metadata:     ${fmt(oursMin)}`);
    console.log(`libphonenumber findNumbers (max):       ${fmt(baseMax)}`);
    for (const tag of ['holdout', 'holdout-2']) {
      const set = corpus.filter((e) => e.tag === tag);
      console.log(
        `  ${tag} (${set.length} texts): ours ${fmt(score(set, findPhoneNumbers))}; ` +
          `baseline ${fmt(score(set, baseline(minMetadata)))}`,
      );
    }
    expect(ours.precision).toBeGreaterThanOrEqual(0.98);
    expect(ours.recall).toBeGreaterThanOrEqual(0.98);
    expect(ours.f1).toBeGreaterThan(base.f1);
    expect(ours.f1).toBeGreaterThan(baseMax.f1);
  });
});

describe('the forms people write', () => {
  const found = (text: string, region = 'US') =>
    findPhoneNumbers(text, region).map((m) =>
      m.extension === undefined ? [m.raw, m.e164] : [m.raw, m.e164, m.extension],
    );

  it('reads numbers touching punctuation, money and a dash after a label', () => {
    expect(found('415-666-7777.Nice day')).toEqual([['415-666-7777', '+14156667777']]);
    expect(found('My number-415-666-7777')).toEqual([['415-666-7777', '+14156667777']]);
    expect(found('$20 415-666-7777')).toEqual([['415-666-7777', '+14156667777']]);
    expect(found('abc(415)6667777')).toEqual([['(415)6667777', '+14156667777']]);
    // Ids stay ids.
    expect(found('INV-4155550132, ORD-415-555-0132, 4155550132a')).toEqual([]);
  });

  it('splits lists by "/", ";" and ","', () => {
    expect(found('651-234-2345/332-445-1234')).toEqual([
      ['651-234-2345', '+16512342345'],
      ['332-445-1234', '+13324451234'],
    ]);
    expect(found('(212) 555-0176; (415) 555-0132, 312-555-0148').map((m) => m[1])).toEqual([
      '+12125550176',
      '+14155550132',
      '+13125550148',
    ]);
    // "area/number" is one number.
    expect(found('415/666-7777')).toEqual([['415/666-7777', '+14156667777']]);
  });

  it('keeps extensions with their number', () => {
    expect(found('(800) 901-3355 x 7246433')).toEqual([
      ['(800) 901-3355 x 7246433', '+18009013355', '7246433'],
    ]);
    expect(found('03 331 6005 ext 3456/x12', 'NZ')).toEqual([
      ['03 331 6005 ext 3456/x12', '+6433316005', '3456'],
    ]);
    expect(found('212-555-0176/x204')).toEqual([['212-555-0176/x204', '+12125550176', '204']]);
    expect(found('(212) 555-0176 #204')).toEqual([['(212) 555-0176 #204', '+12125550176', '204']]);
    expect(found('030 23125 456-Durchwahl 12', 'DE')).toEqual([
      ['030 23125 456-Durchwahl 12', '+493023125456', '12'],
    ]);
  });

  it('reads vanity numbers where North American numbers are expected', () => {
    expect(found('Order flowers at 1-800-FLOWERS today')).toEqual([
      ['1-800-FLOWERS', '+18003569377'],
    ]);
    expect(found('1-800-FLOWERS', 'GB')).toEqual([['1-800-FLOWERS', '+18003569377']]);
    expect(found('800-FLOWERS', 'GB')).toEqual([]);
    expect(found('see SKU-800-FLOWERS2 or 415-555-0132A')).toEqual([]);
  });

  it('finds internal numbers only when a dial plan declares them', () => {
    const text =
      'Transfer to Anna on 7001 or Ben (7002); room 7B, ref 7003-A, 17001, $7004, **** 7005';
    expect(findPhoneNumbers(text, 'US')).toEqual([]);
    const internal = findPhoneNumbers(text, 'US', { internal: ['7XXX'] });
    expect(internal.map((m) => [m.raw, m.e164, m.internal])).toEqual([
      ['7001', '7001', true],
      ['7002', '7002', true],
    ]);
    expect(parseInternalPatterns('7xxx, 8XX; 7XXX')).toEqual({
      ok: true,
      patterns: ['7XXX', '8XX'],
    });
    expect(parseInternalPatterns('7.*')).toEqual({ ok: false, invalid: '7.*' });
    expect(parseInternalPatterns('')).toEqual({ ok: true, patterns: [] });
  });

  it('leaves dates, amounts, ids and codes of every country alone', () => {
    const lookAlikes: Array<[string, string]> = [
      ['Rechnung 2024-000123 vom 15.03.2024 über 1.234,56 €', 'DE'],
      ['SIRET 732 829 320 00074, TVA FR 40 303 265 045', 'FR'],
      ['IBAN GB29 NWBK 6016 1331 9268 19, VAT GB 123 4567 89', 'GB'],
      ['Faktura 2024-0456, Org.nr. 923 609 016', 'NO'],
      ['Version 10.0.19045.2965 released 2024-03-15 08:30', 'US'],
      ['Tracking 1Z999AA10123456784 and 9400 1000 0000 0000 0000 00', 'US'],
      ['CNPJ 11.222.333/0001-81, CEP 01310-200', 'BR'],
      ['〒100-0005 東京都千代田区, ¥123,456', 'JP'],
    ];
    for (const [text, region] of lookAlikes) expect(found(text, region), text).toEqual([]);
  });
});

describe('findPhoneNumbers', () => {
  it('reports UTF-16 offsets, also after astral characters', () => {
    const text = '📞📞 call +44 20 7946 0958 now';
    const [m] = findPhoneNumbers(text, 'US');
    expect(m).toBeDefined();
    expect(m?.start).toBe(text.indexOf('+44'));
    expect(text.slice(m?.start, m?.end)).toBe('+44 20 7946 0958');
  });

  it('reads national numbers only with a default region or a hint of the record', () => {
    const bare = 'Office 020 7946 0958, desk 0161 496 0123';
    expect(findPhoneNumbers(bare)).toEqual([]);
    expect(findPhoneNumbers(bare, 'not-a-region')).toEqual([]);
    expect(findPhoneNumbers(bare, 'gb').map((m) => m.e164)).toEqual([
      '+442079460958',
      '+441614960123',
    ]);
    // An international number of the same record says where its national numbers are.
    const text = 'Office 020 7946 0958, mobile +44 7911 123456';
    expect(findPhoneNumbers(text).map((m) => m.e164)).toEqual(['+442079460958', '+447911123456']);
  });

  it('reads a national number in the country its record names, before the agent region', () => {
    const cases: Array<[string, string, string]> = [
      ['Thomas Hardy\t020 7946 0958\tUnited Kingdom', 'US', '+442079460958'],
      ['Hanna Moos | 030 23125 456 | Deutschland', 'US', '+493023125456'],
      ['Nombre: Ana\nTeléfono: 020 7946 0312\nPaís: Reino Unido', 'US', '+442079460312'],
      ['Laurence Lebihan\t01 99 00 56 78\tFR', 'US', '+33199005678'],
      ['Marienplatz 8, 80331 München\nTel. 089 99998 123', 'US', '+498999998123'],
      ['Contact: 55 1234 5678\nCountry: Mexico', 'US', '+525512345678'],
      // The agent's own numbers stay theirs when the record names nothing.
      ['Maria Anders\t(415) 555-0132\tSan Francisco', 'US', '+14155550132'],
    ];
    for (const [text, region, e164] of cases)
      expect(
        findPhoneNumbers(text, region).map((m) => m.e164),
        text,
      ).toEqual([e164]);
    // The page's language is the weakest hint; an explicit +CC always wins.
    expect(findPhoneNumbers('Tel. 030 23125 456', 'US', { lang: 'de' })[0]?.e164).toBe(
      '+493023125456',
    );
    expect(findPhoneNumbers('Tel. +1 415 555 0132, Deutschland', 'US')[0]?.e164).toBe(
      '+14155550132',
    );
    // A node's own text is read with the hints of the record it belongs to.
    const record = 'Alex Morgan\t020 7946 0958\tUnited Kingdom';
    expect(findPhoneNumbers('020 7946 0958', 'US', { context: record })[0]?.e164).toBe(
      '+442079460958',
    );
  });

  it('finds every number of a 20 000-row table and nothing else', () => {
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const line = String(i % 10_000).padStart(4, '0');
      rows.push(`Row ${i}\t(212) 555-${line}\t2024-03-15\tINV-2024-${String(i).padStart(6, '0')}`);
    }
    const found = findPhoneNumbers(rows.join('\n'), 'US');
    expect(found).toHaveLength(20_000);
    expect(found[12_345]?.e164).toBe('+12125552345');
  });

  it('keeps a huge junk run cheap and empty', () => {
    expect(findPhoneNumbers('1 '.repeat(200_000), 'US')).toEqual([]);
    expect(findPhoneNumbers('9'.repeat(200_000), 'US')).toEqual([]);
  });

  it('uses the injected metadata', () => {
    const finders: PhoneFinder[] = [createPhoneFinder(minMetadata), createPhoneFinder(maxMetadata)];
    for (const find of finders) {
      expect(find('Tel. 030 901820', 'DE').map((m) => m.e164)).toEqual(['+4930901820']);
    }
  });
});

/** Text made of the pieces phone numbers and their look-alikes are built from. */
const phoneishText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '+',
        '++',
        '00',
        '(',
        ')',
        ' ',
        '\u00a0',
        '\u2009',
        '-',
        '.',
        '/',
        '#',
        'x',
        'ext. ',
        ',',
        ':',
        '\n',
        '\t',
        'Tel: ',
        'Order #',
        'IBAN DE',
        'Ref: ',
        '2024-03-15',
        '＋',
        '０',
        '９',
        '٣',
        'é',
        '電話',
        '😀',
        '\ud800',
        'INV-',
        '$',
        '€',
        '°',
        '%',
        'kg',
      ),
      fc.stringMatching(/^[0-9]{1,6}$/),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

function assertWellFormed(text: string, matches: PhoneMatch[]): void {
  let previousEnd = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(previousEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.raw);
    expect(m.e164).toMatch(/^\+[1-9]\d{5,14}$/);
    if (m.extension !== undefined) expect(m.extension).toMatch(/^\d{1,7}$/);
    previousEnd = m.end;
  }
}

describe('findPhoneNumbers properties', () => {
  const regions = fc.constantFrom(undefined, 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'BR', 'xx');

  it('never throws; matches are ordered, disjoint and slice to raw (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), regions, (text, region) => {
        assertWellFormed(text, findPhoneNumbers(text, region));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws; matches are ordered, disjoint and slice to raw (phone-like text)', () => {
    fc.assert(
      fc.property(phoneishText, regions, (text, region) => {
        assertWellFormed(text, findPhoneNumbers(text, region));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds a valid number wherever it is put between neutral words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('please', 'call', 'Jane', 'on', 'or', 'tomorrow'), {
          maxLength: 6,
        }),
        fc.array(fc.constantFrom('today', 'thanks', 'after', '3pm'), { maxLength: 6 }),
        (before, after) => {
          const head = before.length ? `${before.join(' ')} ` : '';
          const tail = after.length ? ` ${after.join(' ')}` : '';
          const text = `${head}(212) 555-0123${tail}`;
          const found = findPhoneNumbers(text, 'US');
          expect(found.map((m) => [m.start, m.e164])).toEqual([[head.length, '+12125550123']]);
        },
      ),
    );
  });
});
