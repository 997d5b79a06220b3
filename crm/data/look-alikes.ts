// Strings that a naive phone detector would happily decorate: dates, money, references, IBANs.
import type { LookAlike } from './types.ts';
import { RANGES } from './phone-numbers.ts';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2022, 0, 3);

/** A calendar date `dayOffset` days after 3 Jan 2022, written the way `region` writes dates. */
export function dateIn(region: string, dayOffset: number, iso = false): LookAlike {
  const d = new Date(EPOCH + dayOffset * DAY_MS);
  const y = d.getUTCFullYear();
  const m = pad(d.getUTCMonth() + 1, 2);
  const day = pad(d.getUTCDate(), 2);
  let text: string;
  if (iso) text = `${y}-${m}-${day}`;
  else if (region === 'US') text = `${m}/${day}/${y}`;
  else if (region === 'DE') text = `${day}.${m}.${y}`;
  else if (region === 'JP') text = `${y}/${m}/${day}`;
  else if (region === 'CA') text = `${y}-${m}-${day}`;
  else text = `${day}/${m}/${y}`;
  return { text, category: 'date' };
}

export function dateTime(dayOffset: number, minuteOfDay: number): LookAlike {
  const date = dateIn('', dayOffset, true).text;
  return {
    text: `${date} ${pad(Math.floor(minuteOfDay / 60), 2)}:${pad(minuteOfDay % 60, 2)}`,
    category: 'date-time',
  };
}

export function duration(seconds: number): LookAlike {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return { text: `${pad(h, 2)}:${pad(m, 2)}:${pad(seconds % 60, 2)}`, category: 'duration' };
}

export function invoiceNumber(year: number, n: number): LookAlike {
  return { text: `INV-${year}-${pad(n, 6)}`, category: 'invoice-number' };
}

function groupThousands(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** An amount in the region's currency and notation. */
export function price(region: string, cents: number): LookAlike {
  const units = Math.floor(cents / 100);
  const frac = pad(cents % 100, 2);
  let text: string;
  if (region === 'DE') text = `${groupThousands(units, '.')},${frac} €`;
  else if (region === 'FR') text = `${groupThousands(units, ' ')},${frac} €`;
  else if (region === 'GB') text = `£${groupThousands(units, ',')}.${frac}`;
  else if (region === 'JP') text = `¥${groupThousands(units * 100 + (cents % 100), ',')}`;
  else if (region === 'AU') text = `A$${groupThousands(units, ',')}.${frac}`;
  else if (region === 'CA') text = `CA$${groupThousands(units, ',')}.${frac}`;
  else text = `$${groupThousands(units, ',')}.${frac}`;
  return { text, category: 'price' };
}

export function postcode(text: string): LookAlike {
  return { text, category: 'postcode' };
}

function mod97(digits: string): number {
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

/** An IBAN with correct check digits, grouped in fours as printed on invoices. */
export function iban(country: string, bban: string): LookAlike {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = pad(98 - mod97(numeric), 2);
  const raw = `${country}${check}${bban}`;
  return { text: raw.replace(/(.{4})/g, '$1 ').trim(), category: 'iban' };
}

/** Bank details: an IBAN where the country uses them, else a domestic account line. */
export function bankAccount(region: string, n: number): LookAlike {
  const acct = pad((n * 7919 + 104729) % 10_000_000_000, 10);
  if (region === 'DE') return iban('DE', `37040044${acct}`);
  if (region === 'FR') return iban('FR', `2004101005${pad(n, 11)}06`);
  if (region === 'GB') return iban('GB', `NWBK601613${acct.slice(2)}`);
  if (region === 'AU')
    return { text: `BSB 062-000 Acct ${acct.slice(2)}`, category: 'bank-account' };
  if (region === 'JP')
    return { text: `Branch 001 Acct ${acct.slice(3)}`, category: 'bank-account' };
  return { text: `Routing 021000021 Acct ${acct}`, category: 'bank-account' };
}

/** A mixed bag of references, one kind per `n`, as a CRM "Reference" column would hold. */
export function reference(region: string, n: number): LookAlike {
  const k = (n * 7 + 3) % 1_000_000;
  switch (n % 10) {
    case 0: {
      // An order number whose digits are exactly a NANP number: only the "#" gives it away.
      const us = RANGES.US ?? [];
      const range = us[n % us.length];
      const digits = range ? range.groups(90 + (Math.floor(n / 10) % 10)).join('') : '4155550190';
      return { text: `Order #${digits}`, category: 'order-number', hard: true };
    }
    case 1:
      return { text: `CASE-${pad(412873 + n * 13, 8)}`, category: 'case-number' };
    case 2:
      return {
        text: `1Z 999 AA1 ${pad(n % 100, 2)} ${pad(k % 10000, 4)} ${pad((k * 3) % 10000, 4)}`,
        category: 'tracking-number',
      };
    case 3:
      return {
        text: `10.${(n * 3) % 256}.${(n * 7) % 256}.${((n * 11) % 254) + 1}`,
        category: 'ip-address',
      };
    case 4:
      return {
        text: `SN 2023${pad((n % 12) + 1, 2)}${pad((n % 28) + 1, 2)}-${pad(n, 4)}`,
        category: 'serial-number',
      };
    case 5:
      return { text: `PO 45000${pad(k % 100000, 5)}`, category: 'purchase-order' };
    case 6:
      return { text: `**** **** **** ${pad((n * 4242) % 10000, 4)}`, category: 'card-number' };
    case 7:
      return vatNumber(region, n);
    case 8:
      return { text: pad((n * 982451653 + 12345) % 1e15, 16), category: 'digit-run' };
    default:
      return {
        text: `${(37 + (n % 10) / 10).toFixed(4)}, -${(122 + (n % 7) / 10).toFixed(4)}`,
        category: 'coordinates',
      };
  }
}

function vatNumber(region: string, n: number): LookAlike {
  const d = pad((n * 104723 + 100000000) % 1_000_000_000, 9);
  if (region === 'GB')
    return {
      text: `VAT GB ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
      category: 'vat-number',
    };
  if (region === 'DE') return { text: `USt-IdNr. DE${d}`, category: 'vat-number' };
  if (region === 'FR') return { text: `TVA FR 12 ${d}`, category: 'vat-number' };
  return { text: `Tax ID ${d.slice(0, 2)}-${d.slice(2)}`, category: 'vat-number' };
}
