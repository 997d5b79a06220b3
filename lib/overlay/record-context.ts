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

interface Known {
  /** The page state it was read in (see `changed`). */
  generation: number;
  /** The record's text; undefined: none (a page region, or no record around). */
  text: string | undefined;
  options?: FindOptions;
}

/**
 * The record around a text node and what it says, for the detector (lib/phone/record-hints.ts):
 * its text (the text of its cells, fields and lines joined by tabs, so "United Kingdom" in one
 * cell does not run into the next) and the page language.
 *
 * A record is read once per state of the page: the overlay's MutationObserver says when the page
 * changed (`changed`), and until then every text of a record gets the same options object. So a
 * 20,000-row table is read once per row, not once per text node, and the texts that share an
 * options object can be detected together.
 */
export class RecordContext {
  #generation = 0;
  /** By record element, or by the parent of texts outside any record. */
  readonly #known = new WeakMap<Element, Known>();

  /** The page changed: every record is read again when next asked for. */
  changed(): void {
    this.#generation++;
  }

  optionsFor(node: Node): FindOptions | undefined {
    const parent = node.parentElement;
    if (!parent) return undefined;
    const lang = parent.closest('[lang]')?.getAttribute('lang') || undefined;
    const record = parent.closest(RECORD_SELECTOR);
    let known = record ? this.#read(record, recordText) : undefined;
    // A record too long to be one is read from around the text instead.
    if (!known?.text) known = this.#read(parent, fallbackText);
    if (!known.options || known.options.lang !== lang) {
      const options: FindOptions = {};
      if (lang) options.lang = lang;
      if (known.text !== undefined) options.context = known.text;
      known.options = options;
    }
    return known.options;
  }

  #read(el: Element, textOf: (el: Element) => string | undefined): Known {
    let known = this.#known.get(el);
    if (known?.generation !== this.#generation) {
      known = { generation: this.#generation, text: textOf(el) };
      this.#known.set(el, known);
    }
    return known;
  }
}

function recordText(record: Element): string | undefined {
  const text = joinedText(record, MAX_RECORD_CHARS);
  return text.length <= MAX_RECORD_CHARS ? text : undefined;
}

/** The text of the widest small ancestor holding no record element, if any. */
function fallbackText(parent: Element): string | undefined {
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
