// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, hitText, type Painter } from '../../lib/overlay/decorations.ts';
import { liveScanner } from '../support/live-scanner.ts';
import { inlineRun, runPosition, runText } from '../../lib/overlay/inline-runs.ts';

/** Store, scanner and observer wired like the content script, on this document. */
function live() {
  const shown = new Set<AbstractRange>();
  const painter: Painter = {
    add: (r) => void shown.add(r),
    delete: (r) => void shown.delete(r),
    clear: () => shown.clear(),
  };
  const store = new DecorationStore(painter, (t) => findPhoneNumbers(t, 'US'), undefined, {
    runOf: (node) => inlineRun(node, null),
  });
  const { settle, stop } = liveScanner(store);
  const found = () => [...store.hits()].map((h) => [hitText(h), h.number]);
  return { store, shown, settle, found, stop };
}

/** An element with children: strings become text nodes. */
function h(tag: string, ...children: Array<string | Node>): HTMLElement {
  const el = document.createElement(tag);
  el.append(...children);
  return el;
}

function page(...children: Node[]): HTMLElement {
  const div = h('div', ...children);
  document.body.append(div);
  return div;
}

describe('numbers split over inline elements', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('reads adjacent inline text of one block as one number, the range spanning the nodes', async () => {
    page(
      h('p', h('span', '+44'), ' ', h('span', '20 7946 0958')),
      h('p', h('b', '415'), '-555-0132'),
      h('p', h('span', '(212)'), ' ', h('span', '555'), '-', h('em', '0176'), ' (mobile)'),
    );
    const l = live();
    await l.settle();
    expect(l.found().sort()).toEqual([
      ['(212) 555-0176', '+12125550176'],
      ['+44 20 7946 0958', '+442079460958'],
      ['415-555-0132', '+14155550132'],
    ]);
    const uk = [...l.store.hits()].find((h) => h.number === '+442079460958')!;
    expect((uk.node as Text).data).toBe('+44');
    expect(uk.endNode?.data).toBe('20 7946 0958');
    expect(uk.range.startContainer).toBe(uk.node);
    expect(uk.range.endContainer).toBe(uk.endNode);
    expect([uk.range.startOffset, uk.range.endOffset]).toEqual([0, 12]);
    // Each node of the run hands out the run's hits (hover finds the number from any part).
    expect(l.store.textHits(uk.endNode!)).toContain(uk);
    expect(l.shown.size).toBe(3);
    l.stop();
  });

  it('does not join across blocks, line breaks, a tel: link or adjacent fields', async () => {
    const link = h('a', '+1');
    link.setAttribute('href', 'tel:+14155550132');
    page(
      h('div', h('div', '+44'), h('div', '20 7946 0958')),
      h('p', '+44', h('br'), '20 7946 0958'),
      h('p', link, ' 617 555 0123'),
      // Fields side by side with nothing between (a grid row), not one line of text.
      h('ul', h('li', h('span', 'Laurence'), h('span', '14:30'), h('span', '+33 1 99 00 12 34'))),
    );
    const l = live();
    await l.settle();
    expect(l.found().filter(([text]) => text!.startsWith('+44'))).toEqual([]);
    expect(l.found().filter(([text]) => text!.includes('99 00'))).toEqual([
      ['+33 1 99 00 12 34', '+33199001234'],
    ]);
    // The link is its own number; the text after it is read without the link's "+1".
    expect(l.found().filter(([text]) => text!.includes('617'))).toEqual([
      ['617 555 0123', '+16175550123'],
    ]);
    l.stop();
  });

  it('follows changes: a part edited, a part removed, a part added', async () => {
    const cc = h('span', '+44');
    const root = page(h('p', cc, ' ', h('span', '20 7946 0958')));
    const l = live();
    await l.settle();
    expect(l.found()).toEqual([['+44 20 7946 0958', '+442079460958']]);
    // The country code is edited: the whole number is read again.
    (cc.firstChild as Text).data = '+33';
    await l.settle();
    expect(l.found()).toEqual([]);
    (cc.firstChild as Text).data = '+44';
    await l.settle();
    expect(l.found()).toEqual([['+44 20 7946 0958', '+442079460958']]);
    // The country code goes: what is left is read again on its own (in the US region, as the
    // detector reads "20 7946 0958" there).
    cc.remove();
    await l.settle();
    expect(l.found()).toEqual([['20 7946 0958', findPhoneNumbers('20 7946 0958', 'US')[0]!.e164]]);
    expect(l.shown.size).toBe(1);
    // A US number written in parts, added later.
    root.append(h('p', h('b', '415'), '-555-0132'));
    await l.settle();
    expect(l.found().filter(([text]) => text!.startsWith('415'))).toEqual([
      ['415-555-0132', '+14155550132'],
    ]);
    l.stop();
  });

  it('maps offsets of the joined text back to nodes; white space reads as a space', () => {
    const cc = h('span', '+44');
    page(h('p', cc, '\n', h('span', '20 7946 0958')));
    const run = inlineRun(cc.firstChild as Text, null);
    expect(run.map((n) => n.data)).toEqual(['+44', '\n', '20 7946 0958']);
    expect(runText(run)).toBe('+44 20 7946 0958');
    expect(runPosition(run, 0, false)).toEqual({ node: run[0], offset: 0 });
    // A start at a node's end belongs to the next node; an end at a node's start, to the last.
    expect(runPosition(run, 3, false)).toEqual({ node: run[1], offset: 0 });
    expect(runPosition(run, 3, true)).toEqual({ node: run[0], offset: 3 });
    expect(runPosition(run, 16, true)).toEqual({ node: run[2], offset: 12 });
  });
});
