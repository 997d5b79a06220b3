/**
 * A large generated CRM page for the overlay benchmark: a contacts table with many rows, four
 * phone numbers per row in the formats agents see (national, international, E.164, with an
 * extension), and columns of digits that are not phone numbers (dates, invoices, amounts,
 * order ids, postcodes, notes). Deterministic for a seed, so runs compare.
 */
import { seededRandom, pick } from '../../crm/data/prng.ts';

export interface BenchRow {
  name: string;
  company: string;
  phones: string[];
  noise: string[];
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Smith', 'Okafor', 'Martin', 'Kowalski', 'Nguyen', 'García', 'Müller', 'Rossi'];
const WORDS = ['Logistics', 'Foods', 'Hardware', 'Partners', 'Traders', 'Systems', 'Markets'];
/** Area codes assigned in the NANP (so the numbers are valid, not just well-formed). */
const US_AREAS = ['212', '305', '312', '415', '503', '617', '702', '713', '808', '919'];

const digits = (random: () => number, n: number) =>
  Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

function usNumber(random: () => number): string {
  const area = pick(US_AREAS, random);
  const exchange = `${2 + Math.floor(random() * 8)}${digits(random, 2)}`;
  const line = digits(random, 4);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `(${area}) ${exchange}-${line}`;
    case 1:
      return `${area}-${exchange}-${line}`;
    case 2:
      return `+1 ${area} ${exchange} ${line}`;
    default:
      return `+1${area}${exchange}${line}`;
  }
}

function internationalNumber(random: () => number): string {
  switch (Math.floor(random() * 4)) {
    case 0:
      return `+44 20 7946 ${digits(random, 4)}`;
    case 1:
      return `+49 30 ${digits(random, 8)}`;
    case 2:
      return `+33 1 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`;
    default:
      return `+81 3-${digits(random, 4)}-${digits(random, 4)}`;
  }
}

function noise(random: () => number): string[] {
  const year = 2015 + Math.floor(random() * 10);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return [
    `${year}-${month}-${day}`,
    `INV-${year}-${digits(random, 6)}`,
    `$${Math.floor(random() * 9000) + 100},${digits(random, 3)}.${digits(random, 2)}`,
    `Order #${digits(random, 9)}`,
    `Customer asked about order ${digits(random, 8)} on ${day}/${month}/${year}; tracking 1Z${digits(random, 16)}.`,
  ];
}

export function generateRows(count: number, seed: number): BenchRow[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    name: `${pick(FIRST, random)} ${pick(LAST, random)}`,
    company: `${pick(WORDS, random)} ${pick(WORDS, random)} Inc.`,
    phones: [
      usNumber(random),
      usNumber(random),
      internationalNumber(random),
      `${usNumber(random)} ext. ${1 + Math.floor(random() * 900)}`,
    ],
    noise: noise(random),
  }));
}

/** Every text cell of a row, in page order (what the overlay and the bare pass read). */
export function rowTexts(row: BenchRow): string[] {
  return [row.name, row.company, ...row.phones, ...row.noise];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rowHtml(row: BenchRow): string {
  return `<tr>${rowTexts(row)
    .map((t) => `<td>${escapeHtml(t)}</td>`)
    .join('')}</tr>`;
}

/**
 * The floor: one TreeWalker(SHOW_TEXT) pass over the body with a phone-shaped regex. Run as a
 * page script (the goal's floor) and, for comparison, in the content script's isolated world.
 */
export const BARE_PASS = `() => {
  const re = /\\+?\\(?\\d[\\d\\s().\\-]{5,}\\d/g;
  const start = performance.now();
  let found = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.data;
    re.lastIndex = 0;
    while (re.exec(text)) found++;
  }
  return { ms: performance.now() - start, found };
}`;

/**
 * The page. Page-side instrumentation (a plain script of the page, main world): long tasks
 * from a PerformanceObserver, the moment the overlay's host element appears, the moment the
 * decorations reach a count, a bare TreeWalker + regex pass, and a burst of added rows.
 */
export function pageHtml(rows: BenchRow[], burst: BenchRow[]): string {
  const burstJson = JSON.stringify(burst.map(rowTexts)).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Overlay benchmark</title>
<script>
window.__bench = { longTasks: [], overlayStart: null };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes)
    if (n.nodeType === 1 && n.localName.startsWith('gws-cti-') && window.__bench.overlayStart === null)
      window.__bench.overlayStart = performance.now();
}).observe(document.documentElement, { childList: true });
</script>
<style>body{font:13px system-ui;margin:0}table{border-collapse:collapse}td{padding:2px 6px;border-bottom:1px solid #eee;white-space:nowrap}::highlight(bench-probe){text-decoration:underline}</style>
<script type="application/json" id="burst">${burstJson}</script>
<script>
window.__benchPainted = () => (CSS.highlights && CSS.highlights.get('gws-cti-phone')) ? CSS.highlights.get('gws-cti-phone').size : 0;
window.__benchAddRows = () => {
  const rows = JSON.parse(document.getElementById('burst').textContent);
  const tbody = document.querySelector('#t tbody');
  const start = performance.now();
  for (const texts of rows) {
    const tr = document.createElement('tr');
    for (const t of texts) { const td = document.createElement('td'); td.textContent = t; tr.append(td); }
    tbody.append(tr);
  }
  // The page's own cost: when the first frame after the insert is done (layout of the table).
  requestAnimationFrame(() => setTimeout(() => (window.__bench.burstFrameAt = performance.now()), 0));
  return start;
};
window.__benchBare = ${BARE_PASS};
/**
 * One frame's rendering time (rAF to the first task after it), with one range added to a custom
 * highlight in it or not: what the browser's own highlight machinery costs on this page.
 */
window.__benchFrame = (change) => new Promise((resolve) => requestAnimationFrame(() => {
  const start = performance.now();
  if (change) {
    const cells = document.querySelectorAll('td');
    const text = cells[(window.__benchProbes = (window.__benchProbes || 0) + 1) * 11].firstChild;
    let h = CSS.highlights.get('bench-probe');
    if (!h) CSS.highlights.set('bench-probe', (h = new Highlight()));
    h.add(new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }));
  }
  setTimeout(() => resolve(performance.now() - start), 0);
}));
</script>
</head><body>
<h1>Contacts (${rows.length})</h1>
<table id="t"><tbody>${rows.map(rowHtml).join('\n')}</tbody></table>
</body></html>`;
}

/** One small CRM frame (a few rows) for the many-frames page. */
export function framePageHtml(rows: BenchRow[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title></head>
<body><table><tbody>${rows.map(rowHtml).join('\n')}</tbody></table></body></html>`;
}

/** A page made of `frames` same-origin iframes, as CRM dashboards embed widgets. */
export function framesPageHtml(frames: number): string {
  const iframes = Array.from(
    { length: frames },
    (_, i) => `<iframe src="frame?i=${i}" width="300" height="120"></iframe>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title></head>
<body><h1>Dashboard</h1>${iframes}</body></html>`;
}
