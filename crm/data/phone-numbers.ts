// Number ranges and the ways people write them, per country. Every range is one set aside for
// fiction where the regulator has one (NANP 555-01xx, Ofcom drama ranges, ACMA, ARCEP, the
// Bundesnetzagentur film numbers); Japan has none, so a textbook placeholder block is used.
import type { PhoneFormat, PhoneSample } from './types.ts';

export const CALLING_CODES: Record<string, string> = {
  US: '1',
  CA: '1',
  GB: '44',
  DE: '49',
  FR: '33',
  AU: '61',
  JP: '81',
};

export interface NumberRange {
  region: string;
  city: string;
  postcode: string;
  capacity: number;
  /** Digit groups of the national significant number for the n-th number of the range. */
  groups(n: number): string[];
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function nanp(region: string, area: string, city: string, postcode: string): NumberRange {
  // 555-0190..0199 stay free: look-alike order numbers use those digits.
  return { region, city, postcode, capacity: 90, groups: (n) => [area, '555', pad(100 + n, 4)] };
}

export const RANGES: Record<string, NumberRange[]> = {
  US: [
    nanp('US', '415', 'San Francisco', '94103'),
    nanp('US', '212', 'New York', '10001'),
    nanp('US', '312', 'Chicago', '60601'),
    nanp('US', '617', 'Boston', '02108'),
    nanp('US', '206', 'Seattle', '98101'),
    nanp('US', '303', 'Denver', '80202'),
    nanp('US', '512', 'Austin', '78701'),
    nanp('US', '202', 'Washington', '20001'),
    nanp('US', '305', 'Miami', '33131'),
    nanp('US', '404', 'Atlanta', '30303'),
  ],
  CA: [
    nanp('CA', '416', 'Toronto', 'M5V 3L9'),
    nanp('CA', '604', 'Vancouver', 'V6B 1A1'),
    nanp('CA', '514', 'Montréal', 'H2Y 1C6'),
  ],
  GB: [
    {
      region: 'GB',
      city: 'London',
      postcode: 'EC1A 1BB',
      capacity: 1000,
      groups: (n) => ['20', '7946', pad(n, 4)],
    },
    {
      region: 'GB',
      city: 'Manchester',
      postcode: 'M1 1AE',
      capacity: 1000,
      groups: (n) => ['161', '496', pad(n, 4)],
    },
    {
      region: 'GB',
      city: 'Birmingham',
      postcode: 'B1 1BB',
      capacity: 1000,
      groups: (n) => ['121', '496', pad(n, 4)],
    },
    {
      region: 'GB',
      city: 'Leeds',
      postcode: 'LS1 4AP',
      capacity: 1000,
      groups: (n) => ['113', '496', pad(n, 4)],
    },
  ],
  DE: [
    {
      region: 'DE',
      city: 'Berlin',
      postcode: '10117',
      capacity: 1000,
      groups: (n) => ['30', '23125', pad(n, 3)],
    },
    {
      region: 'DE',
      city: 'Hamburg',
      postcode: '20095',
      capacity: 1000,
      groups: (n) => ['40', '66969', pad(n, 3)],
    },
    {
      region: 'DE',
      city: 'Frankfurt am Main',
      postcode: '60311',
      capacity: 1000,
      groups: (n) => ['69', '90009', pad(n, 3)],
    },
    {
      region: 'DE',
      city: 'München',
      postcode: '80331',
      capacity: 1000,
      groups: (n) => ['89', '99998', pad(n, 3)],
    },
  ],
  FR: [
    {
      region: 'FR',
      city: 'Paris',
      postcode: '75008',
      capacity: 10000,
      groups: (n) => ['1', '99', '00', pad(Math.floor(n / 100), 2), pad(n % 100, 2)],
    },
    {
      region: 'FR',
      city: 'Lyon',
      postcode: '69002',
      capacity: 10000,
      groups: (n) => ['4', '65', '71', pad(Math.floor(n / 100), 2), pad(n % 100, 2)],
    },
  ],
  AU: [
    {
      region: 'AU',
      city: 'Sydney',
      postcode: '2000',
      capacity: 10000,
      groups: (n) => ['2', '5550', pad(n, 4)],
    },
    {
      region: 'AU',
      city: 'Melbourne',
      postcode: '3000',
      capacity: 10000,
      groups: (n) => ['3', '5550', pad(n, 4)],
    },
    {
      region: 'AU',
      city: 'Brisbane',
      postcode: '4000',
      capacity: 10000,
      groups: (n) => ['7', '5550', pad(n, 4)],
    },
  ],
  JP: [
    {
      region: 'JP',
      city: 'Tokyo',
      postcode: '100-0001',
      capacity: 1000,
      groups: (n) => ['3', '1234', pad(5000 + n, 4)],
    },
    {
      region: 'JP',
      city: 'Osaka',
      postcode: '530-0001',
      capacity: 1000,
      groups: (n) => ['6', '6123', pad(4000 + n, 4)],
    },
  ],
};

/** ACMA's fictional mobile numbers (0491 570 xxx and neighbours). */
const AU_MOBILES = [
  '570 006',
  '570 156',
  '570 157',
  '570 158',
  '570 159',
  '570 110',
  '570 313',
  '570 737',
  '571 266',
  '571 491',
  '571 804',
  '572 549',
  '572 665',
  '572 983',
  '573 770',
  '573 087',
  '574 118',
  '574 632',
  '575 254',
  '575 789',
  '576 398',
  '576 801',
  '577 426',
  '577 644',
  '578 957',
  '578 148',
  '578 888',
  '579 212',
  '579 760',
  '579 455',
];

export const AU_MOBILE_RANGE: NumberRange = {
  region: 'AU',
  city: 'Sydney',
  postcode: '2000',
  capacity: AU_MOBILES.length,
  groups: (n) => ['491', ...(AU_MOBILES[n] ?? '570 006').split(' ')],
};

type Style = (g: string[], cc: string, ext: string) => [string, PhoneFormat];

const e164Style: Style = (g, cc) => [`+${cc}${g.join('')}`, 'e164'];

/** How each country writes its numbers; `g` are the groups of the national significant number. */
const STYLES: Record<string, Style[]> = {
  NANP: [
    (g) => [`(${g[0]}) ${g[1]}-${g[2]}`, 'national'],
    (g) => [`${g[0]}-${g[1]}-${g[2]}`, 'national'],
    (g, cc) => [`+${cc} ${g[0]}-${g[1]}-${g[2]}`, 'international'],
    e164Style,
    (g) => [`${g[0]}.${g[1]}.${g[2]}`, 'national'],
    (g, cc) => [`+${cc} (${g[0]}) ${g[1]}-${g[2]}`, 'international'],
    (g) => [`1 (${g[0]}) ${g[1]}-${g[2]}`, 'national'],
    (g, cc, ext) => [`+${cc} ${g[0]}-${g[1]}-${g[2]} ext. ${ext}`, 'extension'],
    (g, _cc, ext) => [`(${g[0]}) ${g[1]}-${g[2]} x${ext}`, 'extension'],
    (g) => [`${g[0]} ${g[1]} ${g[2]}`, 'national'],
  ],
  GB: [
    (g) => [`0${g.join(' ')}`, 'national'],
    (g, cc) => [`+${cc} ${g.join(' ')}`, 'international'],
    (g) => [`(0${g[0]}) ${g.slice(1).join(' ')}`, 'national'],
    (g, cc) => [`+${cc} (0)${g.join(' ')}`, 'international'],
    e164Style,
    (g, cc) => [`00${cc} ${g.join(' ')}`, 'international'],
    (g, _cc, ext) => [`0${g.join(' ')} ext. ${ext}`, 'extension'],
  ],
  DE: [
    (g) => [`0${g[0]} ${g[1]}${g[2]}`, 'national'],
    (g, cc) => [`+${cc} ${g[0]} ${g[1]}${g[2]}`, 'international'],
    (g) => [`(0${g[0]}) ${g[1]}-${g[2]}`, 'national'],
    (g, cc) => [`+${cc} (0)${g[0]} ${g[1]}-${g[2]}`, 'international'],
    e164Style,
    (g, cc) => [`00${cc} ${g[0]} ${g[1]}${g[2]}`, 'international'],
  ],
  FR: [
    (g) => [`0${g.join(' ')}`, 'national'],
    (g, cc) => [`+${cc} ${g.join(' ')}`, 'international'],
    (g) => [`0${g.join('.')}`, 'national'],
    (g, cc) => [`+${cc} (0)${g.join(' ')}`, 'international'],
    e164Style,
    (g, cc) => [`00${cc} ${g.join(' ')}`, 'international'],
  ],
  AU: [
    (g) => [`(0${g[0]}) ${g.slice(1).join(' ')}`, 'national'],
    (g, cc) => [`+${cc} ${g.join(' ')}`, 'international'],
    (g) => [`0${g.join(' ')}`, 'national'],
    e164Style,
  ],
  JP: [
    (g) => [`0${g.join('-')}`, 'national'],
    (g, cc) => [`+${cc} ${g.join('-')}`, 'international'],
    (g) => [`(0${g[0]}) ${g.slice(1).join('-')}`, 'national'],
    (g, cc) => [`+${cc} ${g.join(' ')}`, 'international'],
    e164Style,
  ],
};

export function styleCount(region: string): number {
  return (STYLES[region] ?? STYLES.NANP ?? []).length;
}

/** The n-th number of `range`, written in style `style` (taken modulo the country's styles). */
export function writeNumber(range: NumberRange, n: number, style: number): PhoneSample {
  const cc = CALLING_CODES[range.region] ?? '';
  const styles = STYLES[cc === '1' ? 'NANP' : range.region] ?? [];
  const pick = styles[style % styles.length] ?? e164Style;
  const groups = range.groups(n);
  const ext = String(2 + ((n * 37 + style * 11) % 389));
  const [text, format] = pick(groups, cc, ext);
  const sample: PhoneSample = {
    text,
    e164: `+${cc}${groups.join('')}`,
    region: range.region,
    format,
  };
  if (format === 'extension') sample.ext = ext;
  return sample;
}

/** An internal directory number (the simulated agents are 7001-7003). */
export function internalNumber(dn: string): PhoneSample {
  return { text: dn, e164: null, dn, region: '', format: 'internal', hard: true };
}

const KEYPAD: Record<string, string> = {
  A: '2',
  B: '2',
  C: '2',
  D: '3',
  E: '3',
  F: '3',
  G: '4',
  H: '4',
  I: '4',
  J: '5',
  K: '5',
  L: '5',
  M: '6',
  N: '6',
  O: '6',
  P: '7',
  Q: '7',
  R: '7',
  S: '7',
  T: '8',
  U: '8',
  V: '8',
  W: '9',
  X: '9',
  Y: '9',
  Z: '9',
};

/** Letters to keypad digits ("1-800-FLOWERS" → "1-800-3569377"). */
export function keypadDigits(text: string): string {
  return text.toUpperCase().replace(/[A-Z]/g, (c) => KEYPAD[c] ?? c);
}

/** A North American vanity number such as 1-800-FLOWERS. */
export function vanityNumber(text: string): PhoneSample {
  const digits = keypadDigits(text).replace(/\D/g, '');
  return { text, e164: `+${digits}`, region: 'US', format: 'vanity', hard: true };
}
