// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, type Painter } from '../../lib/overlay/decorations.ts';
import { SubtreeWalk, type WalkSink } from '../../lib/overlay/subtree-walk.ts';
import { PageScanner } from '../../lib/overlay/page-scanner.ts';
import {
  ancestorVerdict,
  documentOptsOut,
  isReadOnlyNumberInput,
  telHrefTarget,
} from '../../lib/overlay/scan-filter.ts';

/** Records what the walk reports, as the text it would decorate. */
function recordingSink() {
  const seen = { texts: [] as string[], links: [] as string[], inputs: [] as string[], shadows: 0 };
  const sink: WalkSink = {
    text: (node) => seen.texts.push(node.data),
    link: (a) => seen.links.push(a.getAttribute('href') ?? ''),
    input: (el) => seen.inputs.push((el as HTMLInputElement).id),
    shadowRoot: () => seen.shadows++,
  };
  return { seen, sink };
}

function walkAll(root: Node, ownHost: Element | null = null) {
  const { seen, sink } = recordingSink();
  const walk = new SubtreeWalk(root, sink, ownHost, () => true);
  expect(walk.step(() => false)).toBe(true);
  return seen;
}

const painter = (): Painter & { ranges: Set<AbstractRange> } => {
  const ranges = new Set<AbstractRange>();
  return {
    ranges,
    add: (r) => ranges.add(r),
    delete: (r) => ranges.delete(r),
    clear: () => ranges.clear(),
  };
};

/** The text a hit covers, as it reads on the page. */
const hitText = (store: DecorationStore) =>
  [...store.hits()].map((h) =>
    h.kind === 'link' ? (h.node.textContent ?? '') : (h.node as Text).data.slice(h.start, h.end),
  );

async function scanDocument(ownHost: Element | null = null) {
  const store = new DecorationStore(painter(), (t) => findPhoneNumbers(t, 'US'));
  const scanner = new PageScanner({
    store,
    ownHost: () => ownHost,
    schedule: (run) => setTimeout(run, 0),
    now: () => performance.now(),
    fullRoots: () => [document.body],
    onShadowRoot: () => {},
  });
  scanner.scan(document.body);
  await scanner.whenIdle();
  return store;
}

beforeEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('the walker', () => {
  it('reports page text and skips scripts, styles, editable areas, opt-outs and our own UI', () => {
    const el = (tag: string, text: string, attrs: Record<string, string> = {}) => {
      const e = document.createElement(tag);
      e.textContent = text;
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      document.body.append(e);
      return e;
    };
    el('p', 'Call (415) 555-0132');
    el('script', 'var x = "(415) 555-0199";');
    el('style', '.a::after { content: "(415) 555-0198" }');
    el('noscript', '(415) 555-0197');
    el('textarea', '(415) 555-0196');
    el('div', 'Draft: (415) 555-0195', { contenteditable: 'true' });
    el('div', 'Plain: (415) 555-0194', { contenteditable: 'false' });
    const optOut = el('section', '', { 'data-cti-ignore': '' });
    optOut.append(Object.assign(document.createElement('p'), { textContent: '(415) 555-0193' }));
    const own = el('gws-cti-test', '(415) 555-0192');
    const seen = walkAll(document.body, own);
    expect(seen.texts).toEqual(['Call (415) 555-0132', 'Plain: (415) 555-0194']);
  });

  it('treats tel:/callto: links as units and reports inputs without reading their text', () => {
    const a = document.createElement('a');
    a.href = 'tel:+14155550132';
    a.append(
      'Call ',
      Object.assign(document.createElement('b'), { textContent: '(415) 555-0132' }),
    );
    const callto = document.createElement('a');
    callto.href = 'callto:+442079460111';
    callto.textContent = '+44 20 7946 0111';
    const web = document.createElement('a');
    web.href = '/crm/contacts/1001';
    web.textContent = 'Maria (415) 555-0187';
    const input = Object.assign(document.createElement('input'), { id: 'main-line' });
    document.body.append(a, callto, web, input);
    const seen = walkAll(document.body);
    expect(seen.links).toEqual(['tel:+14155550132', 'callto:+442079460111']);
    expect(seen.texts).toEqual(['Maria (415) 555-0187']);
    expect(seen.inputs).toEqual(['main-line']);
  });

  it('reports open shadow roots so they are walked and observed too', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append('In shadow: +33 1 99 00 12 34');
    document.body.append(host);
    expect(walkAll(document.body).shadows).toBe(1);
  });

  it('yields when told to and resumes where it stopped, with the same result', () => {
    for (let i = 0; i < 200; i++) {
      const p = document.createElement('p');
      p.textContent = `Row ${i}: (415) 555-${String(1000 + i)}`;
      document.body.append(p);
    }
    const { seen, sink } = recordingSink();
    const walk = new SubtreeWalk(document.body, sink, null, () => true);
    let steps = 0;
    // Yield at every chance: the walk must still finish, visiting each node once.
    while (!walk.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(seen.texts).toHaveLength(200);
    expect(new Set(seen.texts).size).toBe(200);
  });

  it('starts over when the node it stopped at left the page, missing nothing that stayed', () => {
    const rows: HTMLElement[] = [];
    for (let i = 0; i < 100; i++) {
      const p = document.createElement('p');
      p.textContent = `(415) 555-${String(2000 + i)}`;
      rows.push(p);
      document.body.append(p);
    }
    const store = new DecorationStore(painter(), (t) => findPhoneNumbers(t, 'US'));
    const walk = new SubtreeWalk(
      document.body,
      {
        text: (n) => void store.scanText(n),
        link: () => {},
        input: () => {},
        shadowRoot: () => {},
      },
      null,
      () => true,
    );
    let calls = 0;
    expect(walk.step(() => ++calls > 40)).toBe(false);
    // Remove everything up to and around where the walk stopped.
    for (const row of rows.slice(0, 60)) row.remove();
    while (!walk.step(() => false));
    const found = new Set(
      [...store.hits()].filter((h) => h.node.isConnected).map((h) => h.node.textContent),
    );
    for (const row of rows.slice(60)) expect(found.has(row.textContent!)).toBe(true);
  });
});

