import type { FindOptions } from '../phone/types.ts';

/**
 * Elements that hold one record on CRM pages: a table row, a list item, a definition list, a
 * card-like article, a form's fieldset, an address, microdata.
 */
const RECORD_SELECTOR =
  'tr, [role="row"], li, dl, article, fieldset, address, [itemscope], form, section';
/** A record with more text than this is a page region, not a record. */
const MAX_RECORD_CHARS = 2048;
/**
 * Without a record element: the widest ancestor (at most this many levels up) that stays this
 * small and holds no record element.
 */
const FALLBACK_LEVELS = 3;
const FALLBACK_CHARS = 600;

interface CachedRecord {
  /** textContent length when the text was read: a cheap check that the record did not change. */
  length: number;
  text: string;
}

/**
 * The record around a text node and what it says, for the detector (lib/phone/record-hints.ts):
 * its text (the text of its cells, fields and lines joined by tabs, so "United Kingdom" in one
 * cell does not run into the next) and the page language. Records are read once per content.
 */
export class RecordContext {
  private readonly cache = new WeakMap<Element, CachedRecord>();

  optionsFor(node: Node): FindOptions | undefined {
    const parent = node.parentElement;
    if (!parent) return undefined;
    const options: FindOptions = {};
    const lang = parent.closest('[lang]')?.getAttribute('lang');
    if (lang) options.lang = lang;
    const record = recordElement(parent);
    if (record) options.context = this.textOf(record[0], record[1]);
    return options;
  }

  /** `length`: the record's textContent length, a cheap check that it did not change. */
  private textOf(record: Element, length: number): string {
    const known = this.cache.get(record);
    if (known && known.length === length) return known.text;
    const text = joinedText(record);
    this.cache.set(record, { length, text });
    return text;
  }
}

/**
 * The record element and its textContent length (measured once: each measure builds the
 * record's whole text, per text node of a 20,000-row page).
 */
function recordElement(parent: Element): [Element, number] | undefined {
  const record = parent.closest(RECORD_SELECTOR);
  const length = record?.textContent?.length ?? 0;
  if (record && length <= MAX_RECORD_CHARS) return [record, length];
  let best: [Element, number] | undefined;
  let el: Element | null = parent;
  for (let level = 0; el && level <= FALLBACK_LEVELS; level++, el = el.parentElement) {
    const chars = el.textContent?.length ?? 0;
    if (el.localName === 'body' || chars > FALLBACK_CHARS) break;
    // An element holding records of its own spans several of them.
    if (level > 0 && el.querySelector(RECORD_SELECTOR)) break;
    best = [el, chars];
  }
  return best;
}

/** The text nodes of `root`, joined by tabs, at most MAX_RECORD_CHARS. */
function joinedText(root: Element): string {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x4);
  let text = '';
  for (let n = walker.nextNode(); n && text.length < MAX_RECORD_CHARS; n = walker.nextNode()) {
    const data = (n as Text).data.trim();
    if (data) text += text ? `\t${data}` : data;
  }
  return text;
}
