/**
 * CRM records written the way CRM pages show them (a table row, a contact card, a definition
 * list, a form section), one per national number of another country, each with one kind of
 * record context: the country's name in English, in its own language or in another language,
 * its ISO code in a country column, an international number of the same record, an address, or
 * only the page's language. The agent works in the United States (some records: the United
 * Kingdom), so these national numbers are foreign to the agent's region.
 */
import { COUNTRIES, US_SHEET, type CountrySheet } from './countries.ts';
import type { CorpusCase } from './types.ts';

export type HintKind =
  | 'english name'
  | 'own-language name'
  | 'other-language name'
  | 'ISO code'
  | 'international number'
  | 'address'
  | 'page lang';
const HINTS: HintKind[] = [
  'english name',
  'own-language name',
  'other-language name',
  'ISO code',
  'international number',
  'address',
  'page lang',
];

const PEOPLE = [
  'Alex Morgan',
  'Sam Lee',
  'Robin Bauer',
  'Kim Duval',
  'Jo Rossi',
  'Max Novak',
  'Ana Silva',
  'Lee Tanaka',
];
const COMPANIES = [
  'Harbor Freight Partners',
  'Blue Sky Imports',
  'Northgate Foods',
  'Acme Tools',
  'Orbit Media',
  'Greenleaf Trading',
];
const OTHER_LANGUAGES = ['es', 'fr', 'de', 'pt', 'it'];

function nameIn(locale: string, iso: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(iso) ?? iso;
}

interface RecordParts {
  person: string;
  company: string;
  phone: string;
  other?: string;
  country?: string;
  address?: string;
  lookAlikes: string[];
}

type Layout = (p: RecordParts) => string;

const LAYOUTS: Array<[string, Layout]> = [
  [
    'table row',
    (p) =>
      [
        p.person,
        p.company,
        p.phone,
        p.other ?? '',
        p.country ?? '',
        p.address ?? '',
        ...p.lookAlikes,
      ].join('\t'),
  ],
  [
    'card',
    (p) =>
      [
        p.person,
        p.company,
        p.address,
        p.country,
        `Tel. ${p.phone}`,
        p.other ? `Mobile ${p.other}` : undefined,
        ...p.lookAlikes,
      ]
        .filter((x) => x !== undefined)
        .join('\n'),
  ],
  [
    'definition list',
    (p) =>
      [
        `Name\n${p.person}`,
        `Phone\n${p.phone}`,
        p.other ? `Other phone\n${p.other}` : '',
        p.country ? `Country\n${p.country}` : '',
        p.address ? `Address\n${p.address}` : '',
        ...p.lookAlikes.map((l) => `Note\n${l}`),
      ]
        .filter(Boolean)
        .join('\n'),
  ],
  [
    'form section',
    (p) =>
      [
        'Contact details',
        `Company: ${p.company}`,
        `Contact: ${p.person}`,
        p.address ? `Street and city: ${p.address}` : '',
        p.country ? `Country: ${p.country}` : '',
        `Phone: ${p.phone}`,
        p.other ? `Alternative: ${p.other}` : '',
        `Billing: ${p.lookAlikes.join(' · ')}`,
      ]
        .filter(Boolean)
        .join('\n'),
  ],
];

/**
 * `international(sheet, raw)` gives the international form of a national number (built by the
 * caller with the real metadata).
 */
