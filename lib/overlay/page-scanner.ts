import type { DecorationStore } from './decorations.ts';
import { ancestorVerdict, hasEnoughDigits } from './scan-filter.ts';
import { SubtreeWalk, type WalkScopes, type WalkSink } from './subtree-walk.ts';

type Task =
  | { kind: 'scan'; node: Node }
  /** A text node whose content changed. */
  | { kind: 'text'; node: Text }
  /** A subtree that left the page (dropped only if it did not come back). */
  | { kind: 'forget'; node: Node }
  /** Attributes that decide what is scanned changed: forget the subtree, then scan it again. */
  | { kind: 'reset'; node: Node }
  /** After a flood of changes: drop every hit that is no longer in the page. */
  | { kind: 'sweep' };

export interface ScanStats {
  /** `now()` when the queue last ran empty. */
  lastIdleAt: number;
  slices: number;
  busyMs: number;
  maxSliceMs: number;
  nodesVisited: number;
  fullRescans: number;
  /** Slices that ran well over the budget (start and length), the first 20. */
  overruns: Array<{ at: number; ms: number }>;
  /** The last slices (start and length), newest last, bounded. */
  recent: Array<{ at: number; ms: number }>;
}

export interface PageScannerOptions {
  store: DecorationStore;
  /** Our own UI's host element, never scanned. */
  ownHost: () => Element | null;
  /** Asks for `slice` to run soon (idle callback or timer). */
  schedule: (slice: () => void) => void;
  now: () => number;
  /** Longest stretch of work per slice, in ms. */
  budgetMs?: number;
  /** Queued tasks above which the queue is replaced by one full rescan. */
  fullRescanThreshold?: number;
  /** Roots a full rescan walks (the body and the open shadow roots seen). */
  fullRoots: () => Node[];
  /** An open shadow root met while walking (to observe it and style it). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** A read-only input met while walking (its value's numbers can be asked for ahead). */
  onInput?: (input: Element) => void;
  /** Whether a text may hold a number (default: hasEnoughDigits). */
  accepts?: (text: string) => boolean;
  /** Follows the records and languages the walks pass (record-context.ts). */
  scopes?: WalkScopes;
}

export const DEFAULT_SLICE_BUDGET_MS = 8;
const DEFAULT_FULL_RESCAN_THRESHOLD = 2000;

/**
 * The work queue between what changed on the page and the decorations. Producers (the first
 * scan, the MutationObserver) only enqueue; the queue drains in slices of at most
 * `budgetMs`, so no slice becomes a long task whatever the page does, and each slice costs
 * what was queued, not the size of the page. A flood of changes (above the threshold)
 * becomes one full rescan instead, where unchanged nodes are cheap no-ops.
 */
export class PageScanner {
  readonly stats: ScanStats = {
    lastIdleAt: 0,
    slices: 0,
    busyMs: 0,
    maxSliceMs: 0,
    nodesVisited: 0,
    fullRescans: 0,
    overruns: [],
    recent: [],
  };
  #tasks: Task[] = [];
  #head = 0;
  #walk: SubtreeWalk | undefined;
  /** A full rescan is queued and has not started: new scans are already covered by it. */
  #rescanPending = false;
  #scheduled = false;
  #stopped = false;
  #idleWaiters: Array<() => void> = [];
  readonly #options: PageScannerOptions;
  readonly #budgetMs: number;
  readonly #threshold: number;
  readonly #sink: WalkSink;
  readonly #accepts: (text: string) => boolean;

