import type { FindOptions } from '../phone/types.ts';
import type { WalkScopes } from './subtree-walk.ts';
import {
  fallbackText,
  MAX_RECORD_CHARS,
  RECORD_BY_ATTRIBUTE,
  RECORD_NAMES,
  RECORD_SELECTOR,
  recordText,
} from './record-text.ts';

interface Known {
  /** The record's text; undefined: none (a page region, or no record around). */
  text: string | undefined;
  options?: FindOptions;
}

/** An element the page walk is inside of: a record, or one that sets the language. */
interface Scope {
  /** Its `lang` attribute, if it has one ('' too: it stops the inherited one). */
  lang: string | null;
  record: OpenRecord | undefined;
}

interface OpenRecord {
  el: Element;
  /**
   * Its text as the walk goes, in the form recordText reads it (trimmed texts, joined by tabs
   * when done); undefined when not gathered (already known, resumed, or too long).
   */
  parts: string[] | undefined;
  /** The length of the parts joined. */
  chars: number;
  /** Texts that may hold a number, held back until the record is read whole, each with its language. */
  held: Array<Text | string | undefined>;
}

const LANG_ATTRIBUTE = '[lang]';
/** The records the viewport painter calls rows (its ROW_SELECTOR, less ARIA rows). */
const ROW_NAMES: ReadonlySet<string> = new Set(['tr', 'li']);
const SCOPE_BY_ATTRIBUTE = `${RECORD_BY_ATTRIBUTE}, ${LANG_ATTRIBUTE}`;

/**
 * The record around a text node and what it says, for the detector (lib/phone/record-hints.ts):
 * its text (record-text.ts) and the page language.
 *
 * A record is read once per state of the page and slice of the walk: the overlay's
 * MutationObserver says when the page changed (`changed`), and until then every text of a record
 * gets the same options object. So a 20,000-row table is read once per row, not once per text
 * node, and the texts that share an options object can be detected together.
 *
 * During the page walk (as its WalkScopes) the record and language of each text are known from
 * the elements the walk entered, and a record's text is gathered from the texts the walk visits:
 * its texts that may hold a number are held back until the walk leaves it (so a country cell
 * after the number counts), at most a record's worth. Where the walk yields inside a record, or
 * a text is asked for outside the walk (a changed text, an input), the record is looked up and
 * read from the page as before.
 */
export class RecordContext implements WalkScopes {
  /**
   * By record element, or by the parent of texts outside any record: what was read in this
   * state of the page and this slice of the walk. Emptied when either ends, so the page keeps
   * no record text once its numbers are asked for (on a 20,000-row page they were kept for
   * the page's life, and every scavenge copied them).
   */
  readonly #known = new Map<Element, Known>();
  /** The walk's open scopes, innermost last, and the records among them. */
  readonly #scopes: Scope[] = [];
  readonly #records: OpenRecord[] = [];
  /** The language around the walk's root. */
  #rootLang: string | undefined;
  /** The text the walk is reporting now, with its record and language. */
  #currentNode: Text | undefined;
  #currentRecord: Element | undefined;
  #currentLang: string | undefined;

  /** The page changed: every record is read again when next asked for. */
  changed(): void {
    this.#known.clear();
    this.#currentNode = undefined;
  }

  optionsFor(node: Node): FindOptions | undefined {
    let parent: Element | null = null;
    let record: Element | null;
    let lang: string | undefined;
    if (node === this.#currentNode) {
      record = this.#currentRecord!;
      lang = this.#currentLang;
    } else {
      parent = node.parentElement;
      if (!parent) return undefined;
      lang = parent.closest(LANG_ATTRIBUTE)?.getAttribute('lang') || undefined;
      record = parent.closest(RECORD_SELECTOR);
    }
    let known = record ? this.#read(record, recordText) : undefined;
    // A record too long to be one is read from around the text instead.
    if (!known?.text) {
      parent ??= node.parentElement;
      if (!parent) return undefined;
      known = this.#read(parent, fallbackText);
    }
    if (!known.options || known.options.lang !== lang) {
      const options: FindOptions = {};
      if (lang) options.lang = lang;
      if (known.text !== undefined) options.context = known.text;
      known.options = options;
    }
    return known.options;
  }

