// The demo CRM over real HTTP on an ephemeral port: pages, phone lookup, activity paging,
// refusal of traversal and hostile input, and the consistency of its detection ground truth.
import { request } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { startCrm, type RunningCrm } from '../../crm/server.ts';
import type { GroundTruth, TruthPage } from '../../crm/truth-types.ts';

let crm: RunningCrm;

beforeAll(async () => {
  crm = await startCrm({ port: 0 });
});

afterAll(async () => {
  await crm.close();
});

const get = (urlPath: string): Promise<Response> =>
  fetch(crm.baseUrl + urlPath, { redirect: 'manual' });

async function getJson<T>(urlPath: string): Promise<T> {
  const response = await get(urlPath);
  expect(response.status, urlPath).toBe(200);
  return (await response.json()) as T;
}

/** Sends the path byte for byte; fetch would resolve dot segments before sending. */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: crm.port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface PhoneRow {
  text: string;
  e164: string | null;
  ext?: string;
  dn?: string;
}
interface ListRow {
  id: string;
  region: string;
  phone: PhoneRow;
  mobile: PhoneRow | null;
}
interface Lookup {
  contact: { id: string } | null;
  field: string | null;
}

const lookup = (phone: string): Promise<Lookup> =>
  getJson<Lookup>(`/crm/api/lookup?phone=${encodeURIComponent(phone)}`);

const PAGES = [
  '/crm/dashboard',
  '/crm/contacts',
  '/crm/contacts/1001',
  '/crm/contacts?phone=%2B14155550132',
  '/crm/activity',
  '/crm/activity/calls',
  '/crm/activity/tickets',
  '/crm/reports/phone-list',
  '/crm/widgets/recent-calls.html',
];

