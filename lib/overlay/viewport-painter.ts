import type { Painter } from './decorations.ts';
import { HitRange } from './phone-hit.ts';
import type { Viewport } from './viewport.ts';

/**
 * Rows (or the elements around a number's text) per block. A block is what the painter
 * observes and measures: 20,000 rows are ~420 blocks, not 20,000 observed elements.
 */
export const BLOCK_ANCHORS = 48;

interface Block {
  /** Anchors in the order they were registered, each with its ranges. */
  readonly anchors: Map<Element, Set<AbstractRange>>;
  /** The element the intersection observer watches: the block's first anchor. */
  sentinel: Element | undefined;
  /** Its ranges are in the highlight. */
  painted: boolean;
}

/**
 * Paints only the numbers near the viewport. Chromium re-validates every range of a custom
 * highlight whenever any of them changes, and an IntersectionObserver recomputes every
 * observed element on every frame in which anything moved (measured on 20,000 rows with one
 * observed element per row: 81 % of the main thread). So:
 * - ranges are grouped by row (their anchor), and rows into blocks of consecutive rows of one
 *   parent, registered as the scanner finds them; the observer watches one element per block,
 *   and only as a signal that something crossed the band around the viewport;
 * - which blocks are near the viewport is decided in an animation frame, by reading the first
 *   and last row of a block (reads only: the layout is the one the frame needs anyway): of the
 *   new blocks only while nothing moved (the scan goes on), of every block once the observer
 *   reports that an observed element crossed the band (a scroll, a relayout, a resize);
 * - all changes to the highlight of that frame follow in one write phase, so the browser
 *   re-validates the highlight at most once per frame, and only for the rows near the view.
 * Scrolling far down paints the rows there in the next frame.
 */
export class ViewportPainter implements Painter {
  readonly #inner: Painter;
  readonly #view: Viewport;
  readonly #observer: IntersectionObserver;
  readonly #blockOf = new Map<Element, Block>();
  readonly #blocks = new Set<Block>();
  /** The block new anchors join while they share its parent and it has room. */
  #open: { parent: Node | null; block: Block } | undefined;
  readonly #toAdd = new Set<AbstractRange>();
  readonly #toDelete = new Set<AbstractRange>();
  #frameDue = false;
  /** Blocks to measure in the next frame: new ones, and ones that grew. */
  readonly #fresh = new Set<Block>();
  /** Everything may have moved: an observed element crossed the band (a scroll, a relayout). */
  #moved = false;
  /** Observed elements whose first report (which every new observation gets) is still due. */
  readonly #unseen = new Set<Element>();

