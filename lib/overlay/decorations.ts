import type { PhoneMatch } from '../phone/types.ts';
import { telHrefExtension, telHrefTarget } from './scan-filter.ts';

/** A number the overlay decorates: a stretch of a text node, or a whole tel:/callto: link. */
export interface PhoneHit {
  kind: 'text' | 'link';
  /** The text node, or the link element. */
  node: Text | Element;
  /** Offsets in the text node (text hits). */
  start: number;
  end: number;
  /** As shown on the page (the link's href target for links). */
  raw: string;
  /** What is dialled and looked up: E.164 when known, else the link's target as written. */
  number: string;
  e164?: string;
  extension?: string;
  /** What the painter shows; never a live Range (see createStaticRange). */
  range: AbstractRange;
}

/** Shows decorations. The store tells it about every range it adds and drops. */
export interface Painter {
  add(range: AbstractRange): void;
  delete(range: AbstractRange): void;
  clear(): void;
}

export type RangeFactory = (
  startContainer: Node,
  startOffset: number,
  endContainer: Node,
  endOffset: number,
) => AbstractRange;

/**
 * StaticRange where the browser has it: a live Range is updated by the browser on every DOM
 * mutation of the document, so tens of thousands of them would tax every change the page
 * makes. Static ranges cost nothing until painted; the store drops them when their text
 * changes or leaves the page.
 */
export const createStaticRange: RangeFactory = (
  startContainer,
  startOffset,
  endContainer,
  endOffset,
) => {
  if (typeof StaticRange === 'function') {
    return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  }
  const range = (startContainer.ownerDocument ?? document).createRange();
  range.setStart(startContainer, startOffset);
  range.setEnd(endContainer, endOffset);
  return range;
};

/**
 * Finds numbers in `text`; `node` is the text node it comes from (its record is context). The
 * page's finder answers later (detection runs in the background: detection-client.ts).
 */
export type NumberFinder = (text: string, node?: Node) => PhoneMatch[] | Promise<PhoneMatch[]>;

interface TextEntry {
  data: string;
  hits: PhoneHit[];
}

interface LinkEntry {
  href: string;
  childCount: number;
  hit?: PhoneHit;
}

/**
 * Bookkeeping of what is decorated. Host text nodes are never changed: a hit is a range
 * over them. Each text node is scanned once per content (scanning it again with the same
 * data is a no-op, so nothing is decorated twice); changed or removed nodes are forgotten
 * and their ranges leave the painter.
 */
export class DecorationStore {
  private texts = new WeakMap<Text, TextEntry>();
  private links = new WeakMap<Element, LinkEntry>();
  private readonly all = new Set<PhoneHit>();
  private readonly painter: Painter;
  private readonly find: NumberFinder;
  private readonly makeRange: RangeFactory;
  /** Texts and links whose numbers are still being detected. */
  private waiting = 0;
  private settledWaiters: Array<() => void> = [];
  /** Called each time the last awaited detection arrives. */
  onSettled: (() => void) | undefined;

  constructor(painter: Painter, find: NumberFinder, makeRange: RangeFactory = createStaticRange) {
    this.painter = painter;
    this.find = find;
    this.makeRange = makeRange;
  }

  get size(): number {
    return this.all.size;
  }

  /** Detections still awaited (their nodes are decorated when they arrive). */
  get pending(): number {
    return this.waiting;
  }

