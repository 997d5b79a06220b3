/**
 * The background's phone-number detection service, shared by every tab and frame: pages send
 * batches of texts with their record context (lib/overlay/detection-client.ts), the service
 * runs the pure detector with the complete metadata (detect.ts) and answers the matches.
 *
 * The background is single-threaded and also carries the agent's calls (CometD message →
 * reducer → view push): a 20,000-number page must not hold a call event back. So work never
 * runs in the message handler: it is queued, and runs in slices of at most `sliceMs`, one item
 * at a time, with a yield to the event loop between slices, and no slice starts while call
 * traffic is in flight (the `gate`): from the moment a GWS answer reaches our code until the
 * view push it causes has gone out. Whatever a page sends, an event waits for at most the slice
 * that was under way when it arrived. Pages of all tabs share one queue, first come first
 * served.
 *
 * CRM pages repeat the same numbers in the same records (lists, reports, a contact open in two
 * tabs), so results are kept in an LRU cache keyed by everything a result depends on: the
 * text, the regions its record points to (the only way the record and the page language reach
 * the detector, detect-core.ts), the agent's region and the internal-number patterns. Keyed
 * by the regions rather than the record's text, an entry is ~50 characters instead of ~250,
 * and a number shown in two records of the same country is found once.
 */
import type { PageDetectedNumber, PageDetectItem } from '../messaging/page-messages.ts';
import type { Detector, PhoneFinder } from './detect-core.ts';
import { LruCache } from './lru-cache.ts';
import { taskAfterWaitingEvents } from './yield-task.ts';
import type { FindOptions } from './types.ts';

/** What the agent's settings say about reading numbers (the same for every page). */
export interface DetectSettings {
  region: string;
  internal?: readonly string[];
}

export interface DetectionStats {
  /** Texts asked for, and how many of them the cache answered. */
  items: number;
  cacheHits: number;
  /** Time spent detecting (sum of slices), ms. */
  busyMs: number;
  slices: number;
  maxSliceMs: number;
  /** Slices over twice the budget (one text that took long: a first use of ICU data, a GC). */
  longSlices: number;
  /** Items waiting now, and the most that ever waited. */
  queued: number;
  maxQueued: number;
}

/** One slice, for the benchmark (bench/overlay/detection-bench.ts). */
export interface SliceRecord {
  /** performance.now() (or the `now` given) when it started and ended. */
  start: number;
  end: number;
  items: number;
  /** The longest single item of the slice, ms. */
  longestItemMs: number;
  /** Items it left waiting. */
  queued: number;
}

const TRACE_LIMIT = 20_000;

/**
 * Shut while call traffic is on its way to the views (lib/background/call-traffic.ts): a slice
 * does not start then. It opens by itself after a bounded time, so detection never starves.
 */
export interface SliceGate {
  isClear(): boolean;
  /** Runs `task` once clear. */
  whenClear(task: () => void): void;
}

export interface DetectionServiceOptions {
  find: PhoneFinder;
  /** Checked before each slice (default: none, slices run as the queue allows). */
  gate?: SliceGate;
  /** What a record says (default: the cache is keyed by the record's whole text). */
  regions?: Detector['regions'];
  now?: () => number;
  /** Runs `task` after the events already waiting (default: yield-task.ts). */
  yieldThen?: (task: () => void) => void;
  sliceMs?: number;
  cacheEntries?: number;
  /** Characters the cache's keys may hold together (records are long, texts short). */
  cacheChars?: number;
}

/** Short enough that a call event behind a slice is not noticeably late. */
export const DEFAULT_SLICE_MS = 4;
/**
 * A page sends one item per record (its texts with enough digits, joined): a 20,000-row list
 * is ~20,000 items of ~210 characters with ~80,000 numbers, 8.0 M of the weight below. An LRU
 * smaller than a page it scans in order keeps nothing of it (3 M held 37 % of that page, and
 * its reload found none), so the cache holds a page of that size with room to spare: a second
 * tab on the same list, or the page again, is answered from it. Measured in Chromium, the
 * worker's heap grows by ~1.8 bytes per unit of weight (3.2 → 17.4 MB with that page cached),
 * so the cache holds ~18 MB at most; the entry bound keeps many short texts within it too.
 */
const DEFAULT_CACHE_ENTRIES = 60_000;
const DEFAULT_CACHE_CHARS = 10_000_000;
/** What a cached result weighs besides its key, per number found. */
const RESULT_WEIGHT = 48;

interface Job {
  items: PageDetectItem[];
  settings: DetectSettings;
  results: PageDetectedNumber[][];
  next: number;
  resolve: (results: PageDetectedNumber[][]) => void;
}

export class DetectionService {
  readonly stats: DetectionStats = {
    items: 0,
    cacheHits: 0,
    busyMs: 0,
    slices: 0,
    maxSliceMs: 0,
    longSlices: 0,
    queued: 0,
    maxQueued: 0,
  };
  private readonly jobs: Job[] = [];
  private scheduled = false;
  private readonly find: PhoneFinder;
  private readonly regions: Detector['regions'] | undefined;
  private readonly now: () => number;
  private readonly yieldThen: (task: () => void) => void;
  private readonly gate: SliceGate | undefined;
  private readonly sliceMs: number;
  private readonly cache: LruCache<PageDetectedNumber[]>;
  private trace: SliceRecord[] | undefined;

