// Machine-readable ground truth for phone-number detection tests: for every CRM page, which
// strings are phone numbers (with E.164) and which only look like them. Built from the same data
// the pages render, so it cannot drift from the generated pages. Served at /crm/ground-truth.json.
import type { Contact } from './data/types.ts';
import { CONTACTS, DEMO_CONTACT_IDS, PHONE_LIST_SIZE } from './data/contacts.ts';
import {
  ACTIVITY_PAGE_SIZE,
  ACTIVITY_TABS,
  activityFor,
  type ActivityTab,
} from './data/activity.ts';
import { lookAlikeEntry, phoneEntry, telHref } from './truth-entries.ts';
import { staticPagesTruth } from './static-truth.ts';
import type { GroundTruth, TruthEntry, TruthPage } from './truth-types.ts';

function contactsList(): TruthPage {
  const entries = CONTACTS.flatMap((c): TruthEntry[] => {
    const contactId = c.id;
    return [
      phoneEntry(c.phone, 'text', { contactId }),
      ...(c.mobile ? [phoneEntry(c.mobile, 'text', { contactId })] : []),
      ...[c.postcode, c.lastContact, c.invoice, c.balance, c.reference].map((item) =>
        lookAlikeEntry(item, 'text', { contactId }),
      ),
    ];
  });
  return {
    path: '/crm/contacts',
    title: 'Contacts list',
    description: `${CONTACTS.length} rows present before DOMContentLoaded; one row per contact, columns Phone, Mobile / other, Postcode, Last contact, Last invoice, Open balance, Reference.`,
    sources: ['/crm/data/contacts.js'],
    entries,
  };
}

/** What /crm/contacts/{id} (or ?phone= matching this contact) shows, in document order. */
export function contactDetailEntries(c: Contact): TruthEntry[] {
  const contactId = c.id;
  const entries: TruthEntry[] = [
    phoneEntry(c.phone, 'tel-link', { contactId, href: telHref(c.phone) }),
  ];
  if (c.mobile)
    entries.push(
      phoneEntry(c.mobile, 'callto-link', { contactId, href: telHref(c.mobile, 'callto') }),
    );
  entries.push(
    ...[c.postcode, c.customerSince, c.lastContact].map((item) =>
      lookAlikeEntry(item, 'text', { contactId }),
    ),
    phoneEntry(c.phone, 'readonly-input', { contactId }),
  );
  if (c.mobile) entries.push(phoneEntry(c.mobile, 'readonly-input', { contactId }));
  entries.push(
    ...[c.invoice, c.balance, c.reference].map((item) =>
      lookAlikeEntry(item, 'text', { contactId }),
    ),
    lookAlikeEntry(c.bankAccount, 'opt-out', { contactId }),
    phoneEntry(c.notesPhone, 'opt-out', { contactId }),
    phoneEntry(c.notesPhone, 'editable', { contactId, note: 'inside the notes textarea' }),
    lookAlikeEntry(c.invoice, 'editable', { contactId }),
    phoneEntry(c.phone, 'editable', { contactId, note: 'log-a-call input' }),
    phoneEntry(c.phone, 'editable', { contactId, note: 'contenteditable call summary' }),
  );
  return entries;
}

function contactDetail(c: Contact): TruthPage {
  return {
    path: `/crm/contacts/${c.id}`,
    title: `Contact ${c.firstName} ${c.lastName}`,
    description:
      'Rendered after a fetch. Work phone as tel: link, mobile as callto: link, read-only inputs, billing look-alikes, a data-cti-ignore payment section, and editable notes / log-a-call form.',
    sources: [`/crm/api/contacts/${c.id}`],
    entries: contactDetailEntries(c),
  };
}

function activity(tab: ActivityTab): TruthPage {
  const entries = activityFor(tab).flatMap((item, position): TruthEntry[] => {
    const extra = { contactId: item.contactId, batch: Math.floor(position / ACTIVITY_PAGE_SIZE) };
    const row: TruthEntry[] = [
      lookAlikeEntry(item.at, 'late-row', extra),
      phoneEntry(item.number, 'late-row', extra),
      ...item.summaryLookAlikes.map((l) => lookAlikeEntry(l, 'late-row', extra)),
      lookAlikeEntry(item.reference, 'late-row', extra),
      phoneEntry(item.agent, 'late-row', { ...extra, href: telHref(item.agent) }),
    ];
    if (typeof item.detail !== 'string') row.push(lookAlikeEntry(item.detail, 'late-row', extra));
    return row;
  });
  const path = tab === 'all' ? '/crm/activity' : `/crm/activity/${tab}`;
  return {
    path,
    title: `Activity: ${tab}`,
    description: `Rows arrive ${ACTIVITY_PAGE_SIZE} at a time: batch 0 after the initial delay (?delay=ms, default 700), each further batch after a click on "Load more". Tabs switch with history.pushState.`,
    sources: [`/crm/api/activity?tab=${tab}&offset=0&limit=1000`],
    entries,
  };
}

function phoneList(): TruthPage {
  const entries = CONTACTS.slice(0, PHONE_LIST_SIZE).flatMap((c): TruthEntry[] => [
    phoneEntry(c.phone, 'format-detection-off', { contactId: c.id }),
    ...(c.mobile ? [phoneEntry(c.mobile, 'format-detection-off', { contactId: c.id })] : []),
  ]);
  return {
    path: '/crm/reports/phone-list',
    title: 'Phone list (format-detection=telephone=no)',
    description:
      'The whole page opts out with <meta name="format-detection" content="telephone=no">.',
    sources: ['/crm/data/contacts.js'],
    entries,
  };
}

export function buildGroundTruth(): GroundTruth {
  const demo = DEMO_CONTACT_IDS.map((id) => CONTACTS.find((c) => c.id === id)).filter(
    (c): c is Contact => c !== undefined,
  );
  return {
    schema: 'northwind-crm-ground-truth/1',
    description:
      'Every phone number and phone look-alike shown by the Northwind Support CRM, per page, in document order. type "phone" entries carry e164 (null for internal DNs) and the region needed to read national formats; expect says what a correct overlay does. Contact pages for ids not listed here follow contactDetailEntries() in crm/ground-truth.ts. The "No contact found for <number>" state shows the searched text verbatim and is not listed.',
    contexts: {
      text: 'decorate',
      'tel-link': 'decorate',
      'callto-link': 'decorate',
      'readonly-input': 'decorate',
      iframe: 'decorate',
      'shadow-root': 'decorate',
      'late-row': 'decorate',
      editable: 'ignore',
      'opt-out': 'ignore',
      'format-detection-off': 'ignore',
    },
    pages: [
      contactsList(),
      ...demo.map(contactDetail),
      ...ACTIVITY_TABS.map(activity),
      phoneList(),
      ...staticPagesTruth(),
    ],
  };
}
