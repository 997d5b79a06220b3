// JSON endpoints and the generated data script behind the CRM pages.
import type { Contact } from './data/types.ts';
import { CONTACTS, PHONE_LIST_SIZE, contactById } from './data/contacts.ts';
import { findByPhone } from './data/phone-match.ts';
import { ACTIVITY_PAGE_SIZE, activityFor, isActivityTab } from './data/activity.ts';
import { buildGroundTruth } from './ground-truth.ts';
import { jsonReply as json, type Reply } from '../http-kit/reply.ts';
import type { Params } from '../http-kit/router.ts';

/** The slice of a contact the list pages need. */
function listRow(c: Contact) {
  const phone = (s: Contact['phone']) => ({ text: s.text, e164: s.e164, ext: s.ext, dn: s.dn });
  return {
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
    company: c.company,
    status: c.status,
    region: c.region,
    country: c.country,
    city: c.city,
    postcode: c.postcode.text,
    phone: phone(c.phone),
    mobile: c.mobile ? phone(c.mobile) : null,
    lastContact: c.lastContact.text,
    invoice: c.invoice.text,
    balance: c.balance.text,
    reference: c.reference.text,
  };
}

let dataScript: string | undefined;
let groundTruth: string | undefined;

/** window.NW_DATA for the pages that render the address book synchronously. */
export function contactsDataScript(): Reply {
  dataScript ??= `window.NW_DATA = ${JSON.stringify({ contacts: CONTACTS.map(listRow), phoneListSize: PHONE_LIST_SIZE })};\n`;
  return { status: 200, type: 'text/javascript; charset=utf-8', body: dataScript };
}

export function groundTruthJson(): Reply {
  groundTruth ??= JSON.stringify(buildGroundTruth());
  return { status: 200, type: 'application/json; charset=utf-8', body: groundTruth };
}

function intParam(
  params: URLSearchParams,
  name: string,
  fallback: number,
  max: number,
): number | null {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,6}$/.test(raw)) return null;
  return Math.min(Number(raw), max);
}

export function contactsList(): Reply {
  return json(200, { total: CONTACTS.length, contacts: CONTACTS.map(listRow) });
}

export function contactJson(params: Params): Reply {
  const contact = contactById(params.id ?? '');
  return contact ? json(200, { contact }) : json(404, { error: 'No such contact' });
}

export function lookup(_params: Params, query: URLSearchParams): Reply {
  const phone = query.get('phone');
  if (phone === null || phone.trim() === '')
    return json(400, { error: 'Query parameter phone is required' });
  const match = findByPhone(CONTACTS, phone);
  return json(200, { contact: match?.contact ?? null, field: match?.field ?? null });
}

export function activityPage(_params: Params, query: URLSearchParams): Reply {
  const tab = query.get('tab') ?? 'all';
  const offset = intParam(query, 'offset', 0, 1_000_000);
  const limit = intParam(query, 'limit', ACTIVITY_PAGE_SIZE, 1000);
  if (!isActivityTab(tab) || offset === null || limit === null || limit === 0) {
    return json(400, { error: 'Expected tab=all|calls|tickets, offset >= 0 and limit 1-1000' });
  }
  const all = activityFor(tab);
  const items = all.slice(offset, offset + limit);
  const next = offset + items.length;
  return json(200, {
    tab,
    total: all.length,
    offset,
    items,
    nextOffset: next < all.length ? next : null,
  });
}

export const unknownApiPath = (): Reply => json(404, { error: 'Unknown API path' });
