// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhoneMatch } from '../../lib/phone/types.ts';
import { DecorationStore, type Painter, type RangeFactory } from '../../lib/overlay/decorations.ts';
import { BLOCK_ANCHORS, ViewportPainter } from '../../lib/overlay/viewport-painter.ts';
import { HitRange, paintable } from '../../lib/overlay/phone-hit.ts';
import type { Box, Viewport } from '../../lib/overlay/viewport.ts';

/**
 * Every run of 10 digits (with separators) is a number: what the painter does depends only on
 * where the ranges are, and the real detector would make a 2,000-row table slow to build here.
 */
function digitRuns(text: string): PhoneMatch[] {
  return [...text.matchAll(/\+?[\d() -]{9,}\d/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    e164: `+${m[0].replace(/\D/g, '')}`,
  }));
}

/** happy-dom has no StaticRange, and its live Ranges follow every DOM change: plain records. */
const plainRange: RangeFactory = (startContainer, startOffset, endContainer, endOffset) =>
  ({ startContainer, startOffset, endContainer, endOffset, collapsed: false }) as AbstractRange;

let ROW_HEIGHT = 20;
const SCREEN = 400;

/**
 * A page laid out by hand: happy-dom has no layout, so each row's box is computed from its
 * index and the scroll position, like a table of fixed-height rows; frames and observer
 * signals are run by the test.
 */
function fakeViewport() {
  let scrollY = 0;
  const frames: Array<() => void> = [];
  const observed = new Set<Element>();
  let report: (targets: Element[]) => void = () => {};
  let reads = 0;
  const firstDue: Element[] = [];
  const view: Viewport = {
    height: () => SCREEN,
    rect: (el): Box => {
      reads++;
      const i = Number((el as HTMLElement).dataset.i);
      const top = i * ROW_HEIGHT - scrollY;
      return { top, bottom: top + ROW_HEIGHT };
    },
    requestFrame: (run) => void frames.push(run),
    createObserver: (r) => {
      report = r;
      return {
        observe: (el: Element) => {
          observed.add(el);
          firstDue.push(el);
        },
        unobserve: (el: Element) => observed.delete(el),
        disconnect: () => observed.clear(),
      } as unknown as IntersectionObserver;
    },
  };
  return {
    view,
    observed,
    frame: () => {
      for (const run of frames.splice(0)) run();
    },
    pendingFrames: () => frames.length,
    /** Layout reads so far. */
    reads: () => reads,
    /** A scroll: the observer reports the observed elements that crossed the band. */
    scrollTo: (y: number) => {
      const near = (el: Element) => {
        const i = Number((el as HTMLElement).dataset.i);
        const top = i * ROW_HEIGHT - scrollY;
        return top + ROW_HEIGHT >= -SCREEN && top <= 2 * SCREEN;
      };
      const before = new Map([...observed].map((el) => [el, near(el)]));
      scrollY = y;
      report([...observed].filter((el) => near(el) !== before.get(el)));
    },
    /** The page's layout moved without a scroll: the observer reports what crossed the band. */
    layoutMoved: (y: number, crossed: Element[]) => {
      scrollY = y;
      report(crossed);
    },
    /** The observer's first report on newly observed elements. */
    firstReports: () => report(firstDue.splice(0)),
  };
}

/** What the highlight shows, with every call counted. */
function recordingPainter() {
  const shown = new Set<AbstractRange>();
  let calls = 0;
  const painter: Painter = {
    add: (r) => void (calls++, shown.add(r)),
    delete: (r) => void (calls++, shown.delete(r)),
    clear: () => shown.clear(),
  };
  return { painter, shown, calls: () => calls };
}

function table(rows: number): HTMLTableRowElement[] {
  const tbody = document.createElement('tbody');
  for (let i = 0; i < rows; i++) {
    const tr = document.createElement('tr');
    tr.dataset.i = String(i);
    // Two numbers per row, in two cells.
    for (const n of [
      `(415) 555-${String(1000 + i).padStart(4, '0')}`,
      `+44 20 7946 ${String(1000 + i)}`,
    ]) {
      const td = document.createElement('td');
      td.textContent = n;
      tr.append(td);
    }
    tbody.append(tr);
  }
  const t = document.createElement('table');
  t.append(tbody);
  document.body.append(t);
  return [...tbody.children] as HTMLTableRowElement[];
}

