import type { Painter } from './decorations.ts';

/**
 * Paints only the numbers near the viewport. Chromium re-validates every range of every
 * custom highlight whenever any of them changes, which costs hundreds of milliseconds per
 * frame with tens of thousands of ranges (measured: 20,000 ranges, one change → a 150–300 ms
 * frame). So the ranges stay in the store, and only those whose element is within a screen of
 * the viewport are handed to the highlight, as an IntersectionObserver reports them. The
 * observer does its geometry in the browser, off our slices, and skips far-away targets.
 */
export class ViewportPainter implements Painter {
  private readonly inner: Painter;
  private readonly observer: IntersectionObserver;
  private readonly byElement = new Map<Element, Set<AbstractRange>>();
  private readonly visible = new Set<Element>();

  constructor(inner: Painter, createObserver = defaultObserver) {
    this.inner = inner;
    this.observer = createObserver((entries) => this.onEntries(entries));
  }

  /** Ranges handed to the highlight now (tests, diagnostics). */
  get painted(): number {
    let n = 0;
    for (const el of this.visible) n += this.byElement.get(el)?.size ?? 0;
    return n;
  }

  add(range: AbstractRange): void {
    const el = anchorOf(range);
    if (!el) return;
    let ranges = this.byElement.get(el);
    if (!ranges) {
      ranges = new Set();
      this.byElement.set(el, ranges);
      this.observer.observe(el);
    }
    ranges.add(range);
    if (this.visible.has(el)) this.inner.add(range);
  }

  delete(range: AbstractRange): void {
    const el = anchorOf(range);
    if (!el) return;
    const ranges = this.byElement.get(el);
    if (!ranges?.delete(range)) return;
    if (this.visible.has(el)) this.inner.delete(range);
    if (ranges.size === 0) {
      this.byElement.delete(el);
      this.visible.delete(el);
      this.observer.unobserve(el);
    }
  }

  clear(): void {
    this.observer.disconnect();
    this.byElement.clear();
    this.visible.clear();
    this.inner.clear();
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const el = entry.target;
      const ranges = this.byElement.get(el);
      if (!ranges) continue;
      if (entry.isIntersecting && !this.visible.has(el)) {
        this.visible.add(el);
        for (const r of ranges) this.inner.add(r);
      } else if (!entry.isIntersecting && this.visible.delete(el)) {
        for (const r of ranges) this.inner.delete(r);
      }
    }
  }
}

function defaultObserver(callback: IntersectionObserverCallback): IntersectionObserver {
  // A screen above and below: scrolling shows decorated numbers, not ones that pop in.
  return new IntersectionObserver(callback, { rootMargin: '100% 0px 100% 0px' });
}

/**
 * Rows are what a page lays out: one observed element per table row or list item, not one per
 * number, keeps the observer's per-frame geometry work to a fraction (20,000 numbers on 5,000
 * rows: 5,000 targets instead of 20,000).
 */
const ROW_SELECTOR = 'tr, [role="row"], li';

/** The element whose visibility decides a range's: its row, else the link or text's parent. */
function anchorOf(range: AbstractRange): Element | null {
  const node = range.startContainer;
  let el: Element | null;
  if (node.nodeType === 1) el = node as Element;
  else {
    const parent = node.parentNode;
    if (!parent) return null;
    el = parent.nodeType === 11 ? (parent as ShadowRoot).host : (parent as Element);
  }
  return el.closest(ROW_SELECTOR) ?? el;
}
