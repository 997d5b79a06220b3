// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, type Painter } from '../../lib/overlay/decorations.ts';
import { RecordContext } from '../../lib/overlay/record-context.ts';

const NO_PAINT: Painter = { add: () => {}, delete: () => {}, clear: () => {} };

/** Scans every text node under `root` as the overlay does, with each node's record as context. */
function decorate(root: Element): string[] {
  const records = new RecordContext();
  const store = new DecorationStore(NO_PAINT, (text, node) =>
    findPhoneNumbers(text, 'US', node ? records.optionsFor(node) : undefined),
  );
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) store.scanText(n as Text);
  return [...store.hits()].map((h) => `${h.raw}=${h.e164 ?? ''}`);
}

type Tree = string | [tag: string, attrs: Record<string, string>, ...children: Tree[]];

/** Builds the fixture from element trees (pages' HTML is never parsed here). */
function build(...trees: Tree[]): HTMLElement {
  const make = (t: Tree): Node => {
    if (typeof t === 'string') return document.createTextNode(t);
    const [tag, attrs, ...children] = t;
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.append(...children.map(make));
    return el;
  };
  const host = document.createElement('div');
  host.append(...trees.map(make));
  document.body.replaceChildren(host);
  return host;
}

const row = (...cells: string[]): Tree => ['tr', {}, ...cells.map((c): Tree => ['td', {}, c])];

describe('record context on the page', () => {
  it('reads a national number in the country of its table row, each row on its own', () => {
    const root = build([
      'table',
      {},
      [
        'tbody',
        {},
        row('Thomas Hardy', '020 7946 0958', 'United Kingdom'),
        row('Hanna Moos', '030 23125 456', 'Deutschland'),
        row('Maria Anders', '(415) 555-0132', 'United States'),
        row('Yoshi Tannamuri', '03-1234-5678', 'JP'),
      ],
    ]);
    expect(decorate(root)).toEqual([
      '020 7946 0958=+442079460958',
      '030 23125 456=+493023125456',
      '(415) 555-0132=+14155550132',
      '03-1234-5678=+81312345678',
    ]);
  });

  it('uses a card, a definition list and the page language', () => {
    const root = build(
      [
        'article',
        {},
        ['h3', {}, 'Laurence Lebihan'],
        ['p', {}, '8 rue de Rivoli'],
        ['p', {}, '75004 Paris'],
        ['p', {}, ['b', {}, 'Tél.'], ' ', ['span', {}, '01 99 00 56 78']],
      ],
      [
        'dl',
        {},
        ['dt', {}, 'Phone'],
        ['dd', {}, '0151 23456789'],
        ['dt', {}, 'Other'],
        ['dd', {}, '+49 30 23125 456'],
      ],
      ['div', { lang: 'it-IT' }, ['p', {}, 'Chiamare lo 06 6982 1234']],
    );
    expect(decorate(root)).toEqual([
      '01 99 00 56 78=+33199005678',
      '0151 23456789=+4915123456789',
      '+49 30 23125 456=+493023125456',
      '06 6982 1234=+390669821234',
    ]);
  });

  it('sees a record that changed', () => {
    const root = build([
      'table',
      {},
      ['tbody', {}, ['tr', {}, ['td', {}, '020 7946 0958'], ['td', { id: 'c' }, 'United States']]],
    ]);
    const records = new RecordContext();
    const node = root.querySelector('td')!.firstChild!;
    expect(findPhoneNumbers('020 7946 0958', 'US', records.optionsFor(node))).toEqual([]);
    root.querySelector('#c')!.textContent = 'United Kingdom';
    expect(findPhoneNumbers('020 7946 0958', 'US', records.optionsFor(node))[0]?.e164).toBe(
      '+442079460958',
    );
  });
});
