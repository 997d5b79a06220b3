// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, type Painter } from '../../lib/overlay/decorations.ts';
import { RecordContext } from '../../lib/overlay/record-context.ts';
import { build, row, type Tree } from '../support/element-trees.ts';

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

/**
 * As the content script does: the texts of one record found in one task are detected together
 * (one call per record), with an asynchronous finder like the background's.
 */
async function decorateByRecord(root: Element, change?: (store: DecorationStore) => void) {
  const records = new RecordContext();
  const asked: string[] = [];
  const store = new DecorationStore(
    NO_PAINT,
    async (text, node) => {
      asked.push(text);
      const options = node ? records.optionsFor(node) : undefined;
      await Promise.resolve();
      return findPhoneNumbers(text, 'US', options);
    },
    undefined,
    { groupOf: (node) => records.optionsFor(node) },
  );
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) store.scanText(n as Text);
  change?.(store);
  await store.whenSettled();
  const hits = [...store.hits()].map((h) => `${h.node.parentElement?.id ?? ''}:${h.raw}=${h.e164}`);
  return { hits, asked };
}

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

  it('sees a record that changed, told by the page observer', async () => {
    const root = build([
      'table',
      {},
      ['tbody', {}, ['tr', {}, ['td', {}, '020 7946 0958'], ['td', { id: 'c' }, 'United States']]],
    ]);
    const records = new RecordContext();
    // As the overlay's MutationObserver does (lib/overlay/page-overlay.ts).
    new MutationObserver(() => records.changed()).observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    const node = root.querySelector('td')!.firstChild!;
    expect(findPhoneNumbers('020 7946 0958', 'US', records.optionsFor(node))).toEqual([]);
    root.querySelector('#c')!.textContent = 'United Kingdom';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(findPhoneNumbers('020 7946 0958', 'US', records.optionsFor(node))[0]?.e164).toBe(
      '+442079460958',
    );
  });

  it('gives every text of a record the same options until the page changes', () => {
    const root = build(
      ['table', {}, ['tbody', {}, row('Thomas Hardy', '020 7946 0958'), row('Hanna Moos')]],
      ['div', {}, ['p', {}, 'a'], ['p', { lang: 'de' }, 'b']],
    );
    const records = new RecordContext();
    const [a, b, c, d, e] = [...root.querySelectorAll('td, p')].map((el) =>
      records.optionsFor(el.firstChild!),
    );
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d?.lang).toBeUndefined();
    expect(e?.lang).toBe('de');
    records.changed();
    expect(records.optionsFor(root.querySelector('td')!.firstChild!)).not.toBe(a);
  });

  it('detects the texts of a record together and gives each text its own numbers', async () => {
    const cell = (id: string, text: string): Tree => ['td', { id }, text];
    const root = build([
      'table',
      {},
      [
        'tbody',
        {},
        [
          'tr',
          {},
          cell('a', 'Thomas Hardy'),
          cell('b', '020 7946 0958'),
          cell('c', 'Order 2024-000123'),
          cell('d', '07911 123456 / 020 7946 0000'),
          cell('e', 'United Kingdom'),
        ],
        ['tr', {}, cell('f', '(415) 555-0132'), cell('g', '2024-03-15')],
      ],
    ]);
    const { hits, asked } = await decorateByRecord(root);
    expect(asked).toEqual([
      '020 7946 0958\nOrder 2024-000123\n07911 123456 / 020 7946 0000',
      '(415) 555-0132\n2024-03-15',
    ]);
    expect(hits).toEqual([
      'b:020 7946 0958=+442079460958',
      'd:07911 123456=+447911123456',
      'd:020 7946 0000=+442079460000',
      'f:(415) 555-0132=+14155550132',
    ]);
  });

  it('leaves out a text of the record that changed before the answer came', async () => {
    const root = build([
      'table',
      {},
      ['tbody', {}, row('020 7946 0958', '020 7946 0959', 'United Kingdom')],
    ]);
    const first = root.querySelector('td')!.firstChild as Text;
    const { hits } = await decorateByRecord(root, (store) => {
      // What the page scanner does when a text changes: the node is scanned again.
      first.data = 'called back';
      store.scanText(first);
    });
    expect(hits).toEqual([':020 7946 0959=+442079460959']);
  });
});