  constructor(inner: Painter, view: Viewport) {
    this.#inner = inner;
    this.#view = view;
    this.#observer = view.createObserver((targets) => {
      // A first report says nothing new: the block is measured as fresh anyway.
      for (const target of targets) if (!this.#unseen.delete(target)) this.#moved = true;
      this.#request();
    });
  }

  add(range: AbstractRange): void {
    const anchor = anchorOf(range);
    if (range instanceof HitRange) range.anchor = anchor ?? undefined;
    if (!anchor) return;
    let block = this.#blockOf.get(anchor);
    if (!block) block = this.#join(anchor);
    let ranges = block.anchors.get(anchor);
    if (!ranges) {
      block.anchors.set(anchor, (ranges = new Set()));
      this.#fresh.add(block);
    }
    ranges.add(range);
    if (block.painted) this.#toAdd.add(range);
    this.#request();
  }

  delete(range: AbstractRange): void {
    // Where it was added (anchorOf keeps it): its text may have left the row since.
    const anchor = anchorOf(range);
    const block = anchor && this.#blockOf.get(anchor);
    const ranges = block?.anchors.get(anchor!);
    if (!block || !ranges?.delete(range)) return;
    if (block.painted && !this.#toAdd.delete(range)) {
      this.#toDelete.add(range);
      this.#request();
    }
    if (ranges.size > 0) return;
    block.anchors.delete(anchor!);
    this.#blockOf.delete(anchor!);
    if (block.sentinel === anchor) {
      this.#observer.unobserve(anchor);
      block.sentinel = block.anchors.keys().next().value;
      if (block.sentinel) this.#observe(block.sentinel);
    }
    if (block.anchors.size === 0) this.#blocks.delete(block);
  }

  clear(): void {
    this.#observer.disconnect();
    this.#blockOf.clear();
    this.#blocks.clear();
    this.#toAdd.clear();
    this.#toDelete.clear();
    this.#fresh.clear();
    this.#inner.clear();
  }

  /** Reads and writes of one frame; normally run by the frame callback. */
  runFrame(): void {
    this.#frameDue = false;
    const h = this.#view.height();
    // Read phase: which blocks are near the viewport now (only new ones while nothing moved).
    const turnOn: Block[] = [];
    const turnOff: Block[] = [];
    const measured = this.#moved ? this.#blocks : this.#fresh;
    this.#moved = false;
    for (const block of measured) {
      const near = this.#isNear(block, h);
      if (near && !block.painted) turnOn.push(block);
      else if (!near && block.painted) turnOff.push(block);
    }
    this.#fresh.clear();
    // Write phase: every change to the highlight of this frame, together.
    for (const block of turnOff) {
      block.painted = false;
      for (const ranges of block.anchors.values()) {
        for (const range of ranges) if (!this.#toAdd.delete(range)) this.#inner.delete(range);
      }
    }
    for (const range of this.#toDelete) this.#inner.delete(range);
    this.#toDelete.clear();
    for (const range of this.#toAdd) this.#inner.add(range);
    this.#toAdd.clear();
    for (const block of turnOn) {
      block.painted = true;
      for (const ranges of block.anchors.values())
        for (const range of ranges) this.#inner.add(range);
    }
  }

  #join(anchor: Element): Block {
    const parent = anchor.parentNode;
    let block = this.#open?.parent === parent ? this.#open.block : undefined;
    if (!block || block.anchors.size >= BLOCK_ANCHORS || !this.#blocks.has(block)) {
      block = { anchors: new Map(), sentinel: anchor, painted: false };
      this.#blocks.add(block);
      this.#observe(anchor);
      this.#open = { parent, block };
    }
    this.#blockOf.set(anchor, block);
    return block;
  }

  /**
   * A block is near when the box from its first to its last row meets the band: its rows
   * are consecutive children of one parent, so the rows between lie inside that box.
   */
  #isNear(block: Block, h: number): boolean {
    // The sentinel is the first anchor.
    const first = block.sentinel;
    let last = first;
    for (const anchor of block.anchors.keys()) last = anchor;
    if (!first || !last) return false;
    const a = this.#view.rect(first);
    const b = last === first ? a : this.#view.rect(last);
    // Rows side by side (a carousel) are rare on CRM pages: only the vertical extent counts.
    const top = Math.min(a.top, b.top);
    const bottom = Math.max(a.bottom, b.bottom);
    // The band: the viewport and a screen above and below it.
    return bottom > top && bottom >= -h && top <= 2 * h;
  }

  #observe(el: Element): void {
    this.#unseen.add(el);
    this.#observer.observe(el);
  }

  #request(): void {
    if (this.#frameDue) return;
    this.#frameDue = true;
    this.#view.requestFrame(() => this.runFrame());
  }
}

/**
 * Rows are what a page lays out: one anchor per table row or list item, not one per number
 * (20,000 numbers on 5,000 rows: 5,000 anchors in ~105 blocks).
 */
const ROW_SELECTOR = 'tr, [role="row"], li';

/**
 * The element whose place decides a range's: its row, else the link or text's parent (the one
 * the store chose, when it did).
 */
function anchorOf(range: AbstractRange): Element | null {
  if (range instanceof HitRange && range.anchor) return range.anchor;
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