export function crmRecordCases(international: (iso: string, raw: string) => string): CorpusCase[] {
  const out: CorpusCase[] = [];
  COUNTRIES.forEach((sheet, ci) => {
    sheet.numbers.forEach((phone, ni) => {
      // Every number appears with two kinds of context, in two layouts.
      for (const round of [0, 1]) {
        const k = ci + ni * 3 + round * 4;
        const hint = HINTS[k % HINTS.length]!;
        const [layoutName, layout] = LAYOUTS[(ci + ni + round) % LAYOUTS.length]!;
        const agent = sheet.iso !== 'GB' && (ni + round) % 4 === 3 ? 'GB' : 'US';
        out.push(record(sheet, phone, ni, hint, layoutName, layout, agent, k, international));
      }
    });
  });
  // Records of the agent's own country: its numbers must still be read in its region.
  US_SHEET.numbers.forEach((phone, ni) => {
    const [layoutName, layout] = LAYOUTS[ni % LAYOUTS.length]!;
    const parts: RecordParts = {
      person: PEOPLE[ni % PEOPLE.length]!,
      company: COMPANIES[ni % COMPANIES.length]!,
      phone,
      country: ni % 2 ? 'United States' : 'USA',
      address: US_SHEET.addresses[ni % US_SHEET.addresses.length]!,
      lookAlikes: [
        US_SHEET.lookAlikes[ni % US_SHEET.lookAlikes.length]!,
        US_SHEET.lookAlikes[(ni + 3) % US_SHEET.lookAlikes.length]!,
      ],
    };
    out.push({
      id: `crm-US-${ni}-${layoutName}`,
      origin: "CRM records: the agent's own country",
      text: layout(parts),
      region: 'US',
      expected: [{ raw: phone, e164: `US:${phone}` }],
    });
  });
  return out;
}

function record(
  sheet: CountrySheet,
  phone: string,
  ni: number,
  hint: HintKind,
  layoutName: string,
  layout: Layout,
  agent: string,
  k: number,
  international: (iso: string, raw: string) => string,
): CorpusCase {
  const parts: RecordParts = {
    person: PEOPLE[k % PEOPLE.length]!,
    company: COMPANIES[k % COMPANIES.length]!,
    phone,
    lookAlikes: [
      sheet.lookAlikes[k % sheet.lookAlikes.length]!,
      sheet.lookAlikes[(k + 2) % sheet.lookAlikes.length]!,
    ],
  };
  const expected = [{ raw: phone, e164: `${sheet.iso}:${phone}` }];
  let lang: string | undefined;
  switch (hint) {
    case 'english name':
      parts.country = nameIn('en', sheet.iso);
      break;
    case 'own-language name':
      parts.country = sheet.native[k % sheet.native.length]!;
      break;
    case 'other-language name': {
      const own = sheet.lang.slice(0, 2);
      const locale = OTHER_LANGUAGES.filter((l) => l !== own)[k % 4]!;
      parts.country = nameIn(locale, sheet.iso);
      break;
    }
    case 'ISO code':
      parts.country = sheet.iso;
      break;
    case 'international number': {
      const other = sheet.numbers[(ni + 1) % sheet.numbers.length]!;
      parts.other = international(sheet.iso, other);
      expected.push({ raw: parts.other, e164: `${sheet.iso}:${other}` });
      break;
    }
    case 'address':
      parts.address = sheet.addresses[k % sheet.addresses.length]!;
      break;
    case 'page lang':
      lang = sheet.lang;
      break;
  }
  return {
    id: `crm-${sheet.iso}-${ni}-${hint}-${layoutName}`,
    origin: `CRM records: other countries (${hint})`,
    text: layout(parts),
    region: agent,
    ...(lang ? { lang } : {}),
    expected,
  };
}

/** Sentences of everyday text in each country, read with that country as the agent's region. */
export function generalTextCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const sheet of [US_SHEET, ...COUNTRIES]) {
    sheet.numbers.forEach((phone, ni) => {
      const a = sheet.lookAlikes[ni % sheet.lookAlikes.length]!;
      const b = sheet.lookAlikes[(ni + 1) % sheet.lookAlikes.length]!;
      const texts = [
        `Spoke to the customer (${a}); please call back on ${phone} before noon.`,
        `${b} — reached at ${phone}, asked about ${a}.`,
      ];
      texts.forEach((text, ti) =>
        out.push({
          id: `general-${sheet.iso}-${ni}-${ti}`,
          origin: 'general text (agent in the country)',
          text,
          region: sheet.iso,
          expected: [{ raw: phone, e164: `${sheet.iso}:${phone}` }],
        }),
      );
    });
    // Look-alikes alone: nothing to find.
    sheet.lookAlikes.forEach((l, li) =>
      out.push({
        id: `general-${sheet.iso}-lookalike-${li}`,
        origin: 'general text (agent in the country)',
        text: `Reference on file: ${l}.`,
        region: sheet.iso,
        expected: [],
      }),
    );
  }
  return out;
}
