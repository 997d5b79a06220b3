// The activity feed (calls, tickets, e-mails) that the SPA-style page loads in batches.
import type { ActivityItem, LookAlike } from './types.ts';
import { CONTACTS } from './contacts.ts';
import { dateTime, duration } from './look-alikes.ts';
import { internalNumber } from './phone-numbers.ts';

export const ACTIVITY_TABS = ['all', 'calls', 'tickets'] as const;
export type ActivityTab = (typeof ACTIVITY_TABS)[number];
export const ACTIVITY_PAGE_SIZE = 25;
const ACTIVITY_COUNT = 150;

const TICKET_STATUSES = ['Open', 'Pending', 'Solved', 'Escalated'];

const CUSTOMERS = CONTACTS.filter((c) => c.status !== 'Internal');

function buildItem(i: number): ActivityItem {
  const contact = CUSTOMERS[(i * 37 + 11) % CUSTOMERS.length];
  if (!contact) throw new Error('no contacts');
  const number = i % 4 === 3 && contact.mobile ? contact.mobile : contact.phone;
  // Newest first: 17:45 on the last day, then every 23 minutes further back.
  const minute = 800 * 1440 + 17 * 60 + 45 - i * 23;
  const at = dateTime(Math.floor(minute / 1440), minute % 1440);
  const agent = internalNumber(`700${(i % 3) + 1}`);
  const kind: ActivityItem['kind'] = i % 3 === 1 ? 'ticket' : i % 5 === 4 ? 'email' : 'call';
  const name = `${contact.firstName} ${contact.lastName}`;
  const refNumber: LookAlike = {
    text: `CASE-${String(500000 + i * 17).padStart(8, '0')}`,
    category: 'case-number',
  };
  const quoted: LookAlike[] = [contact.invoice];
  let summary: string;
  let detail: LookAlike | string;
  if (kind === 'call') {
    summary =
      i % 2 === 0
        ? `Inbound call about ${contact.invoice.text}`
        : `Returned call re ${contact.invoice.text}`;
    detail = duration(35 + ((i * 97) % 900));
  } else if (kind === 'ticket') {
    summary = `Billing question on ${contact.invoice.text}, balance ${contact.balance.text}`;
    quoted.push(contact.balance);
    detail = TICKET_STATUSES[i % TICKET_STATUSES.length] ?? 'Open';
  } else {
    summary = `Re: ${contact.reference.text} (${contact.invoice.text})`;
    quoted.unshift(contact.reference);
    detail = 'Replied';
  }
  return {
    id: `A${String(90000 - i)}`,
    kind,
    at,
    contactId: contact.id,
    contactName: name,
    number,
    summary,
    summaryLookAlikes: quoted,
    reference: refNumber,
    detail,
    agent,
  };
}

const ALL_ITEMS: readonly ActivityItem[] = Array.from({ length: ACTIVITY_COUNT }, (_, i) =>
  buildItem(i),
);

export function isActivityTab(value: string): value is ActivityTab {
  return (ACTIVITY_TABS as readonly string[]).includes(value);
}

/** Every item of a tab, newest first. */
export function activityFor(tab: ActivityTab): readonly ActivityItem[] {
  if (tab === 'calls') return ALL_ITEMS.filter((item) => item.kind === 'call');
  if (tab === 'tickets') return ALL_ITEMS.filter((item) => item.kind === 'ticket');
  return ALL_ITEMS;
}
