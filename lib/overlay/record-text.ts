/**
 * How a record's text is read from the page (record-context.ts): the text of its cells, fields
 * and lines, trimmed and joined by tabs, so "United Kingdom" in one cell does not run into the
 * next. Bounded: a record element wrapping the whole page costs no more than a record.
 */

/**
 * Elements that hold one record on CRM pages: a table row, a list item, a definition list, a
 * card-like article, a form's fieldset, an address, a form, a section; by name, and by
 * attribute (an ARIA row, microdata).
 */
export const RECORD_NAMES: ReadonlySet<string> = new Set(
  'tr li dl article fieldset address form section'.split(' '),
);
export const RECORD_BY_ATTRIBUTE = '[role="row"], [itemscope]';
/** Both as one selector. */
export const RECORD_SELECTOR = [...RECORD_NAMES, RECORD_BY_ATTRIBUTE].join(', ');
/** A record with more text than this is a page region, not a record. */
export const MAX_RECORD_CHARS = 2048;
/**
 * Without a record element: the widest ancestor (at most this many levels up) that stays this
 * small and holds no record element.
 */
const FALLBACK_LEVELS = 3;
const FALLBACK_CHARS = 600;

/** A record's text, or undefined when it is too long to be one. */
export function recordText(record: Element): string | undefined {
  const text = joinedText(record, MAX_RECORD_CHARS);
  return text.length <= MAX_RECORD_CHARS ? text : undefined;
}

/** The text of the widest small ancestor holding no record element, if any. */
export function fallbackText(parent: Element): string | undefined {
  let best: string | undefined;
  let el: Element | null = parent;
  for (let level = 0; el && level <= FALLBACK_LEVELS; level++, el = el.parentElement) {
    if (el.localName === 'body') break;
    const text = joinedText(el, FALLBACK_CHARS);
    if (text.length > FALLBACK_CHARS) break;
    // An element holding records of its own spans several of them.
    if (level > 0 && el.querySelector(RECORD_SELECTOR)) break;
    best = text;
  }
  return best;
}

/**
 * The text nodes of `root`, trimmed and joined by tabs, read until they pass `max` characters
 * (so a record element wrapping the whole page costs no more than a record).
 */
function joinedText(root: Element, max: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  let text = '';
  for (let n = walker.nextNode(); n && text.length <= max; n = walker.nextNode()) {
    const data = (n as Text).data.trim();
    if (data) text += text ? `\t${data}` : data;
  }
  return text;
}
