// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore, type Painter } from '../../lib/overlay/decorations.ts';
import { liveScanner } from '../support/live-scanner.ts';

/** A painter that keeps what it shows, with the text each range covers. */
function recordingPainter() {
  const shown = new Set<AbstractRange>();
  let adds = 0;
  const painter: Painter = {
    add: (r) => {
      adds++;
      shown.add(r);
    },
    delete: (r) => shown.delete(r),
    clear: () => shown.clear(),
  };
  const texts = () =>
    [...shown]
      .map((r) =>
        r.startContainer.nodeType === 3
          ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)
          : (r.startContainer.textContent ?? ''),
      )
      .sort();
  return { painter, shown, texts, adds: () => adds };
}

/** Store, scanner and observer wired like the content script, on this document. */
function live() {
  const rec = recordingPainter();
  const store = new DecorationStore(rec.painter, (t) => findPhoneNumbers(t, 'US'));
  const { scanner, settle, stop } = liveScanner(store);
  return { ...rec, store, scanner, settle, stop };
}

function cell(text: string): HTMLElement {
  const td = document.createElement('p');
  td.textContent = text;
  document.body.append(td);
  return td;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('decoration bookkeeping', () => {
  it('never decorates the same text twice', () => {
    const rec = recordingPainter();
    const store = new DecorationStore(rec.painter, (t) => findPhoneNumbers(t, 'US'));
    const node = cell('Call (415) 555-0132 or +1 415-555-0187').firstChild as Text;
    expect(store.scanText(node)).toBe(2);
    expect(store.scanText(node)).toBe(0);
    expect(store.scanText(node)).toBe(0);
    expect(rec.adds()).toBe(2);
    expect(rec.texts()).toEqual(['(415) 555-0132', '+1 415-555-0187']);
  });

  it('leaves host text nodes exactly as they were', async () => {
    const td = cell('Call (415) 555-0132 today');
    const node = td.firstChild;
    const l = live();
    await l.settle();
    expect(l.store.size).toBe(1);
    expect(td.childNodes).toHaveLength(1);
    expect(td.firstChild).toBe(node);
    expect(td.textContent).toBe('Call (415) 555-0132 today');
    l.stop();
  });

  it('replaces the decoration when the text changes, and drops it when the number goes', async () => {
    const td = cell('(415) 555-0132');
    const l = live();
    await l.settle();
    expect(l.texts()).toEqual(['(415) 555-0132']);
    (td.firstChild as Text).data = 'New: +44 20 7946 0958';
    await l.settle();
    expect(l.texts()).toEqual(['+44 20 7946 0958']);
    (td.firstChild as Text).data = 'no number here';
    await l.settle();
    expect(l.texts()).toEqual([]);
    expect(l.store.size).toBe(0);
    l.stop();
  });

  it('forgets numbers that leave the page, keeps those that only moved', async () => {
    const a = cell('(415) 555-0132');
    const b = cell('(212) 555-0176');
    const l = live();
    await l.settle();
    a.remove();
    document.body.prepend(b);
    await l.settle();
    expect(l.texts()).toEqual(['(212) 555-0176']);
    expect(l.store.size).toBe(1);
    l.stop();
  });

  it('follows opt-outs added and removed later', async () => {
    const section = document.createElement('section');
    section.append(Object.assign(document.createElement('p'), { textContent: '+1 303-555-0177' }));
    document.body.append(section);
    cell('(415) 555-0132');
    const l = live();
    await l.settle();
    expect(l.store.size).toBe(2);
    section.setAttribute('data-cti-ignore', '');
    await l.settle();
    expect(l.texts()).toEqual(['(415) 555-0132']);
    section.removeAttribute('data-cti-ignore');
    await l.settle();
    expect(l.texts()).toEqual(['(415) 555-0132', '+1 303-555-0177']);
    l.stop();
  });

  it('a tel: link is one decoration, updated when its href changes', async () => {
    const a = document.createElement('a');
    a.href = 'tel:+14155550132';
    a.textContent = 'Call Boston office';
    document.body.append(a);
    const l = live();
    await l.settle();
    expect([...l.store.hits()].map((h) => [h.kind, h.number])).toEqual([['link', '+14155550132']]);
    a.setAttribute('href', 'tel:+16175550123;ext=12');
    await l.settle();
    expect([...l.store.hits()].map((h) => [h.number, h.extension])).toEqual([
      ['+16175550123', '12'],
    ]);
    expect(l.shown.size).toBe(1);
    a.setAttribute('href', '/crm/contacts/1');
    await l.settle();
    expect(l.store.size).toBe(0);
    l.stop();
  });
});
