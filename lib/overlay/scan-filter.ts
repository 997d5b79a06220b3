/**
 * Which parts of a page the overlay reads. Elements are judged by name and attributes only
 * (never by computed style, which would force a style recalculation per element).
 */

/** Subtrees never scanned: code, styles, form controls that are edited, embedded documents. */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'head',
  'title',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
]);

/** The page's opt-out attribute: nothing inside an element carrying it is touched. */
export const OPT_OUT_ATTRIBUTE = 'data-cti-ignore';

/** Input types whose value can be a phone number. */
const NUMBER_INPUT_TYPES: ReadonlySet<string> = new Set(['', 'text', 'tel', 'search']);

export type ElementVerdict = 'skip' | 'descend' | 'link' | 'input';

/** True for an element the user can type into through a `contenteditable` attribute. */
function isEditableRoot(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** The dial target of a `tel:` / `callto:` link, as written in the href (undecoded). */
export function telHrefTarget(href: string | null): string | undefined {
  if (!href) return undefined;
  const m = /^\s*(?:tel|callto):(?:\/\/)?([^;?#]*)/i.exec(href);
  if (!m) return undefined;
  let target: string;
  try {
    target = decodeURIComponent(m[1] ?? '');
  } catch {
    target = m[1] ?? '';
  }
  target = target.trim();
  return /\d/.test(target) ? target : undefined;
}

/** `ext=` of a `tel:` href (RFC 3966), when present. */
export function telHrefExtension(href: string | null): string | undefined {
  const m = href ? /;ext=([0-9]+)/i.exec(href) : null;
  return m?.[1];
}

/**
 * A read-only (or disabled) text-like input: its value is shown, not edited, so a number in
 * it is offered like page text. Editable inputs are never touched.
 */
export function isReadOnlyNumberInput(el: Element): el is HTMLInputElement {
  if (el.localName !== 'input') return false;
  const input = el as HTMLInputElement;
  if (!input.readOnly && !input.disabled) return false;
  return NUMBER_INPUT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase());
}

/**
 * How the walker treats an element: skip its subtree (code, editable, opted out, our own
 * UI), treat it as a unit (a tel:/callto: link, an input), or descend into it.
 */
export function classifyElement(el: Element, ownHost: Element | null): ElementVerdict {
  const name = el.localName;
  if (SKIPPED_ELEMENTS.has(name) || el === ownHost) return 'skip';
  if (el.hasAttribute(OPT_OUT_ATTRIBUTE) || isEditableRoot(el)) return 'skip';
  if (name === 'input') return 'input';
  if (name === 'a' && telHrefTarget(el.getAttribute('href')) !== undefined) return 'link';
  return 'descend';
}

/** The element a node hangs from, crossing out of shadow roots to their hosts. */
function parentAcrossShadow(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 11) return (parent as ShadowRoot).host ?? null;
  return parent.nodeType === 1 ? (parent as Element) : null;
}

export type AncestorVerdict =
  | { kind: 'ok' }
  | { kind: 'excluded' }
  /** Inside a tel:/callto: link: the link is the unit to (re)process. */
  | { kind: 'unit'; element: Element };

/**
 * What the ancestors of `node` (through shadow hosts) say about it: out of reach (opted out,
 * editable, code, our own UI), part of a link handled as a unit, or fine. Cost is the node's
 * depth; it runs once per queued subtree, not per node.
 */
export function ancestorVerdict(node: Node, ownHost: Element | null): AncestorVerdict {
  let unit: Element | undefined;
  for (let el = parentAcrossShadow(node); el; el = parentAcrossShadow(el)) {
    const verdict = classifyElement(el, ownHost);
    if (verdict === 'skip' || verdict === 'input') return { kind: 'excluded' };
    if (verdict === 'link') unit = el;
  }
  return unit ? { kind: 'unit', element: unit } : { kind: 'ok' };
}

/** True when the document asks not to have telephone numbers detected. */
export function documentOptsOut(doc: Document): boolean {
  for (const meta of doc.querySelectorAll('meta[name="format-detection" i]')) {
    const content = (meta.getAttribute('content') ?? '').toLowerCase().replace(/\s+/g, '');
    if (/(^|[,;])telephone=no($|[,;])/.test(content)) return true;
  }
  return false;
}

const MIN_DIGITS = 7;
/** Digits of a vanity number ("1-800-FLOWERS"), and its digits plus capital letters. */
const VANITY_DIGITS = 4;
const VANITY_CHARACTERS = 10;

/**
 * Cheap pre-check before the detector: at least `minDigits` digits (ASCII, full-width or
 * Arabic-Indic) in the text (7: a public number; fewer when internal numbers are dialable), or
 * a vanity number's mix of digits and capitals. Most text nodes fail it in one pass.
 */
export function hasEnoughDigits(text: string, minDigits = MIN_DIGITS): boolean {
  let count = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 48 && c <= 57) ||
      (c >= 0xff10 && c <= 0xff19) ||
      (c >= 0x0660 && c <= 0x0669) ||
      (c >= 0x06f0 && c <= 0x06f9)
    ) {
      if (++count >= minDigits) return true;
    } else if (c >= 65 && c <= 90) capitals++;
  }
  return count >= VANITY_DIGITS && count + capitals >= VANITY_CHARACTERS;
}