  /** Resolves once no detection is awaited (at once when none is). */
  whenSettled(): Promise<void> {
    if (this.waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Every current hit, in the order they were found. */
  hits(): IterableIterator<PhoneHit> {
    return this.all.values();
  }

  /** Scans a text node whose content is new to the store. Returns the number of hits added. */
  scanText(node: Text): number {
    const data = node.data;
    const known = this.texts.get(node);
    if (known && known.data === data) return 0;
    if (known) this.dropHits(known.hits);
    const entry: TextEntry = { data, hits: [] };
    this.texts.set(node, entry);
    const found = this.find(data, node);
    if (Array.isArray(found)) return this.addTextHits(node, entry, found);
    // Applied only if the node still holds this text when the answer comes.
    this.await(found, (matches) => {
      if (this.texts.get(node) === entry) this.addTextHits(node, entry, matches);
    });
    return 0;
  }

  private addTextHits(node: Text, entry: TextEntry, matches: PhoneMatch[]): number {
    for (const m of matches) {
      const hit: PhoneHit = {
        kind: 'text',
        node,
        start: m.start,
        end: m.end,
        raw: m.raw,
        number: m.e164,
        range: this.makeRange(node, m.start, node, m.end),
      };
      // An internal number is dialled as its directory number; it has no E.164.
      if (!m.internal) hit.e164 = m.e164;
      if (m.extension !== undefined) hit.extension = m.extension;
      entry.hits.push(hit);
    }
    this.addHits(entry.hits);
    return entry.hits.length;
  }

  private await(found: Promise<PhoneMatch[]>, apply: (matches: PhoneMatch[]) => void): void {
    this.waiting++;
    const done = () => {
      if (--this.waiting > 0) return;
      this.onSettled?.();
      const waiters = this.settledWaiters;
      this.settledWaiters = [];
      for (const resolve of waiters) resolve();
    };
    found.then((matches) => {
      apply(matches);
      done();
    }, done);
  }

  /** Scans a tel:/callto: link as one unit: the href says what to dial. */
  scanLink(link: Element): number {
    const href = link.getAttribute('href') ?? '';
    const childCount = link.childNodes.length;
    const known = this.links.get(link);
    if (known && known.href === href && known.childCount === childCount) return 0;
    if (known?.hit) this.dropHits([known.hit]);
    const target = telHrefTarget(href);
    const entry: LinkEntry = { href, childCount };
    if (target !== undefined && childCount > 0) {
      // The link is a number whatever the detector says; the detector only adds its E.164.
      const hit: PhoneHit = {
        kind: 'link',
        node: link,
        start: 0,
        end: childCount,
        raw: target,
        number: target,
        range: this.makeRange(link, 0, link, childCount),
      };
      const extension = telHrefExtension(href);
      if (extension !== undefined) hit.extension = extension;
      entry.hit = hit;
      const setE164 = (matches: PhoneMatch[]) => {
        const e164 = matches[0]?.e164;
        if (e164 === undefined || this.links.get(link) !== entry) return;
        hit.e164 = e164;
        hit.number = e164;
      };
      const found = this.find(target);
      if (Array.isArray(found)) setE164(found);
      else this.await(found, setE164);
      this.addHits([hit]);
    }
    this.links.set(link, entry);
    return entry.hit ? 1 : 0;
  }

  /** Hits of one text node (empty when it has none or was never scanned). */
  textHits(node: Text): readonly PhoneHit[] {
    return this.texts.get(node)?.hits ?? [];
  }

  linkHit(link: Element): PhoneHit | undefined {
    return this.links.get(link)?.hit;
  }

  /** Forgets one text node or link (its text changed, or it left the page). */
  forget(node: Node): void {
    if (node.nodeType === 3) {
      const entry = this.texts.get(node as Text);
      if (!entry) return;
      this.texts.delete(node as Text);
      this.dropHits(entry.hits);
    } else if (node.nodeType === 1) {
      const entry = this.links.get(node as Element);
      if (!entry) return;
      this.links.delete(node as Element);
      if (entry.hit) this.dropHits([entry.hit]);
    }
  }

  /** Drops every hit whose node left the document. O(hits): only after very large removals. */
  sweepDisconnected(): number {
    let dropped = 0;
    for (const hit of [...this.all]) {
      if (hit.node.isConnected) continue;
      this.forget(hit.node);
      dropped++;
    }
    return dropped;
  }

  /** Forgets everything, including nodes scanned without a hit (a new region reads them anew). */
  clear(): void {
    this.texts = new WeakMap();
    this.links = new WeakMap();
    this.all.clear();
    this.painter.clear();
  }

  private addHits(hits: PhoneHit[]): void {
    for (const hit of hits) {
      this.all.add(hit);
      this.painter.add(hit.range);
    }
  }

  private dropHits(hits: readonly PhoneHit[]): void {
    for (const hit of hits) {
      this.all.delete(hit);
      this.painter.delete(hit.range);
    }
  }
}