function scanAll(store: DecorationStore, rows: HTMLTableRowElement[]) {
  for (const tr of rows) for (const td of [...tr.children]) store.scanText(td.firstChild as Text);
}

const rowOf = (r: AbstractRange) => (r.startContainer.parentNode as Element).closest('tr')!;

describe('viewport painter', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    ROW_HEIGHT = 20;
  });

  it('observes one element per block of rows, not one per number or row', () => {
    const fake = fakeViewport();
    const inner = recordingPainter();
    const painter = new ViewportPainter(inner.painter, fake.view);
    const store = new DecorationStore(painter, digitRuns, plainRange);
    const rows = table(1000);
    scanAll(store, rows);
    expect(store.size).toBe(2000);
    expect(fake.observed.size).toBe(Math.ceil(1000 / BLOCK_ANCHORS));
    // Each observed element is the first row of its block.
    expect(
      [...fake.observed].every((el) => Number((el as HTMLElement).dataset.i) % BLOCK_ANCHORS === 0),
    ).toBe(true);
  });

  it('paints, in one frame, only the blocks near the viewport; scrolling far down paints the rows there', () => {
    const fake = fakeViewport();
    const inner = recordingPainter();
    const painter = new ViewportPainter(inner.painter, fake.view);
    const store = new DecorationStore(painter, digitRuns, plainRange);
    const rows = table(2000);
    scanAll(store, rows);
    // Nothing is written to the highlight while scanning: writes wait for the frame.
    expect(inner.calls()).toBe(0);
    expect(fake.pendingFrames()).toBe(1);
    fake.firstReports();
    fake.frame();
    const near = (y: number) => (tr: HTMLTableRowElement) => {
      const top = Number(tr.dataset.i) * ROW_HEIGHT - y;
      return top + ROW_HEIGHT >= -SCREEN && top <= 2 * SCREEN;
    };
    const paintedRows = () => new Set([...inner.shown].map(rowOf));
    // Every row near the viewport is painted, and only whole blocks around them.
    let painted = paintedRows();
    expect(rows.filter(near(0)).every((tr) => painted.has(tr))).toBe(true);
    expect(painted.size).toBeLessThanOrEqual(rows.filter(near(0)).length + 2 * BLOCK_ANCHORS);

    const far = 1500 * ROW_HEIGHT;
    fake.scrollTo(far);
    fake.frame();
    painted = paintedRows();
    expect(rows.filter(near(far)).every((tr) => painted.has(tr))).toBe(true);
    expect(painted.has(rows[0]!)).toBe(false);
    expect(painted.size).toBeLessThanOrEqual(rows.filter(near(far)).length + 2 * BLOCK_ANCHORS);
  });

  it('makes the browser a range only for the hits it paints, and anchors hits to the row the store names', () => {
    // happy-dom has no StaticRange: one that counts what is made.
    const made: unknown[] = [];
    vi.stubGlobal(
      'StaticRange',
      class {
        constructor(init: StaticRangeInit) {
          made.push(init);
        }
      },
    );
    const closest = vi.spyOn(Element.prototype, 'closest');
    try {
      const fake = fakeViewport();
      const shown = new Set<AbstractRange>();
      const highlight: Painter = {
        add: (r) => void shown.add(paintable(r)),
        delete: (r) => void shown.delete(paintable(r)),
        clear: () => shown.clear(),
      };
      const painter = new ViewportPainter(highlight, fake.view);
      // The default ranges, and the row as the record context names it during the walk.
      const store = new DecorationStore(painter, digitRuns, undefined, {
        anchorOf: (node) => node.parentElement!.parentElement!,
      });
      const rows = table(2000);
      scanAll(store, rows);
      fake.firstReports();
      fake.frame();
      expect(closest).not.toHaveBeenCalled();
      const hits = [...store.hits()];
      expect(hits).toHaveLength(4000);
      // Every hit knows where it is and which row it belongs to, painted or not.
      for (const hit of hits) {
        const range = hit.range as HitRange;
        expect(range).toBeInstanceOf(HitRange);
        expect([range.startContainer, range.startOffset, range.endOffset]).toEqual([
          hit.node,
          hit.start,
          hit.end,
        ]);
        expect(range.anchor).toBe(hit.node.parentElement!.parentElement);
      }
      // Only the painted ones became browser ranges.
      expect(shown.size).toBeGreaterThan(0);
      expect(made).toHaveLength(shown.size);
      expect(made.length).toBeLessThan(hits.length / 5);
      // Deleting a hit never painted makes nothing.
      rows[1999]!.remove();
      store.sweepDisconnected();
      fake.frame();
      expect(made).toHaveLength(shown.size);
    } finally {
      closest.mockRestore();
      vi.unstubAllGlobals();
    }
  });

  it('a block taller than the band, seen only in its middle, is painted', () => {
    const fake = fakeViewport();
    const inner = recordingPainter();
    const painter = new ViewportPainter(inner.painter, fake.view);
    const store = new DecorationStore(painter, digitRuns, plainRange);
    ROW_HEIGHT = 40;
    const rows = table(BLOCK_ANCHORS);
    scanAll(store, rows);
    // First row far above the band, last row far below it.
    const middle = (BLOCK_ANCHORS / 2) * ROW_HEIGHT;
    const bandHeight = 3 * SCREEN;
    expect(BLOCK_ANCHORS * ROW_HEIGHT).toBeGreaterThan(bandHeight);
    fake.scrollTo(middle);
    fake.frame();
    expect(inner.shown.size).toBe(2 * BLOCK_ANCHORS);
  });

  it('new and changed numbers of a painted block reach the highlight with the next frame; a removed first row hands the observation on', () => {
    const fake = fakeViewport();
    const inner = recordingPainter();
    const painter = new ViewportPainter(inner.painter, fake.view);
    const store = new DecorationStore(painter, digitRuns, plainRange);
    const rows = table(3);
    scanAll(store, rows);
    fake.frame();
    expect(inner.shown.size).toBe(6);
    const cell = rows[1]!.children[0]!;
    (cell.firstChild as Text).data = 'call (212) 555-0176 or (617) 555-0123';
    store.scanText(cell.firstChild as Text);
    expect(inner.shown.size).toBe(6);
    fake.frame();
    expect(inner.shown.size).toBe(7);
    expect(fake.observed).toEqual(new Set([rows[0]]));
    for (const td of [...rows[0]!.children]) store.forget(td.firstChild!);
    expect(fake.observed).toEqual(new Set([rows[1]]));
    fake.frame();
    expect(inner.shown.size).toBe(5);
    store.clear();
    expect(inner.shown.size).toBe(0);
    expect(fake.observed.size).toBe(0);
  });

  it('while nothing moves, a frame measures only new blocks; a layout move reported by the observer measures all', () => {
    const fake = fakeViewport();
    const inner = recordingPainter();
    const painter = new ViewportPainter(inner.painter, fake.view);
    const store = new DecorationStore(painter, digitRuns, plainRange);
    const rows = table(20 * BLOCK_ANCHORS);
    scanAll(store, rows.slice(0, 19 * BLOCK_ANCHORS));
    fake.firstReports();
    fake.frame();
    // One frame, 19 blocks: the first and last row of each read once.
    expect(fake.reads()).toBe(2 * 19);
    // The scan goes on with one more block: the next frame reads that block only, even though
    // the observer gives its first report on it.
    scanAll(store, rows.slice(19 * BLOCK_ANCHORS));
    fake.firstReports();
    fake.frame();
    expect(fake.reads()).toBe(2 * 20);
    expect(inner.shown.size).toBeGreaterThan(0);
    // Content above grew by 2,000 rows' height (no scroll): the observer reports the crossing,
    // every block is measured again, and what left the band is no longer painted.
    fake.layoutMoved(-20 * BLOCK_ANCHORS * ROW_HEIGHT, [rows[0]!]);
    fake.frame();
    expect(fake.reads()).toBe(2 * 40);
    expect(inner.shown.size).toBe(0);
  });
});
