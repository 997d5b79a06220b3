// Ground truth for the hand-written pages (dashboard, recent-calls iframe, callback widget).
// It must match public/crm/pages/dashboard.html, widgets/recent-calls.html and
// assets/callback-queue.js; tests/integration/crm.test.ts checks that it does.
import type { TruthContext, TruthEntry, TruthPage } from './truth-types.ts';
import { internalNumber, vanityNumber } from './data/phone-numbers.ts';
import { like, lookAlikeEntry, phoneEntry, sample } from './truth-entries.ts';

const RECENT_CALLS_PATH = '/crm/widgets/recent-calls.html';

function recentCalls(context: TruthContext, frame?: string): TruthEntry[] {
  const extra = frame ? { frame } : {};
  const rows: [string, ReturnType<typeof sample>, string][] = [
    ['09:12', sample('(415) 555-0132', '+14155550132', 'US', 'national'), '00:04:12'],
    ['09:40', sample('+44 20 7946 0958', '+442079460958', 'GB', 'international'), '00:11:03'],
    ['10:05', sample('+14155550163', '+14155550163', 'US', 'e164'), '00:00:48'],
    ['10:31', sample('+49 (0)30 23125-123', '+493023125123', 'DE', 'international'), '00:07:55'],
    ['11:02', sample('+81 3-1234-5678', '+81312345678', 'JP', 'international'), '00:02:30'],
    ['11:47', internalNumber('7002'), '00:01:10'],
    [
      '12:15',
      sample('+1 415-555-0148 ext. 204', '+14155550148', 'US', 'extension', { ext: '204' }),
      '00:09:21',
    ],
  ];
  return rows.flatMap(([time, number, length]) => [
    lookAlikeEntry(like(time, 'time'), context, extra),
    phoneEntry(number, context, extra),
    lookAlikeEntry(like(length, 'duration'), context, extra),
  ]);
}

function callbackQueue(): TruthEntry[] {
  const rows: [string, ReturnType<typeof sample>, string][] = [
    ['14:30', sample('+33 1 99 00 12 34', '+33199001234', 'FR', 'international'), 'CASE-00412873'],
    ['15:00', sample('(02) 5550 1234', '+61255501234', 'AU', 'national'), 'CASE-00412874'],
    [
      '15:45',
      sample('(212) 555-0176 x31', '+12125550176', 'US', 'extension', { ext: '31' }),
      'CASE-00412880',
    ],
    ['16:10', sample('+16045550143', '+16045550143', 'CA', 'e164'), 'CASE-00412891'],
    ['16:30', vanityNumber('1-800-FLOWERS'), 'CASE-00412902'],
  ];
  return rows.flatMap(([due, number, ticket]) => [
    lookAlikeEntry(like(due, 'time'), 'shadow-root'),
    phoneEntry(number, 'shadow-root'),
    lookAlikeEntry(like(ticket, 'case-number'), 'shadow-root'),
  ]);
}

function dashboard(): TruthEntry[] {
  const text = (t: string, c: Parameters<typeof like>[1], hard = false) =>
    lookAlikeEntry(like(t, c, hard), 'text');
  const optOutLike = (t: string, c: Parameters<typeof like>[1]) =>
    lookAlikeEntry(like(t, c), 'opt-out');
  const agent = (dn: string) => phoneEntry(internalNumber(dn), 'tel-link', { href: `tel:${dn}` });
  return [
    text('1,284', 'quantity'),
    text('00:06:42', 'duration'),
    ...recentCalls('iframe', RECENT_CALLS_PATH),
    ...callbackQueue(),
    agent('7001'),
    agent('7002'),
    agent('7003'),
    phoneEntry(sample('+1 415-555-0100', '+14155550100', 'US', 'international'), 'text'),
    phoneEntry(sample('+44 20 7946 0111', '+442079460111', 'GB', 'international'), 'callto-link', {
      href: 'callto:+442079460111',
    }),
    phoneEntry(sample('030 23125900', '+493023125900', 'DE', 'national'), 'tel-link', {
      href: 'tel:+493023125900',
    }),
    phoneEntry(
      sample('Call Boston office', '+16175550123', 'US', 'national', { hard: true }),
      'tel-link',
      {
        href: 'tel:+16175550123',
        note: 'The link text is not a number; only the href carries it.',
      },
    ),
    phoneEntry(sample('+1 415 555 0132', '+14155550132', 'US', 'international'), 'readonly-input'),
    phoneEntry(
      sample('+44 161 496 0555', '+441614960555', 'GB', 'international'),
      'readonly-input',
    ),
    phoneEntry(sample('01 99 00 99 01', '+33199009901', 'FR', 'national'), 'readonly-input'),
    phoneEntry(sample('+1 212-555-0143', '+12125550143', 'US', 'international'), 'editable'),
    phoneEntry(sample('020 7946 0112', '+442079460112', 'GB', 'national'), 'editable'),
    phoneEntry(sample('+49 30 23125999', '+493023125999', 'DE', 'international'), 'editable'),
    phoneEntry(sample('03-1234-5999', '+81312345999', 'JP', 'national'), 'editable'),
    lookAlikeEntry(like('09:00', 'time'), 'editable'),
    text('Order #4155550199', 'order-number', true),
    text('2024-03-15', 'date'),
    text('INV-2024-000123', 'invoice-number'),
    text('$1,299.00', 'price'),
    text('94103-1234', 'postcode'),
    text('1Z999AA10123456784', 'tracking-number'),
    text('SO-2024-03-0042', 'order-number'),
    text('15/03/2024', 'date'),
    text('INV-2024-000124', 'invoice-number'),
    text('£12,345.67', 'price'),
    text('SW1A 1AA', 'postcode'),
    text('JJD0002249551234567', 'tracking-number'),
    text('Order #20240314', 'order-number'),
    text('03/14/2024', 'date'),
    text('INV-2024-000125', 'invoice-number'),
    text('1.234.567,89 €', 'price'),
    text('10117', 'postcode'),
    text('00340434161234567890', 'tracking-number'),
    text('Order #100245871', 'order-number'),
    text('14.03.2024', 'date'),
    text('INV-2024-000126', 'invoice-number'),
    text('4 155,50 €', 'price'),
    text('75008', 'postcode'),
    optOutLike('DE89 3704 0044 0532 0130 00', 'iban'),
    optOutLike('4111 1111 1111 1111', 'card-number'),
    phoneEntry(sample('+1 303-555-0177', '+13035550177', 'US', 'international'), 'opt-out'),
    phoneEntry(sample('0161 496 0999', '+441614960999', 'GB', 'national'), 'opt-out'),
    text('v2.14.3', 'version'),
    text('192.168.10.254', 'ip-address'),
    text('2024-03-15 14:32:05', 'date-time'),
    text('1,048,576', 'quantity'),
  ];
}

export function staticPagesTruth(): TruthPage[] {
  return [
    {
      path: '/crm/dashboard',
      title: 'Home (dashboard)',
      description:
        'KPIs, a same-origin iframe (recent calls), an open shadow-root widget (<nw-callback-queue>), tel:/callto: links, read-only inputs, an editable form, a data-cti-ignore section and a footer of look-alikes.',
      sources: ['/crm/dashboard', RECENT_CALLS_PATH, '/crm/assets/callback-queue.js'],
      entries: dashboard(),
    },
    {
      path: RECENT_CALLS_PATH,
      title: 'Recent calls widget (the dashboard iframe on its own)',
      description: 'A plain table; on the dashboard it is embedded as a same-origin iframe.',
      sources: [RECENT_CALLS_PATH],
      entries: recentCalls('text'),
    },
  ];
}
