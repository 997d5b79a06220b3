/** A number the overlay decorates: a stretch of a text node, or a whole tel:/callto: link. */
export interface PhoneHit {
  kind: 'text' | 'link';
  /** The text node, or the link element. */
  node: Text | Element;
  /** Offsets in the text node (text hits); `end` is in `endNode` when there is one. */
  start: number;
  end: number;
  /** The text node the number ends in, when it runs over inline elements into another. */
  endNode?: Text;
  /** As shown on the page (the link's href target for links). */
  raw: string;
  /** What is dialled and looked up: E.164 when known, else the link's target as written. */
  number: string;
  e164?: string;
  extension?: string;
  /** What the painter shows: where the hit is (HitRange). */
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
  /** The row it is painted with, when the store knows it (viewport-painter.ts). */
  anchor?: Element,
) => AbstractRange;

/**
 * Where a hit is, as a plain object: the browser's range is made only when the hit is painted
 * (`paintable`). A page of 20,000 numbers paints the few hundred near the viewport, and a
 * StaticRange costs a native object and a dictionary conversion each (measured on 5,000 rows:
 * 15 ms of the content script's time, and garbage for the collector). Never a live Range: the
 * browser updates those on every DOM mutation of the document, so thousands of them would tax
 * every change the page makes; the store drops a hit when its text changes or leaves the page.
 */
export class HitRange implements AbstractRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  /** A number is never empty. */
  readonly collapsed = false;
  /** The element whose place decides the hit's (its row), once known (viewport-painter.ts). */
  anchor: Element | undefined;
  /** The browser's range for it, once painted. */
  made: AbstractRange | undefined;

  constructor(
    startContainer: Node,
    startOffset: number,
    endContainer: Node,
    endOffset: number,
    anchor?: Element,
  ) {
    this.startContainer = startContainer;
    this.startOffset = startOffset;
    this.endContainer = endContainer;
    this.endOffset = endOffset;
    this.anchor = anchor;
  }
}

/** The store's default: ranges are made when painted. */
export const createHitRange: RangeFactory = (
  startContainer,
  startOffset,
  endContainer,
  endOffset,
  anchor,
) => new HitRange(startContainer, startOffset, endContainer, endOffset, anchor);

/** What a highlight can hold for `range` (made now if it is a HitRange). */
export function paintable(range: AbstractRange): AbstractRange {
  // A HitRange has the fields of the StaticRange dictionary.
  return range instanceof HitRange ? (range.made ??= new StaticRange(range)) : range;
}

/** The text a hit covers on the page, across the nodes it spans (a link's: its text). */
export function hitText(hit: PhoneHit): string {
  const range = hit.node.ownerDocument!.createRange();
  range.setStart(hit.node, hit.start);
  range.setEnd(hit.endNode ?? hit.node, hit.end);
  return range.toString();
}