describe('pages', () => {
  it.each(PAGES)('%s is served as HTML with every local asset it references', async (page) => {
    const response = await get(page);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/crm\/(?:assets|widgets|data)\/[^"]+)"/g)];
    expect(assets.length).toBeGreaterThan(0);
    for (const [, asset] of assets) {
      expect((await get(asset ?? '')).status, asset).toBe(200);
    }
  });

  it('redirects the root to the dashboard', async () => {
    const response = await get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/crm/dashboard');
  });

  it('has the iframe, shadow-root widget, opt-out section and format-detection page', async () => {
    const dashboard = await (await get('/crm/dashboard')).text();
    expect(dashboard).toMatch(/<iframe[^>]+src="\/crm\/widgets\/recent-calls\.html"/);
    expect(dashboard).toContain('<nw-callback-queue>');
    expect(dashboard).toMatch(/<section[^>]+data-cti-ignore/);
    expect(dashboard).toMatch(/<input[^>]+type="tel"[^>]+readonly/);
    expect(dashboard).toMatch(/<a href="tel:[^"]+">/);
    expect(dashboard).toMatch(/<a href="callto:[^"]+">/);
    expect(dashboard).toContain('contenteditable="true"');
    const widget = await (await get('/crm/assets/callback-queue.js')).text();
    expect(widget).toContain("attachShadow({ mode: 'open' })");
    const phoneList = await (await get('/crm/reports/phone-list')).text();
    expect(phoneList).toContain('<meta name="format-detection" content="telephone=no" />');
  });

  it.each([
    '/nope',
    '/crm/nope',
    '/crm/contacts/999999',
    '/crm/contacts/1001/extra',
    '/crm/activity/bogus',
    '/crm/pages/contacts.html',
    '/crm/assets/',
    '/crm/assets/missing.js',
    '/crm/api/nope',
  ])('answers 404 for %s', async (urlPath) => {
    expect((await get(urlPath)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${crm.baseUrl}/crm/contacts`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect((await fetch(`${crm.baseUrl}/crm/contacts`, { method: 'HEAD' })).status).toBe(200);
  });
});

describe('contact lookup by phone', () => {
  const CALLING_CODES: Record<string, string> = {
    US: '1',
    CA: '1',
    GB: '44',
    DE: '49',
    FR: '33',
    AU: '61',
    JP: '81',
  };

  /** The same number written the ways telephony systems and people write it. */
  function variants(e164: string, region: string): string[] {
    const cc = CALLING_CODES[region] ?? '';
    const nsn = e164.slice(1 + cc.length);
    const national =
      cc === '1'
        ? `(${nsn.slice(0, 3)}) ${nsn.slice(3, 6)}-${nsn.slice(6)}`
        : `0${nsn.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
    return [
      e164,
      `00${e164.slice(1)}`,
      `+${cc} (0)${nsn}`,
      national,
      `tel:${e164}`,
      `${e164} ext. 12`,
      e164.slice(1 + cc.length),
    ];
  }

  it('finds one contact from many formats of its number, in every country', async () => {
    const { contacts } = await getJson<{ contacts: ListRow[] }>('/crm/api/contacts');
    const regions = [...new Set(contacts.map((c) => c.region))];
    expect(regions.length).toBeGreaterThanOrEqual(6);
    for (const region of regions) {
      const contact = contacts.find((c) => c.region === region && c.phone.e164);
      if (!contact?.phone.e164) throw new Error(`no contact with a phone in ${region}`);
      for (const written of variants(contact.phone.e164, region)) {
        const found = await lookup(written);
        expect(found.contact?.id, `${written} (${region})`).toBe(contact.id);
      }
    }
  });

  it('finds every contact from the number exactly as the list shows it', async () => {
    const { contacts } = await getJson<{ contacts: ListRow[] }>('/crm/api/contacts');
    expect(contacts.length).toBeGreaterThanOrEqual(300);
    for (const contact of contacts) {
      for (const [field, phone] of [
        ['phone', contact.phone],
        ['mobile', contact.mobile],
      ] as const) {
        if (!phone) continue;
        const found = await lookup(phone.text);
        expect({ id: found.contact?.id, field: found.field }, phone.text).toEqual({
          id: contact.id,
          field,
        });
      }
    }
  });

  it('reports no contact for a number nobody has, and requires the parameter', async () => {
    const { contacts } = await getJson<{ contacts: ListRow[] }>('/crm/api/contacts');
    const taken = new Set(contacts.flatMap((c) => [c.phone.e164, c.mobile?.e164]));
    const unknown = ['+14155550000', '+14155550001', '+14155550002'].find((n) => !taken.has(n));
    expect(unknown).toBeDefined();
    expect(await lookup(unknown ?? '')).toEqual({ contact: null, field: null });
    expect((await get('/crm/api/lookup')).status).toBe(400);
  });

  it('serves the screen-pop page for any phone value', async () => {
    const response = await get(`/crm/contacts?phone=${encodeURIComponent('+44 (0)20 7946 0958')}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('/crm/assets/contact-page.js');
  });
});

describe('activity feed', () => {
  it('pages through each tab without gaps or repeats', async () => {
    for (const tab of ['all', 'calls', 'tickets']) {
      const ids: string[] = [];
      let offset: number | null = 0;
      for (let guard = 0; offset !== null && guard < 100; guard++) {
        const page: {
          total: number;
          items: { id: string; kind: string }[];
          nextOffset: number | null;
        } = await getJson(`/crm/api/activity?tab=${tab}&offset=${offset}&limit=25`);
        expect(page.items.length).toBeLessThanOrEqual(25);
        if (tab !== 'all') expect(page.items.every((i) => `${i.kind}s` === tab)).toBe(true);
        ids.push(...page.items.map((i) => i.id));
        offset = page.nextOffset;
        if (offset === null) expect(ids.length).toBe(page.total);
      }
      expect(offset).toBeNull();
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect((await get('/crm/api/activity?tab=bogus')).status).toBe(400);
    expect((await get('/crm/api/activity?offset=-1')).status).toBe(400);
  });
});

describe('hostile input', () => {
  const RAW_ESCAPES = [
    '/crm/../../etc/passwd',
    '/crm/../../../../../../../../etc/passwd',
    '/crm/assets/../../server.ts',
    '/crm/assets/..%2f..%2f..%2fserver.ts',
    '/crm/assets/%2e%2e/%2e%2e/%2e%2e/server.ts',
    '/crm/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fserver.ts',
    '/crm/assets/..%5c..%5c..%5cserver.ts',
    '/crm/assets/..\\..\\..\\server.ts',
    '/crm/assets/%252e%252e%252f%252e%252e%252fserver.ts',
    '/crm/assets/crm.css%00.html',
    '/crm/assets/%',
    '/crm/widgets/.hidden',
  ];

  it('serves a raw request path normally (control for the traversal cases)', async () => {
    expect((await rawGet('/crm/assets/shell.js')).status).toBe(200);
  });

  it.each(RAW_ESCAPES)('refuses %s without leaking files', async (rawPath) => {
    const { status, body } = await rawGet(rawPath);
    expect([400, 404]).toContain(status);
    expect(body).not.toContain('startCrm');
    expect(body).not.toMatch(/root:.*:0:0:/);
  });

  const PAYLOADS = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
  ];
  const TARGETS = [
    '/crm/contacts?phone=',
    '/crm/contacts?q=',
    '/crm/activity?delay=',
    '/crm/dashboard?x=',
    '/crm/nope?x=',
    '/crm/api/lookup?phone=',
  ];

  it('never reflects query strings or paths as markup', async () => {
    for (const payload of PAYLOADS) {
      const urls = TARGETS.map((t) => t + encodeURIComponent(payload));
      urls.push(
        `/crm/${encodeURIComponent(payload)}`,
        `/crm/contacts/${encodeURIComponent(payload)}`,
      );
      for (const url of urls) {
        const response = await get(url);
        const body = await response.text();
        expect(body, url).not.toContain(payload);
        expect(body, url).not.toMatch(/<script>alert|onerror=|onload=/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    }
    const api = await get(`/crm/api/lookup?phone=${encodeURIComponent(PAYLOADS[0] ?? '')}`);
    expect(api.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('page scripts never use an HTML sink', async () => {
    const root = fileURLToPath(new URL('../../crm/public', import.meta.url));
    const files = (await readdir(root, { recursive: true })).filter(
      (f) => f.endsWith('.js') || f.endsWith('.html'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = await readFile(path.join(root, file), 'utf8');
      expect(source, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/,
      );
    }
  });
});

describe('ground truth', () => {
  let truth: GroundTruth;
  const sourceCache = new Map<string, Promise<string>>();
  const source = (url: string): Promise<string> => {
    if (!sourceCache.has(url))
      sourceCache.set(
        url,
        get(url).then((r) => r.text()),
      );
    return sourceCache.get(url) ?? Promise.resolve('');
  };
  const pageOf = (p: string): TruthPage => {
    const found = truth.pages.find((page) => page.path === p);
    if (!found) throw new Error(`no ground truth for ${p}`);
    return found;
  };

  beforeAll(async () => {
    truth = await getJson<GroundTruth>('/crm/ground-truth.json');
  });

  it('covers every kind of page and both phones and look-alikes', () => {
    for (const p of [
      '/crm/contacts',
      '/crm/dashboard',
      '/crm/activity',
      '/crm/reports/phone-list',
      '/crm/contacts/1001',
    ]) {
      const entries = pageOf(p).entries;
      expect(
        entries.some((e) => e.type === 'phone'),
        p,
      ).toBe(true);
    }
    const all = truth.pages.flatMap((p) => p.entries);
    const contexts = new Set(all.map((e) => e.context));
    expect([...contexts].sort()).toEqual(Object.keys(truth.contexts).sort());
    expect(all.filter((e) => e.type === 'look-alike').every((e) => e.expect === 'ignore')).toBe(
      true,
    );
    for (const e of all.filter((x) => x.type === 'phone'))
      expect(e.expect).toBe(truth.contexts[e.context]);
  });

  it('lists only strings that the page sources really contain', async () => {
    for (const page of truth.pages) {
      const bodies = (await Promise.all(page.sources.map(source))).join('\n');
      for (const entry of page.entries)
        expect(bodies, `${page.path}: ${entry.text}`).toContain(entry.text);
    }
  });

  it('gives the E.164 a phone library reads from each phone text in its region', () => {
    const phones = truth.pages
      .flatMap((p) => p.entries)
      .filter((e) => e.type === 'phone' && e.e164 && !e.hard);
    expect(phones.length).toBeGreaterThan(500);
    for (const e of phones) {
      const parsed = parsePhoneNumberFromString(e.text, e.region as CountryCode);
      expect(
        { number: parsed?.number, ext: parsed?.ext, valid: parsed?.isValid() },
        e.text,
      ).toEqual({
        number: e.e164,
        ext: e.ext,
        valid: true,
      });
    }
  });

  it('misses no digit-bearing text on the hand-written pages', async () => {
    for (const p of ['/crm/dashboard', '/crm/widgets/recent-calls.html']) {
      const html = await source(p);
      const values = [...html.matchAll(/\svalue="([^"]*)"/g)].map((m) => m[1]);
      const text = html
        .replace(/<(script|style)[\s\S]*?<\/\1>/g, '\n')
        .replace(/<[^>]*>/g, '\n')
        .concat('\n', values.join('\n'));
      const candidates = text.match(/[+(]?\d[\d \t()./-]{3,}\d/g) ?? [];
      const entries = pageOf(p).entries.map((e) => e.text);
      for (const candidate of candidates
        .map((c) => c.trim())
        .filter((c) => c.replace(/\D/g, '').length >= 5)) {
        expect(
          entries.some((e) => e.includes(candidate)),
          `${p}: ${candidate}`,
        ).toBe(true);
      }
    }
  });

  it('puts each activity row in the batch that the feed delivers it in', async () => {
    for (const page of truth.pages.filter((p) => p.path.startsWith('/crm/activity'))) {
      const tab = page.path.split('/')[3] ?? 'all';
      const batches = Math.max(...page.entries.map((e) => e.batch ?? 0)) + 1;
      for (let batch = 0; batch < batches; batch++) {
        const body = await source(`/crm/api/activity?tab=${tab}&offset=${batch * 25}&limit=25`);
        for (const e of page.entries.filter((x) => x.batch === batch))
          expect(body, e.text).toContain(e.text);
      }
    }
  });
});