  constructor(options: DetectionServiceOptions) {
    this.find = options.find;
    this.regions = options.regions;
    this.now = options.now ?? (() => performance.now());
    this.yieldThen = options.yieldThen ?? taskAfterWaitingEvents();
    this.gate = options.gate;
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.cache = new LruCache(
      options.cacheEntries ?? DEFAULT_CACHE_ENTRIES,
      options.cacheChars ?? DEFAULT_CACHE_CHARS,
    );
  }

  /** Entries in the result cache now. */
  get cached(): number {
    return this.cache.size;
  }

  /** Characters the cache holds now (keys, and the weight of its results). */
  get cachedChars(): number {
    return this.cache.weight;
  }

  /** Starts keeping the last slices (benchmark only; off otherwise). */
  startTrace(): SliceRecord[] {
    this.trace ??= [];
    return this.trace;
  }

  /** The numbers of each item, in order, once the queue reaches them. */
  detect(items: PageDetectItem[], settings: DetectSettings): Promise<PageDetectedNumber[][]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      this.jobs.push({ items, settings, results: [], next: 0, resolve });
      this.stats.queued += items.length;
      this.stats.maxQueued = Math.max(this.stats.maxQueued, this.stats.queued);
      this.request();
    });
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.yieldThen(() => this.startSlice());
  }

  /**
   * A slice, unless call traffic is in flight: then after it, through a yield of its own, so
   * the slice never runs inside the task that ended the traffic (the view push), and the gate
   * is asked again in case new traffic began meanwhile.
   */
  private startSlice(): void {
    const gate = this.gate;
    if (gate && !gate.isClear()) {
      gate.whenClear(() => this.yieldThen(() => this.startSlice()));
      return;
    }
    this.runSlice();
  }

  /** One slice: items until the budget is spent (at least one, so the queue always moves). */
  private runSlice(): void {
    this.scheduled = false;
    const start = this.now();
    let itemStart = start;
    let longestItemMs = 0;
    let items = 0;
    let job = this.jobs[0];
    while (job) {
      const item = job.items[job.next]!;
      job.results.push(this.detectOne(item, job.settings));
      job.next++;
      items++;
      this.stats.queued--;
      if (job.next === job.items.length) {
        this.jobs.shift();
        job.resolve(job.results);
        job = this.jobs[0];
      }
      const now = this.now();
      longestItemMs = Math.max(longestItemMs, now - itemStart);
      itemStart = now;
      if (now - start >= this.sliceMs) break;
    }
    const end = this.now();
    const spent = end - start;
    this.stats.slices++;
    this.stats.busyMs += spent;
    this.stats.maxSliceMs = Math.max(this.stats.maxSliceMs, spent);
    if (spent > 2 * this.sliceMs) this.stats.longSlices++;
    if (this.trace) {
      this.trace.push({ start, end, items, longestItemMs, queued: this.stats.queued });
      if (this.trace.length > TRACE_LIMIT) this.trace.shift();
    }
    if (this.jobs.length > 0) this.request();
  }

  private detectOne(item: PageDetectItem, settings: DetectSettings): PageDetectedNumber[] {
    this.stats.items++;
    const options: FindOptions = {};
    if (item.context !== undefined) options.context = item.context;
    if (item.lang !== undefined) options.lang = item.lang;
    if (settings.internal?.length) options.internal = settings.internal;
    const key = this.keyOf(item, settings, options);
    const known = this.cache.get(key);
    if (known) {
      this.stats.cacheHits++;
      return known;
    }
    let found: PageDetectedNumber[] = NONE;
    try {
      const matches = this.find(item.text, settings.region, options);
      if (matches.length > 0)
        found = matches.map((m) => {
          const number: PageDetectedNumber = { start: m.start, end: m.end, e164: m.e164 };
          if (m.extension !== undefined) number.extension = m.extension;
          if (m.internal) number.internal = true;
          return number;
        });
    } catch {
      // The detector never throws by contract; should it, one text stays undecorated and the
      // queue (every tab's) goes on.
    }
    this.cache.set(key, found, found.length * RESULT_WEIGHT);
    return found;
  }

  private keyOf(item: PageDetectItem, settings: DetectSettings, options: FindOptions): string {
    const internal = settings.internal?.join(',') ?? '';
    if (this.regions) {
      const regions = this.regions(item.text, settings.region, options).join(',');
      return `${regions}\u0000${internal}\u0000${item.text}`;
    }
    const { region } = settings;
    return [region, internal, item.lang ?? '', item.context ?? '', item.text].join('\u0000');
  }
}

/** The answer for the many texts without a number, shared (never changed by anyone). */
const NONE: PageDetectedNumber[] = Object.freeze([]) as unknown as PageDetectedNumber[];
