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

/** The text a hit covers on the page, across the nodes it spans (a link's: its text). */
export function hitText(hit: PhoneHit): string {
  const range = hit.node.ownerDocument!.createRange();
  range.setStart(hit.node, hit.start);
  range.setEnd(hit.endNode ?? hit.node, hit.end);
  return range.toString();
}
