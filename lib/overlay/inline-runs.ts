import { classifyElement } from './scan-filter.ts';

/**
 * Elements that flow inside a line of text: a number written as `<span>+44</span> <span>20 7946
 * 0958</span>` or `<b>415</b>-555-0132` reads as one number across them. Judged by name only
 * (computed style would force a style recalculation per element); a `<br>` or any other element
 * ends the run.
 */
const INLINE_ELEMENTS: ReadonlySet<string> = new Set(
  'a abbr b code em font i mark small span strong sub sup time u'.split(' '),
);

/**
 * A block with more nodes up to the end of the run than this (a page of formatted prose) is
 * read node by node: the walk stays short whatever the page.
 */
const MAX_BLOCK_NODES = 200;

/** An element that flows inside a line of text (by name). */
export function isInlineElement(el: Element): boolean {
  return INLINE_ELEMENTS.has(el.localName);
}

function isInline(node: Node | null, ownHost: Element | null): boolean {
  if (!node) return false;
  if (node.nodeType === 3) return true;
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return INLINE_ELEMENTS.has(el.localName) && classifyElement(el, ownHost) === 'descend';
}

/**
 * The text nodes that read as one string with `node`: adjacent text in one block, across
 * inline elements, in document order. Just `[node]` for the usual cell holding one text.
 */
export function inlineRun(node: Text, ownHost: Element | null): Text[] {
  const parent = node.parentNode;
  if (!parent) return [node];
  const parentInline = parent.nodeType === 1 && isInline(parent, ownHost);
  if (
    !parentInline &&
    !isInline(node.previousSibling, ownHost) &&
    !isInline(node.nextSibling, ownHost)
  ) {
    return [node];
  }
  // The block around the run: the nearest ancestor that is not an inline element.
  let block: Node = parent;
  while (block.nodeType === 1 && isInline(block, ownHost) && block.parentNode) {
    block = block.parentNode;
  }
  const doc = node.ownerDocument;
  const walker = doc.createTreeWalker(block, 0x1 | 0x4);
  let run: Text[] = [];
  let found = false;
  let visited = 0;
  for (let n = walker.nextNode(); n;) {
    if (++visited > MAX_BLOCK_NODES) return [node];
    if (n.nodeType === 3) {
      run.push(n as Text);
      if (n === node) found = true;
      n = walker.nextNode();
      continue;
    }
    const inline = isInline(n, ownHost);
    // Another block, a line break, a link dialled as a unit, skipped content end the run; so do
    // two elements with nothing between them: fields laid out apart (grid or flex cells:
    // `<span>14:30</span><span>+33 1 …</span>`), not one line.
    if (!inline || n.previousSibling?.nodeType === 1) {
      if (found) break;
      run = [];
    }
    n = inline ? walker.nextNode() : nextOutside(walker);
  }
  return found ? run : [node];
}

/** The node after the walker's current subtree, or null at the end. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** The run's text as one string; white space (a newline between tags) reads as a space. */
export function runText(run: readonly Text[]): string {
  let text = '';
  for (const node of run) text += node.data;
  return text.replace(/\s/g, ' ');
}

/** Where offset `at` of the run's joined text lies (a range's start, or its `end`). */
export function runPosition(
  run: readonly Text[],
  at: number,
  end: boolean,
): { node: Text; offset: number } {
  let node = run[0]!;
  // A start at a node's very end belongs to the next node; an end at its start, to the last.
  for (let i = 1; i < run.length && (end ? at > node.length : at >= node.length); i++) {
    at -= node.length;
    node = run[i]!;
  }
  return { node, offset: at };
}
