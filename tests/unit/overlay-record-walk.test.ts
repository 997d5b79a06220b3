// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindOptions } from '../../lib/phone/types.ts';
import { RecordContext } from '../../lib/overlay/record-context.ts';
import { SubtreeWalk } from '../../lib/overlay/subtree-walk.ts';
import { hasEnoughDigits } from '../../lib/overlay/scan-filter.ts';
import { build, row } from '../support/element-trees.ts';

/**
 * Walks `root` as the page scanner does, with the record context following the walk, and
 * returns the options each text that may hold a number was reported with; `yieldEvery`: the
 * walk yields at every that many looks at the clock (records split over slices).
 */
function walkOptions(root: Node, yieldEvery = 0) {
  const records = new RecordContext();
  const reported: Array<{ node: Text; options: FindOptions | undefined; row?: Element }> = [];
  const walk = new SubtreeWalk(
    root,
    {
      text: (node) =>
        reported.push({ node, options: records.optionsFor(node), row: records.rowOf(node) }),
      link: () => {},
      input: () => {},
      shadowRoot: () => {},
    },
    null,
    (text) => hasEnoughDigits(text),
    records,
  );
  let looks = 0;
  let slices = 1;
  while (!walk.step(() => yieldEvery > 0 && ++looks % yieldEvery === 0)) slices++;
  return { reported, slices };
}

/** The options of every such text, each looked up and read from the page on its own. */
function readOptions(root: Node) {
  const expected: Array<{ node: Text; options: FindOptions | undefined }> = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (!hasEnoughDigits(node.data) || node.parentElement?.closest('a, script')) continue;
    expected.push({ node, options: new RecordContext().optionsFor(node) });
  }
  return expected;
}

/** Rows, cards, lists and forms in the shapes CRM pages use, some with hostile sizes. */
function page(): HTMLElement {
  const long = 'Notes '.repeat(400);
  return build(
    [
      'table',
      {},
      [
        'tbody',
        {},
        row('Thomas Hardy', '020 7946 0958', 'United Kingdom'),
        row('Hanna Moos', '030 23125 456', ['span', { lang: 'de' }, 'Deutschland']),
        row(['a', { href: 'tel:+493023125456' }, '+49 30 23125 456'], '0151 23456789'),
        row(['span', { lang: 'fr' }, '01 99 00 56 78'], ['script', {}, 'var x = "France";']),
        row('(415) 555-0132', long, 'United States'),
        ['tr', { role: 'row', lang: '' }, ['td', {}, '06 6982 1234'], ['td', {}, 'Italia']],
      ],
    ],
    [
      'article',
      { lang: 'es' },
      ['h3', {}, 'Contacto'],
      ['p', {}, 'Tel. 912 345 678'],
      ['ul', {}, ['li', {}, '+34 912 345 679'], ['li', {}, 'Madrid 28001']],
      ['p', {}, 'España'],
    ],
    ['section', {}, ['div', {}, ['p', {}, long]], ['p', {}, '0151 23456780']],
    ['div', { itemscope: '' }, ['span', {}, '03-1234-5678'], ' ', ['span', {}, 'JP']],
    ['p', {}, 'Call 0800 123 4567 today'],
    ['form', {}, ['fieldset', {}, ['label', {}, 'Phone'], ['b', {}, '020 7946 0000']], 'UK'],
  );
}

describe('record context gathered by the page walk', () => {
  beforeEach(() => document.body.replaceChildren());

  it('gives every text the options reading its record from the page gives', () => {
    const root = page();
    const { reported } = walkOptions(document.body);
    const expected = readOptions(root);
    expect(reported.map((r) => r.node)).toEqual(
      expect.arrayContaining(expected.map((e) => e.node)),
    );
    expect(reported).toHaveLength(expected.length);
    for (const { node, options } of expected) {
      expect(reported.find((r) => r.node === node)?.options, node.data).toEqual(options);
    }
    // The row a hit is painted with is named where the walk knows it, and is the painter's own.
    for (const { node, row } of reported) {
      if (row) expect(row).toBe(node.parentElement!.closest('tr, [role="row"], li'));
    }
    expect(reported.filter((r) => r.row).length).toBeGreaterThanOrEqual(5);
    // The number before the country cell is read with it.
    expect(reported[0]?.options?.context).toBe('Thomas Hardy\t020 7946 0958\tUnited Kingdom');
  });

  it('gives the same options when the walk yields inside records', () => {
    // The walk looks at the clock every few dozen nodes: padding moves where it stops.
    for (let pad = 0; pad < 40; pad += 3) {
      const root = page();
      root.prepend(...Array.from({ length: pad }, () => document.createElement('i')));
      const expected = readOptions(root);
      const { reported, slices } = walkOptions(document.body, 1);
      expect(slices).toBeGreaterThan(2);
      expect(reported).toHaveLength(expected.length);
      for (const { node, options } of expected) {
        expect(reported.find((r) => r.node === node)?.options, `${pad}: ${node.data}`).toEqual(
          options,
        );
      }
    }
  });

  it('follows a walk that starts inside a record (a changed cell)', () => {
    const root = page();
    const cell = root.querySelector('td')!.parentElement!.children[1]!;
    const { reported } = walkOptions(cell);
    expect(reported.map((r) => r.options)).toEqual([
      new RecordContext().optionsFor(cell.firstChild!),
    ]);
    expect(reported[0]?.options?.context).toContain('United Kingdom');
  });

  it('reads the records of a table from the walk itself, not by walking each again', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      row(`Contact ${i}`, `020 7946 ${1000 + i}`, 'United Kingdom'),
    );
    build(['table', {}, ['tbody', {}, ...rows]]);
    const walkers = vi.spyOn(document, 'createTreeWalker');
    const { reported } = walkOptions(document.body);
    expect(walkers).toHaveBeenCalledTimes(1);
    walkers.mockRestore();
    expect(reported).toHaveLength(50);
    expect(reported[49]!.options?.context).toBe('Contact 49\t020 7946 1049\tUnited Kingdom');
  });

  it('reads a record once for all its texts, and each text of it once', () => {
    build(['table', {}, ['tbody', {}, row('+44 20 7946 0958', '020 7946 0959', 'UK')]]);
    const { reported } = walkOptions(document.body);
    expect(reported).toHaveLength(2);
    expect(reported[0]!.options).toBe(reported[1]!.options);
  });
});
