import type { PhoneMatch } from '../phone/types.ts';
import { runPosition, runText } from './inline-runs.ts';
import { createHitRange, type Painter, type PhoneHit, type RangeFactory } from './phone-hit.ts';
import { hasEnoughDigits, telHrefExtension, telHrefTarget } from './scan-filter.ts';
import { detectJointly, TaskGroups, type JointPart, type NumberFinder } from './joint-detection.ts';

export type { NumberFinder } from './joint-detection.ts';
export { createHitRange, hitText } from './phone-hit.ts';
export type { Painter, PhoneHit, RangeFactory } from './phone-hit.ts';

interface TextEntry {
  data: string;
  /** NO_HITS until it has some (most texts with digits hold no number). */
  hits: PhoneHit[];
  /** The nodes read as one text: the node alone, or a number split over inline elements. */
  run: Text[];
  /** Its row, when known at scan time (StoreOptions.anchorOf). */
  anchor: Element | undefined;
}

/** Shared by every text without hits; never added to. */
const NO_HITS: PhoneHit[] = [];

export interface StoreOptions {
  /** The text nodes read as one string with a node (default: the node alone). */
  runOf?: (node: Text) => Text[];
  /** Whether a joined run may hold a number (default: hasEnoughDigits). */
  accepts?: (text: string) => boolean;
  /**
   * What a text's numbers depend on besides the text itself (its record and language), compared
   * by identity: the texts of one group scanned in one task are detected together, as one text
   * with a line break between them (which ends any number, label or context rule of the
   * detector), so a table row is one detection, not one per cell. Default: no groups.
   */
  groupOf?: (node: Text) => object | undefined;
  /** The row a text's hits are painted with (viewport-painter.ts), when it is known cheaply. */
  anchorOf?: (node: Text) => Element | undefined;
}

/** A text waiting for its group to be detected. */
interface GroupPart extends JointPart {
  entry: TextEntry;
}

/** The same nodes with the same text (text moved between two of them reads the same). */
function sameRun(known: TextEntry, run: readonly Text[], data: string): boolean {
  return (
    known.data === data &&
    known.run.length === run.length &&
    run.every((n, i) => known.run[i] === n)
  );
}

interface LinkEntry {
  href: string;
  childCount: number;
  hit?: PhoneHit;
}

/**
 * Bookkeeping of what is decorated. Host text nodes are never changed: a hit is a range
 * over them. Each text node is scanned once per content (scanning it again with the same
 * data is a no-op, so nothing is decorated twice); changed or removed nodes are forgotten
 * and their ranges leave the painter.
 */
export class DecorationStore {
  #texts = new WeakMap<Text, TextEntry>();
  #links = new WeakMap<Element, LinkEntry>();
  readonly #all = new Set<PhoneHit>();
  readonly #painter: Painter;
  readonly #find: NumberFinder;
  readonly #makeRange: RangeFactory;
  /** Texts and links whose numbers are still being detected. */
  #waiting = 0;
  #settledWaiters: Array<() => void> = [];
  /** Called each time the last awaited detection arrives. */
  onSettled: (() => void) | undefined;

