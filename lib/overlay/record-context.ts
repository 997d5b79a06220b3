import type { FindOptions } from '../phone/types.ts';
import type { WalkScopes } from './subtree-walk.ts';
import {
  fallbackText,
  RECORD_BY_ATTRIBUTE,
  RECORD_NAMES,
  RECORD_SELECTOR,
  recordText,
  RecordTextBuilder,
} from './record-text.ts';

interface Known {
  /** The page state it was read in (see `changed`). */
  generation: number;
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
  /** Its text as the walk goes; undefined when not gathered (already known, or resumed). */
  builder: RecordTextBuilder | undefined;
  /** Texts that may hold a number, held back until the record is read whole; their language. */
  held: Text[];
  heldLangs: Array<string | undefined>;
}

const LANG_ATTRIBUTE = '[lang]';
const SCOPE_BY_ATTRIBUTE = `${RECORD_BY_ATTRIBUTE}, ${LANG_ATTRIBUTE}`;

/**
 * The record around a text node and what it says, for the detector (lib/phone/record-hints.ts):
 * its text (record-text.ts) and the page language.
 *
 * A record is read once per state of the page: the overlay's MutationObserver says when the page
 * changed (`changed`), and until then every text of a record gets the same options object. So a
 * 20,000-row table is read once per row, not once per text node, and the texts that share an
 * options object can be detected together.
 *
 * During the page walk (as its WalkScopes) the record and language of each text are known from
 * the elements the walk entered, and a record's text is gathered from the texts the walk visits:
 * its texts that may hold a number are held back until the walk leaves it (so a country cell
 * after the number counts), at most a record's worth. Where the walk yields inside a record, or
 * a text is asked for outside the walk (a changed text, an input), the record is looked up and
 * read from the page as before.
 */
export class RecordContext implements WalkScopes {
  #generation = 0;
  /** By record element, or by the parent of texts outside any record. */
  readonly #known = new WeakMap<Element, Known>();
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
    this.#generation++;
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

  #read(el: Element, textOf: (el: Element) => string | undefined): Known {
    let known = this.#known.get(el);
    if (known?.generation !== this.#generation) {
      known = { generation: this.#generation, text: textOf(el) };
      this.#known.set(el, known);
    }
    return known;
  }

  #isKnown(el: Element): boolean {
    return this.#known.get(el)?.generation === this.#generation;
  }

  /** What the walk gathered, unless the record was read already in this page state. */
  #settle(el: Element, text: string | undefined): void {
    this.#read(el, () => text);
  }

  // The page walk's scopes (subtree-walk.ts).

  restart(root: Node): void {
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
      const builder = resumed || this.#isKnown(el) ? undefined : new RecordTextBuilder();
      this.#records.push((record = { el, builder, held: [], heldLangs: [] }));
    }
    this.#scopes.push({ lang: el.getAttribute('lang'), record });
    return true;
  }

  text(node: Text, data: string, accepted: boolean): boolean {
    this.#currentNode = undefined;
    const records = this.#records;
    for (let i = records.length - 1; i >= 0; i--) {
      const r = records[i]!;
      if (r.builder && !r.builder.add(data)) {
        // Too long to be a record: its numbers are read from around them, at once.
        r.builder = undefined;
        this.#settle(r.el, undefined);
      }
    }
    const record = records[records.length - 1];
    if (!accepted || !record) return false;
    const lang = this.#lang();
    if (record.builder) {
      record.held.push(node);
      record.heldLangs.push(lang);
      return true;
    }
    this.#reporting(node, record.el, lang);
    return false;
  }

  skipped(el: Element): void {
    for (const r of this.#records) {
      if (!r.builder?.addSubtree(el)) continue;
      r.builder = undefined;
      this.#settle(r.el, undefined);
    }
  }

  leave(report: (node: Text) => void): void {
    const record = this.#scopes.pop()?.record;
    if (!record) return;
    this.#records.pop();
    if (record.builder) this.#settle(record.el, record.builder.text());
    this.#release(record, report);
  }

  pause(report: (node: Text) => void): void {
    for (const record of this.#records) {
      record.builder = undefined;
      if (record.held.length === 0) continue;
      // The walk stops inside the record: it is read from the page.
      this.#read(record.el, recordText);
      this.#release(record, report);
    }
    this.#currentNode = undefined;
  }

  /** The walk reports `node` next: its record and language are these. */
  #reporting(node: Text, record: Element, lang: string | undefined): void {
    this.#currentNode = node;
    this.#currentRecord = record;
    this.#currentLang = lang;
  }

  #release(record: OpenRecord, report: (node: Text) => void): void {
    const { held, heldLangs } = record;
    for (let i = 0; i < held.length; i++) {
      this.#reporting(held[i]!, record.el, heldLangs[i]);
      report(held[i]!);
    }
    this.#currentNode = undefined;
    record.held = [];
    record.heldLangs = [];
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
