import type { PhoneMatch } from '../phone/types.ts';
import type { DecorationStore, PhoneHit } from './decorations.ts';
import { ancestorVerdict, isReadOnlyNumberInput } from './scan-filter.ts';

/** The number the interaction layer is working with: a decorated hit or a read-only input. */
export interface NumberTarget {
  /** What is dialled and looked up (E.164 when known). */
  number: string;
  raw: string;
  extension?: string;
  hit?: PhoneHit;
  input?: HTMLInputElement;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Size of the call button laid over a read-only input (its text stays selectable). */
const INPUT_BUTTON = 22;
const SLOP = 1;

function toBox(r: DOMRect | DOMRectReadOnly): Box {
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

function hitRects(hit: PhoneHit): Box[] {
  if (hit.kind === 'link') return [...(hit.node as Element).getClientRects()].map(toBox);
  const node = hit.node as Text;
  const end = hit.endNode ?? node;
  if (hit.start > node.length || hit.end > end.length) return [];
  const range = node.ownerDocument.createRange();
  range.setStart(node, hit.start);
  range.setEnd(end, hit.end);
  return [...range.getClientRects()].map(toBox).filter((b) => b.width > 0 && b.height > 0);
}

/** Where the target is on screen now (viewport coordinates); empty when it is not shown. */
export function targetBoxes(target: NumberTarget): Box[] {
  if (target.hit) return target.hit.node.isConnected ? hitRects(target.hit) : [];
  const input = target.input;
  if (!input?.isConnected) return [];
  const r = input.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return [];
  const size = Math.min(INPUT_BUTTON, r.height - 2);
  return [
    { left: r.right - size - 3, top: r.top + (r.height - size) / 2, width: size, height: size },
  ];
}

function contains(box: Box, x: number, y: number): boolean {
  return (
    x >= box.left - SLOP &&
    x <= box.left + box.width + SLOP &&
    y >= box.top - SLOP &&
    y <= box.top + box.height + SLOP
  );
}

export function targetFromHit(hit: PhoneHit): NumberTarget {
  const target: NumberTarget = { number: hit.number, raw: hit.raw, hit };
  if (hit.extension !== undefined) target.extension = hit.extension;
  return target;
}

function inputTarget(
  el: Element,
  find: (text: string, node?: Node) => PhoneMatch[],
  ownHost: Element | null,
): NumberTarget | undefined {
  if (!isReadOnlyNumberInput(el) || ancestorVerdict(el, ownHost).kind !== 'ok') return undefined;
  // The input is the node whose record gives the number's country.
  const match = find(el.value, el)[0];
  if (!match) return undefined;
  const target: NumberTarget = { number: match.e164, raw: match.raw, input: el };
  if (match.extension !== undefined) target.extension = match.extension;
  return target;
}

function closestLink(el: Element): Element | null {
  return el.closest('a[href]');
}

/**
 * The number under the pointer at (x, y), given the innermost page element there. Only the
 * hits of that element's own text (and of the link around it) are measured, so the cost is
 * a handful of rectangles, whatever the page size.
 */
export function numberTargetAt(
  el: Element,
  x: number,
  y: number,
  store: DecorationStore,
  find: (text: string, node?: Node) => PhoneMatch[],
  ownHost: Element | null,
): NumberTarget | undefined {
  if (el.localName === 'input') {
    const target = inputTarget(el, find, ownHost);
    return target && targetBoxes(target).some((b) => contains(b, x, y)) ? target : undefined;
  }
  const link = closestLink(el);
  const linkHit = link ? store.linkHit(link) : undefined;
  if (linkHit) return targetFromHit(linkHit);
  for (const child of el.childNodes) {
    if (child.nodeType !== 3) continue;
    for (const hit of store.textHits(child as Text)) {
      if (hitRects(hit).some((b) => contains(b, x, y))) return targetFromHit(hit);
    }
  }
  return undefined;
}

/** The number an element that received keyboard focus stands for (a link or an input). */
export function numberTargetOfFocus(
  el: Element,
  store: DecorationStore,
  find: (text: string, node?: Node) => PhoneMatch[],
  ownHost: Element | null,
): NumberTarget | undefined {
  if (el.localName === 'input') return inputTarget(el, find, ownHost);
  const link = closestLink(el);
  const linkHit = link ? store.linkHit(link) : undefined;
  return linkHit ? targetFromHit(linkHit) : undefined;
}

/** Two targets stand for the same thing on the page. */
export function sameTarget(a: NumberTarget | undefined, b: NumberTarget | undefined): boolean {
  if (!a || !b) return a === b;
  return a.hit ? a.hit === b.hit : a.input === b.input && a.number === b.number;
}