  readonly #runOf: (node: Text) => Text[];
  readonly #accepts: (text: string) => boolean;
  readonly #groupOf: StoreOptions['groupOf'];
  readonly #anchorOf: StoreOptions['anchorOf'];
  /** Groups of texts found in the current task, detected together after it. */
  readonly #groups = new TaskGroups<GroupPart>((parts, done, group) =>
    this.#detect(parts, done, group),
  );

  constructor(
    painter: Painter,
    find: NumberFinder,
    makeRange: RangeFactory = createHitRange,
    options: StoreOptions = {},
  ) {
    this.#painter = painter;
    this.#find = find;
    this.#makeRange = makeRange;
    this.#runOf = options.runOf ?? ((node) => [node]);
    this.#accepts = options.accepts ?? hasEnoughDigits;
    this.#groupOf = options.groupOf;
    this.#anchorOf = options.anchorOf;
  }

  get size(): number {
    return this.#all.size;
  }

  /** Detections still awaited (their nodes are decorated when they arrive). */
  get pending(): number {
    return this.#waiting;
  }

  /** Resolves once no detection is awaited (at once when none is). */
  whenSettled(): Promise<void> {
    if (this.#waiting === 0) return Promise.resolve();
    return new Promise((resolve) => this.#settledWaiters.push(resolve));
  }

  /** Every current hit, in the order they were found. */
  hits(): IterableIterator<PhoneHit> {
    return this.#all.values();
  }

  /**
   * Scans a text node whose content is new to the store, together with the text it reads as
   * one with (a number split over inline elements). Returns the number of hits added.
   */
  scanText(node: Text): number {
    const run = this.#runOf(node);
    const data = run.length > 1 ? run.map((n) => n.data).join('') : node.data;
    const known = this.#texts.get(node);
    if (known && sameRun(known, run, data)) return 0;
    const before: Text[] = [];
    for (const n of run) if (this.#texts.has(n)) before.push(...this.#drop(n));
    const entry: TextEntry = { data, hits: NO_HITS, run, anchor: undefined };
    for (const n of run) this.#texts.set(n, entry);
    // Nodes read with these before but not now (a boundary came between) are read on their own.
    for (const m of before) if (!run.includes(m) && m.isConnected) this.scanText(m);
    const text = run.length > 1 ? runText(run) : data;
    if (!this.#accepts(text)) return 0;
    entry.anchor = this.#anchorOf?.(node);
    const part: GroupPart = { node, entry, text };
    const key = this.#groupOf?.(node);
    if (!key) return this.#detect([part], this.#awaitOne());
    this.#groups.add(key, part, this.#awaitOne);
    return 0;
  }

  /** Detects texts together; each is decorated if its node still holds that text then. */
  #detect(parts: GroupPart[], done: () => void, group?: object): number {
    return detectJointly(
      this.#find,
      parts,
      ({ node, entry }, matches) =>
        this.#texts.get(node) === entry ? this.#addTextHits(entry, matches) : 0,
      done,
      group,
    );
  }

  /**
   * A text node without enough digits of its own: dropped if it had numbers, unless it is read
   * with its neighbours (`<b>415</b>-555-0132`), when the run is looked at again.
   */
  recheck(node: Text): void {
    const known = this.#texts.get(node);
    if (known ? known.run.length > 1 : /\d/.test(node.data)) {
      this.scanText(node);
    } else if (known) {
      this.forget(node);
    }
  }

  #addTextHits(entry: TextEntry, matches: PhoneMatch[]): number {
    const { run } = entry;
    if (matches.length > 0 && entry.hits === NO_HITS) entry.hits = [];
    for (const m of matches) {
      // Most texts are one node: offsets in the text are offsets in it.
      const from = run.length > 1 ? runPosition(run, m.start, false) : undefined;
      const to = run.length > 1 ? runPosition(run, m.end, true) : undefined;
      const node = from?.node ?? run[0]!;
      const start = from?.offset ?? m.start;
      const end = to?.offset ?? m.end;
      const hit: PhoneHit = {
        kind: 'text',
        node,
        start,
        end,
        raw: m.raw,
        number: m.e164,
        range: this.#makeRange(node, start, to?.node ?? node, end, entry.anchor),
      };
      if (to && to.node !== node) hit.endNode = to.node;
      // An internal number is dialled as its directory number; it has no E.164.
      if (!m.internal) hit.e164 = m.e164;
      if (m.extension !== undefined) hit.extension = m.extension;
      entry.hits.push(hit);
    }
    this.#addHits(entry.hits);
    return entry.hits.length;
  }

  /** Counts one more detection as awaited; the function returned settles it. */
  readonly #awaitOne = (): (() => void) => {
    this.#waiting++;
    return () => {
      if (--this.#waiting > 0) return;
      this.onSettled?.();
      const waiters = this.#settledWaiters;
      this.#settledWaiters = [];
      for (const resolve of waiters) resolve();
    };
  };

  /** Scans a tel:/callto: link as one unit: the href says what to dial. */
  scanLink(link: Element): number {
    const href = link.getAttribute('href') ?? '';
    const childCount = link.childNodes.length;
    const known = this.#links.get(link);
    if (known && known.href === href && known.childCount === childCount) return 0;
    if (known?.hit) this.#dropHits([known.hit]);
    const target = telHrefTarget(href);
    const entry: LinkEntry = { href, childCount };
    if (target !== undefined && childCount > 0) {
      // The link is a number whatever the detector says; the detector only adds its E.164.
      const hit: PhoneHit = {
        kind: 'link',
        node: link,
        start: 0,
        end: childCount,
        raw: target,
        number: target,
        range: this.#makeRange(link, 0, link, childCount),
      };
      const extension = telHrefExtension(href);
      if (extension !== undefined) hit.extension = extension;
      entry.hit = hit;
      const setE164 = (matches: PhoneMatch[]) => {
        const e164 = matches[0]?.e164;
        if (e164 === undefined || this.#links.get(link) !== entry) return;
        hit.e164 = e164;
        hit.number = e164;
      };
      const found = this.#find(target);
      if (Array.isArray(found)) setE164(found);
      else {
        const done = this.#awaitOne();
        found.then((matches) => {
          setE164(matches);
          done();
        }, done);
      }
      this.#addHits([hit]);
    }
    this.#links.set(link, entry);
    return entry.hit ? 1 : 0;
  }

  /** Hits of one text node and the text read with it (empty when none or never scanned). */
  textHits(node: Text): readonly PhoneHit[] {
    return this.#texts.get(node)?.hits ?? [];
  }

  linkHit(link: Element): PhoneHit | undefined {
    return this.#links.get(link)?.hit;
  }

  /** Forgets one text node or link (its text changed, or it left the page). */
  forget(node: Node): void {
    if (node.nodeType === 3) {
      this.#drop(node as Text);
    } else if (node.nodeType === 1) {
      const entry = this.#links.get(node as Element);
      if (!entry) return;
      this.#links.delete(node as Element);
      if (entry.hit) this.#dropHits([entry.hit]);
    }
  }

  /** Drops every hit whose node left the document. O(hits): only after very large removals. */
  sweepDisconnected(): number {
    let dropped = 0;
    for (const hit of [...this.#all]) {
      if (hit.node.isConnected) continue;
      this.forget(hit.node);
      dropped++;
    }
    return dropped;
  }

  /** Forgets everything, including nodes scanned without a hit (a new region reads them anew). */
  clear(): void {
    this.#texts = new WeakMap();
    this.#links = new WeakMap();
    this.#all.clear();
    this.#painter.clear();
  }

  /** Forgets a text node and every node read with it; returns those nodes. */
  #drop(node: Text): readonly Text[] {
    const entry = this.#texts.get(node);
    if (!entry) return [];
    const nodes = entry.run;
    for (const n of nodes) this.#texts.delete(n);
    this.#dropHits(entry.hits);
    return nodes;
  }

  #addHits(hits: PhoneHit[]): void {
    for (const hit of hits) {
      this.#all.add(hit);
      this.#painter.add(hit.range);
    }
  }

  #dropHits(hits: readonly PhoneHit[]): void {
    for (const hit of hits) {
      this.#all.delete(hit);
      this.#painter.delete(hit.range);
    }
  }
}