  /**
   * The row of the text the walk is reporting (a table row, list item or ARIA row: what the
   * viewport painter anchors its hits to), when its record is one.
   */
  rowOf(node: Text): Element | undefined {
    const record = node === this.#currentNode ? this.#currentRecord : undefined;
    return record && ROW_NAMES.has(record.localName) ? record : undefined;
  }

  #read(el: Element, textOf: (el: Element) => string | undefined): Known {
    let known = this.#known.get(el);
    if (!known) this.#known.set(el, (known = { text: textOf(el) }));
    return known;
  }

  // The page walk's scopes (subtree-walk.ts).

  restart(root: Node): void {
    this.#known.clear();
    this.#scopes.length = 0;
    this.#records.length = 0;
    this.#rootLang =
      (root.nodeType === 1 && (root as Element).closest(LANG_ATTRIBUTE)?.getAttribute('lang')) ||
      undefined;
    this.#currentNode = undefined;
  }

  enter(el: Element, resumed: boolean): boolean {
    const named = RECORD_NAMES.has(el.localName);
    if (!named && !(el.hasAttributes() && el.matches(SCOPE_BY_ATTRIBUTE))) return false;
    let record: OpenRecord | undefined;
    if (named || el.matches(RECORD_BY_ATTRIBUTE)) {
      const known = this.#known.has(el);
      this.#records.push(
        (record = { el, parts: resumed || known ? undefined : [], chars: -1, held: [] }),
      );
    }
    this.#scopes.push({ lang: el.getAttribute('lang'), record });
    return true;
  }

  text(node: Text, data: string, accepted: boolean): boolean {
    this.#currentNode = undefined;
    const records = this.#records;
    for (let i = records.length - 1; i >= 0; i--) this.#gather(records[i]!, data);
    const record = records[records.length - 1];
    if (!accepted || !record) return false;
    const lang = this.#lang();
    if (record.parts) {
      record.held.push(node, lang);
      return true;
    }
    this.#reporting(node, record.el, lang);
    return false;
  }

  skipped(el: Element): void {
    if (!el.hasChildNodes()) return;
    for (const record of this.#records) {
      if (!record.parts) continue;
      const walker = el.ownerDocument.createTreeWalker(el, 0x4);
      for (let n = walker.nextNode(); n && record.parts; n = walker.nextNode())
        this.#gather(record, (n as Text).data);
    }
  }

  leave(report: (node: Text) => void): void {
    const record = this.#scopes.pop()?.record;
    if (!record) return;
    this.#records.pop();
    const parts = record.parts;
    if (parts) this.#read(record.el, () => parts.join('\t'));
    this.#release(record, report);
  }

  pause(report: (node: Text) => void): void {
    for (const record of this.#records) {
      record.parts = undefined;
      if (record.held.length === 0) continue;
      // The walk stops inside the record: it is read from the page.
      this.#read(record.el, recordText);
      this.#release(record, report);
    }
    this.#currentNode = undefined;
  }

  /** Adds a text to the record's; past MAX_RECORD_CHARS it is a page region (no record text). */
  #gather(record: OpenRecord, data: string): void {
    const trimmed = record.parts && data.trim();
    if (!trimmed) return;
    record.chars += trimmed.length + 1;
    if (record.chars <= MAX_RECORD_CHARS) record.parts!.push(trimmed);
    else {
      // Its numbers are read from around them (fallbackText), at once.
      record.parts = undefined;
      this.#read(record.el, () => undefined);
    }
  }

  /** The walk reports `node` next: its record and language are these. */
  #reporting(node: Text, record: Element, lang: string | undefined): void {
    this.#currentNode = node;
    this.#currentRecord = record;
    this.#currentLang = lang;
  }

  #release(record: OpenRecord, report: (node: Text) => void): void {
    const held = record.held;
    record.held = [];
    for (let i = 0; i < held.length; i += 2) {
      const node = held[i] as Text;
      this.#reporting(node, record.el, held[i + 1] as string | undefined);
      report(node);
    }
    this.#currentNode = undefined;
  }

  /** The language of the text the walk is at: the innermost `lang` in or above the walk. */
  #lang(): string | undefined {
    const scopes = this.#scopes;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const lang = scopes[i]!.lang;
      if (lang !== null) return lang || undefined;
    }
    return this.#rootLang;
  }
}