  constructor(options: PageScannerOptions) {
    this.#options = options;
    this.#accepts = options.accepts ?? ((text) => hasEnoughDigits(text));
    this.#budgetMs = options.budgetMs ?? DEFAULT_SLICE_BUDGET_MS;
    this.#threshold = options.fullRescanThreshold ?? DEFAULT_FULL_RESCAN_THRESHOLD;
    this.#sink = {
      text: (node) => void options.store.scanText(node),
      plainText: (node) => options.store.recheck(node),
      link: (link) => void options.store.scanLink(link),
      input: (input) => options.onInput?.(input),
      shadowRoot: (root) => {
        options.onShadowRoot?.(root);
        this.#push({ kind: 'scan', node: root });
      },
    };
  }

  /** Work is queued or under way. */
  get busy(): boolean {
    return this.#walk !== undefined || this.#head < this.#tasks.length;
  }

  scan(node: Node): void {
    this.#push({ kind: 'scan', node });
  }

  textChanged(node: Text): void {
    this.#push({ kind: 'text', node });
  }

  removed(node: Node): void {
    this.#push({ kind: 'forget', node });
  }

  /** An opt-out, contenteditable or href attribute of `node` changed. */
  attributesChanged(node: Node): void {
    this.#push({ kind: 'reset', node });
  }

  /** Queues one walk over every root, dropping whatever was queued. */
  rescanAll(): void {
    this.#tasks = [
      { kind: 'sweep' },
      ...this.#options.fullRoots().map((node) => ({ kind: 'scan' as const, node })),
    ];
    this.#head = 0;
    this.#walk = undefined;
    this.#rescanPending = true;
    this.stats.fullRescans++;
    this.#request();
  }

  /** Resolves once nothing is queued (at once when idle). */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  stop(): void {
    this.#stopped = true;
    this.#tasks = [];
    this.#head = 0;
    this.#walk = undefined;
    this.#settleIdle();
  }

  /** Runs one slice of queued work (normally called by the scheduler). */
  runSlice(): void {
    this.#scheduled = false;
    if (this.#stopped) return;
    const { now } = this.#options;
    const start = now();
    const shouldYield = () => now() - start >= this.#budgetMs;
    while (this.busy) {
      if (this.#walk) {
        const finished = this.#walk.step(shouldYield);
        this.stats.nodesVisited += this.#walk.visited;
        this.#walk.visited = 0;
        if (!finished) break;
        this.#walk = undefined;
        continue;
      }
      const task = this.#tasks[this.#head++]!;
      this.#run(task);
      if (shouldYield()) break;
    }
    if (this.#head >= this.#tasks.length && this.#head > 0) {
      this.#tasks = [];
      this.#head = 0;
    }
    const spent = now() - start;
    this.stats.slices++;
    this.stats.busyMs += spent;
    this.stats.maxSliceMs = Math.max(this.stats.maxSliceMs, spent);
    this.stats.recent.push({ at: start, ms: spent });
    if (this.stats.recent.length > 64) this.stats.recent.shift();
    if (spent > 2 * this.#budgetMs && this.stats.overruns.length < 20) {
      this.stats.overruns.push({ at: start, ms: spent });
    }
    if (this.busy) this.#request();
    else {
      this.stats.lastIdleAt = now();
      this.#settleIdle();
    }
  }

  #push(task: Task): void {
    if (this.#stopped) return;
    // Attribute resets are kept: a rescan skips a newly opted-out subtree without forgetting it.
    if (this.#rescanPending && task.kind !== 'reset') return;
    this.#tasks.push(task);
    if (this.#tasks.length - this.#head > this.#threshold) {
      this.rescanAll();
      return;
    }
    this.#request();
  }

  #request(): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    this.#options.schedule(() => this.runSlice());
  }

  #settleIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #run(task: Task): void {
    const { store } = this.#options;
    switch (task.kind) {
      case 'sweep':
        this.#rescanPending = false;
        store.sweepDisconnected();
        return;
      case 'forget':
        if (!task.node.isConnected) forgetSubtree(task.node, store);
        return;
      case 'text': {
        const node = task.node;
        if (!node.isConnected) return;
        const where = ancestorVerdict(node, this.#options.ownHost());
        if (where.kind === 'unit') store.scanLink(where.element);
        else if (where.kind === 'excluded') store.forget(node);
        else if (!this.#accepts(node.data)) store.recheck(node);
        else store.scanText(node);
        return;
      }
      case 'reset':
      case 'scan': {
        const node = task.node;
        if (!node.isConnected) return;
        if (task.kind === 'reset') forgetSubtree(node, store);
        const where = ancestorVerdict(node, this.#options.ownHost());
        if (where.kind === 'excluded') {
          forgetSubtree(node, store);
          return;
        }
        if (where.kind === 'unit') {
          store.scanLink(where.element);
          return;
        }
        this.#walk = new SubtreeWalk(
          node,
          this.#sink,
          this.#options.ownHost(),
          this.#accepts,
          this.#options.scopes,
        );
        return;
      }
    }
  }
}

/** Drops the hits of every text node and link in a subtree (and its open shadow roots). */
export function forgetSubtree(root: Node, store: DecorationStore): void {
  store.forget(root);
  if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  if (root.nodeType === 1) {
    const shadow = (root as Element).shadowRoot;
    if (shadow) forgetSubtree(shadow, store);
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    store.forget(node);
    if (node.nodeType === 1) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) forgetSubtree(shadow, store);
    }
  }
}
