// The CRM's address book: a dozen hand-picked demo contacts (one per number format) followed by
// generated ones, deterministic so that pages, lookups and ground truth always agree.
import type { Contact, PhoneSample } from './types.ts';
import { seededRandom, pick } from './prng.ts';
import {
  AU_MOBILE_RANGE,
  RANGES,
  internalNumber,
  styleCount,
  vanityNumber,
  writeNumber,
  type NumberRange,
} from './phone-numbers.ts';
import { bankAccount, dateIn, invoiceNumber, postcode, price, reference } from './look-alikes.ts';
import {
  COMPANY_SUFFIXES,
  COMPANY_TRADES,
  COMPANY_WORDS,
  COUNTRY_MIX,
  COUNTRY_NAMES,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
} from './people.ts';

interface Seed {
  firstName: string;
  lastName: string;
  company: string;
  range: NumberRange;
  phone: PhoneSample;
  mobile: PhoneSample | null;
  status?: Contact['status'];
}

function range(region: string, index: number): NumberRange {
  const found = RANGES[region]?.[index];
  if (!found) throw new Error(`no number range ${region}[${index}]`);
  return found;
}

/** Hand-picked contacts, one per interesting format; demos and tests can rely on them. */
function demoSeeds(): Seed[] {
  const sf = range('US', 0);
  const ny = range('US', 1);
  // The simulator's default agents (DNs 7001-7003), so internal calls screen-pop a colleague.
  const internal = (n: number, firstName: string, lastName: string): Seed => ({
    firstName,
    lastName,
    company: 'Northwind Support (internal)',
    range: sf,
    phone: internalNumber(`700${n}`),
    mobile: null,
    status: 'Internal',
  });
  return [
    {
      firstName: 'Maria',
      lastName: 'Anders',
      company: 'Blue Harbor Logistics Inc.',
      range: sf,
      phone: writeNumber(sf, 32, 0),
      mobile: writeNumber(sf, 87, 2),
    },
    {
      firstName: 'Thomas',
      lastName: 'Hardy',
      company: 'Around the Horn Ltd',
      range: range('GB', 0),
      phone: writeNumber(range('GB', 0), 958, 0),
      mobile: writeNumber(range('GB', 1), 17, 1),
    },
    {
      firstName: 'Hanna',
      lastName: 'Moos',
      company: 'Blauer See Delikatessen GmbH',
      range: range('DE', 0),
      phone: writeNumber(range('DE', 0), 123, 1),
      mobile: null,
    },
    {
      firstName: 'Laurence',
      lastName: 'Lebihan',
      company: "Bon App' SAS",
      range: range('FR', 0),
      phone: writeNumber(range('FR', 0), 1234, 1),
      mobile: writeNumber(range('FR', 0), 5678, 0),
    },
    {
      firstName: 'Yoshi',
      lastName: 'Tannamuri',
      company: 'Tokyo Traders K.K.',
      range: range('JP', 0),
      phone: writeNumber(range('JP', 0), 678, 1),
      mobile: null,
    },
    {
      firstName: 'Patricia',
      lastName: 'McKenna',
      company: 'Hungry Owl Pty Ltd',
      range: range('AU', 0),
      phone: writeNumber(range('AU', 0), 1234, 0),
      mobile: writeNumber(AU_MOBILE_RANGE, 1, 2),
    },
    {
      firstName: 'Elizabeth',
      lastName: 'Lincoln',
      company: 'Bottom-Dollar Markets Inc.',
      range: range('CA', 1),
      phone: writeNumber(range('CA', 1), 43, 3),
      mobile: null,
    },
    {
      firstName: 'Howard',
      lastName: 'Snyder',
      company: 'Great Lakes Food Market LLC',
      range: sf,
      phone: {
        text: '+1 415-555-0148 ext. 204',
        e164: '+14155550148',
        ext: '204',
        region: 'US',
        format: 'extension',
      },
      mobile: null,
    },
    {
      firstName: 'Jose',
      lastName: 'Pavarotti',
      company: 'Save-a-lot Markets Corp.',
      range: ny,
      phone: {
        text: '(212) 555-0176 x31',
        e164: '+12125550176',
        ext: '31',
        region: 'US',
        format: 'extension',
      },
      mobile: writeNumber(ny, 77, 9),
    },
    {
      firstName: 'Flora',
      lastName: 'Blume',
      company: 'Northwind Floral Partners',
      range: ny,
      phone: vanityNumber('1-800-FLOWERS'),
      mobile: null,
    },
    internal(1, 'Anna', 'Kowalski'),
    internal(2, 'Ben', 'Okafor'),
    internal(3, 'Chloe', 'Martin'),
  ];
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/**
 * Hands out numbers from a country's ranges, never the same one twice. Walks each range with a
 * prime stride so that neighbouring rows do not get consecutive numbers.
 */
function allocator(used: Set<string>) {
  const next = new Map<NumberRange, number>();
  return (r: NumberRange, style: number): PhoneSample => {
    for (let k = next.get(r) ?? 0; k < r.capacity; k++) {
      const sample = writeNumber(r, (k * 7919 + 17) % r.capacity, style);
      if (sample.e164 && !used.has(sample.e164)) {
        used.add(sample.e164);
        next.set(r, k + 1);
        return sample;
      }
    }
    throw new Error(`number range ${r.city} exhausted`);
  };
}

function generatedSeeds(used: Set<string>): Seed[] {
  const random = seededRandom(20240315);
  const take = allocator(used);
  const regions = COUNTRY_MIX.flatMap(([region, count]) => Array<string>(count).fill(region));
  for (let i = regions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [regions[i], regions[j]] = [regions[j] ?? '', regions[i] ?? ''];
  }
  return regions.map((region) => {
    const ranges = RANGES[region] ?? [];
    const home = pick(ranges, random);
    const phone = take(home, Math.floor(random() * styleCount(region)));
    let mobile: PhoneSample | null = null;
    if (random() < 0.55) {
      const other = region === 'AU' && random() < 0.6 ? AU_MOBILE_RANGE : pick(ranges, random);
      mobile = take(other, Math.floor(random() * styleCount(region)));
    }
    const word = pick(COMPANY_WORDS, random);
    const trade = pick(COMPANY_TRADES, random);
    const suffix = pick(COMPANY_SUFFIXES[region] ?? ['Inc.'], random);
    return {
      firstName: pick(FIRST_NAMES[region] ?? [], random),
      lastName: pick(LAST_NAMES[region] ?? [], random),
      company: `${word} ${trade} ${suffix}`,
      range: home,
      phone,
      mobile,
      status: random() < 0.8 ? 'Active' : random() < 0.5 ? 'Prospect' : 'On hold',
    };
  });
}

function buildContact(index: number, seed: Seed): Contact {
  const region = seed.range.region;
  const invoice = invoiceNumber(2023 + (index % 2), 100 + index * 7);
  const lastContact = dateIn(region, 420 + ((index * 53) % 380), index % 5 === 0);
  const notesPhone = seed.mobile ?? seed.phone;
  const domain = asciiSlug(
    seed.company.replace(/\b(Inc|LLC|Corp|Ltd|plc|GmbH|AG|SARL|SAS|Pty|K\.K|Co)\b\.?/g, ''),
  );
  return {
    id: String(1001 + index),
    firstName: seed.firstName,
    lastName: seed.lastName,
    title:
      seed.status === 'Internal'
        ? 'Support agent'
        : (JOB_TITLES[index % JOB_TITLES.length] ?? 'Buyer'),
    company: seed.company,
    email: `${asciiSlug(seed.firstName)}.${asciiSlug(seed.lastName)}@${domain}.example`,
    status: seed.status ?? 'Active',
    region,
    country: COUNTRY_NAMES[region] ?? region,
    city: seed.range.city,
    postcode: postcode(seed.range.postcode),
    phone: seed.phone,
    mobile: seed.mobile,
    lastContact,
    customerSince: dateIn(region, (index * 29) % 400),
    invoice,
    balance: price(region, (index * 7331 + 1999) % 2_500_000),
    reference: reference(region, index),
    bankAccount: bankAccount(region, index),
    notes: `Asked for a call back on ${notesPhone.text} after 2 pm about ${invoice.text}.`,
    notesPhone,
  };
}

function buildContacts(): Contact[] {
  const demo = demoSeeds();
  const used = new Set<string>();
  for (const seed of demo) {
    for (const sample of [seed.phone, seed.mobile]) if (sample?.e164) used.add(sample.e164);
  }
  const seeds = [...demo, ...generatedSeeds(used)];
  return seeds.map((seed, index) => buildContact(index, seed));
}

/** All contacts, in list order. */
export const CONTACTS: readonly Contact[] = buildContacts();

/** Ids of the hand-picked demo contacts (stable across releases). */
export const DEMO_CONTACT_IDS: readonly string[] = CONTACTS.slice(0, 13).map((c) => c.id);

export function contactById(id: string): Contact | undefined {
  return CONTACTS.find((c) => c.id === id);
}

/** How many contacts the printable phone list shows. */
export const PHONE_LIST_SIZE = 60;