describe('scan filters', () => {
  it('knows read-only number inputs from editable ones', () => {
    const make = (attrs: Record<string, string>) => {
      const input = document.createElement('input');
      for (const [k, v] of Object.entries(attrs)) input.setAttribute(k, v);
      return input;
    };
    expect(isReadOnlyNumberInput(make({ readonly: '' }))).toBe(true);
    expect(isReadOnlyNumberInput(make({ type: 'tel', readonly: '' }))).toBe(true);
    expect(isReadOnlyNumberInput(make({ type: 'tel', disabled: '' }))).toBe(true);
    expect(isReadOnlyNumberInput(make({ type: 'tel' }))).toBe(false);
    expect(isReadOnlyNumberInput(make({ type: 'password', readonly: '' }))).toBe(false);
  });

  it('reads the dial target of tel: and callto: hrefs', () => {
    expect(telHrefTarget('tel:+14155550148;ext=204')).toBe('+14155550148');
    expect(telHrefTarget('callto://+442079460111')).toBe('+442079460111');
    expect(telHrefTarget('tel:%2B1%20415%20555%200132')).toBe('+1 415 555 0132');
    expect(telHrefTarget('tel:7001')).toBe('7001');
    expect(telHrefTarget('mailto:a@b.c')).toBeUndefined();
    expect(telHrefTarget('tel:')).toBeUndefined();
  });

  it('sees opt-outs and editable ancestors, through shadow hosts', () => {
    const outer = document.createElement('div');
    outer.setAttribute('data-cti-ignore', '');
    const host = document.createElement('div');
    outer.append(host);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
    expect(ancestorVerdict(inner, null).kind).toBe('excluded');
    outer.removeAttribute('data-cti-ignore');
    expect(ancestorVerdict(inner, null).kind).toBe('ok');
    outer.setAttribute('contenteditable', '');
    expect(ancestorVerdict(inner, null).kind).toBe('excluded');
  });

  it('honours <meta name="format-detection" content="telephone=no">', () => {
    expect(documentOptsOut(document)).toBe(false);
    const meta = document.createElement('meta');
    meta.setAttribute('name', 'format-detection');
    meta.setAttribute('content', 'date=no, telephone=no');
    document.head.append(meta);
    expect(documentOptsOut(document)).toBe(true);
    meta.setAttribute('content', 'telephone=yes');
    expect(documentOptsOut(document)).toBe(false);
  });
});

describe('a whole page', () => {
  it('decorates numbers in text, links and shadow roots; nothing in look-alikes or hands-off areas', async () => {
    const row = (cells: string[]) => {
      const tr = document.createElement('tr');
      for (const c of cells)
        tr.append(Object.assign(document.createElement('td'), { textContent: c }));
      return tr;
    };
    const table = document.createElement('table');
    table.append(
      row(['Maria Anders', '(415) 555-0132', '+1 415-555-0187', '2024-03-15', 'INV-2024-000123']),
      row(['Hanna Moos', '+49 30 23125123', '$1,299.00', 'Order #4155550199', '192.168.10.254']),
    );
    const link = Object.assign(document.createElement('a'), {
      href: 'tel:7001',
      textContent: '7001',
    });
    const host = document.createElement('div');
    host
      .attachShadow({ mode: 'open' })
      .append(Object.assign(document.createElement('span'), { textContent: '+33 1 99 00 12 34' }));
    const notes = Object.assign(document.createElement('textarea'), {
      value: 'Call +49 30 23125999',
    });
    const box = Object.assign(document.createElement('div'), { textContent: 'Ring 212-555-0143' });
    box.setAttribute('contenteditable', 'true');
    document.body.append(table, link, host, notes, box);
    const store = await scanDocument();
    expect(hitText(store).sort()).toEqual(
      ['(415) 555-0132', '+1 415-555-0187', '+49 30 23125123', '7001', '+33 1 99 00 12 34'].sort(),
    );
    const linkHit = [...store.hits()].find((h) => h.kind === 'link');
    expect(linkHit?.number).toBe('7001');
  });
});
