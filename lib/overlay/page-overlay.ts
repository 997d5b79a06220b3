import type { PhoneMatch } from '../phone/types.ts';
import { createHitRange, DecorationStore, type NumberFinder } from './decorations.ts';
import { inlineRun } from './inline-runs.ts';
import { createHighlightPainter, NO_PAINTER, type HighlightPainter } from './highlight-painter.ts';
import { Interaction, type CallSender } from './interaction.ts';
import type { KeyCombo } from '../settings/numbers-shortcut.ts';
import type { ClickGuard } from './click-guard.ts';
import { intakeMutations, OBSERVE_OPTIONS } from './mutation-intake.ts';
import { NumberLookups, type LookupTransport } from './number-lookups.ts';
import { LiveFeed, type LivePort } from './live-feed.ts';
import type { RenderOverlay } from './overlay-model.ts';
import { PageScanner } from './page-scanner.ts';
import type { WalkScopes } from './subtree-walk.ts';
import { createSliceScheduler } from './slice-scheduler.ts';
import { ViewportPainter } from './viewport-painter.ts';
import { browserViewport } from './viewport.ts';

export interface PageOverlayOptions {
  win: Window;
  /**
   * Finds numbers in text, national ones read in the country their record points to, else in
   * the agent's region; `node` is the text node the text comes from (when there is one).
   * The page's finder answers later: detection runs in the background.
   */
  find: NumberFinder;
  /**
   * The numbers of a text when they are known already (else none, and they are asked for):
   * for a read-only input under the pointer, which cannot wait for an answer.
   */
  findKnown: (text: string, node?: Node) => PhoneMatch[];
  /** A read-only input the scan met: its value's numbers are asked for ahead of the pointer. */
  inputSeen?: (input: Element) => void;
  /** Whether a text may hold a number worth the detector (default: 7 digits or a vanity). */
  accepts?: (text: string) => boolean;
  /** Texts detected together (DecorationStore's groupOf): their record's options. */
  groupOf?: (node: Text) => object | undefined;
  /** A text's row, when known cheaply (DecorationStore's anchorOf). */
  anchorOf?: (node: Text) => Element | undefined;
  /** Follows the records and languages the page walks pass (record-context.ts). */
  scopes?: WalkScopes;
  /** The page changed (called before its changes are queued): records are read anew. */
  onPageChanged?: () => void;
  signal: AbortSignal;
  ownHost: () => Element | null;
  /** The overlay UI's host was taken out of the page (re-insert it). */
  onOwnHostRemoved: () => void;
  render: RenderOverlay;
  transport: LookupTransport;
  /** Opens the port live calls are pushed on. */
  connectLive: () => LivePort;
  sender: CallSender;
  confirmBeforeDial: () => boolean;
  guard: ClickGuard;
  numbersShortcut: () => KeyCombo;
  describeError: (error: unknown) => string;
  /** Requests a slice of scanning work later (default: createSliceScheduler). */
  schedule?: (run: () => void) => void;
  now?: () => number;
}

/**
 * The overlay on one document: the first scan, the MutationObserver, the decorations and
 * the interaction layer. Everything it starts ends when `signal` aborts.
 */
export class PageOverlay {
  readonly store: DecorationStore;
  readonly scanner: PageScanner;
  readonly interaction: Interaction;
  readonly #lookups: NumberLookups;
  readonly #painter: HighlightPainter;
  readonly #observer: MutationObserver;
  readonly #shadowRoots = new Set<ShadowRoot>();
  readonly #o: PageOverlayOptions;

  constructor(options: PageOverlayOptions) {
    this.#o = options;
    const { win } = options;
    this.#painter = createHighlightPainter(win) ?? NO_PAINTER;
    // Hands the highlight only what is near the viewport (none: nothing to paint with).
    const viewportPainter =
      this.#painter === NO_PAINTER || typeof IntersectionObserver !== 'function'
        ? undefined
        : new ViewportPainter(this.#painter, browserViewport(win));
    this.store = new DecorationStore(
      viewportPainter ?? this.#painter,
      options.find,
      createHitRange,
      {
        runOf: (node) => inlineRun(node, options.ownHost()),
        accepts: options.accepts,
        groupOf: options.groupOf,
        anchorOf: options.anchorOf,
      },
    );
    const now = options.now ?? (() => win.performance.now());
    // The page is decorated when the last detection has come back, not when the walk ends.
    this.store.onSettled = () => {
      if (!this.scanner.busy) this.scanner.stats.lastIdleAt = now();
    };
    this.#lookups = new NumberLookups(options.transport);
    this.scanner = new PageScanner({
      store: this.store,
      ownHost: options.ownHost,
      schedule: options.schedule ?? createSliceScheduler(win, options.signal),
      now,
      fullRoots: () => this.#roots(),
      onShadowRoot: (root) => this.#adoptShadowRoot(root),
      ...(options.inputSeen ? { onInput: options.inputSeen } : {}),
      ...(options.accepts ? { accepts: options.accepts } : {}),
      ...(options.scopes ? { scopes: options.scopes } : {}),
    });
    this.#observer = new MutationObserver((records) => {
      options.onPageChanged?.();
      intakeMutations(records, this.scanner, options.ownHost(), options.onOwnHostRemoved);
    });
    this.interaction = new Interaction({
      win,
      store: this.store,
      find: options.findKnown,
      ownHost: options.ownHost,
      lookups: this.#lookups,
      live: new LiveFeed(options.connectLive, options.signal),
      sender: options.sender,
      render: options.render,
      confirmBeforeDial: options.confirmBeforeDial,
      numbersShortcut: options.numbersShortcut,
      guard: options.guard,
      signal: options.signal,
      describeError: options.describeError,
    });
  }

  start(): void {
    const doc = this.#o.win.document;
    // The document's own highlight style comes with the registered content script
    // (entrypoints/crm.content/highlight.css), added before the page was built; only shadow
    // roots, which page styles do not reach, get it from here.
    this.#observer.observe(doc, OBSERVE_OPTIONS);
    this.scanner.scan(doc.body ?? doc.documentElement);
    this.interaction.start();
    this.#o.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    this.#observer.disconnect();
    this.scanner.stop();
    this.interaction.stop();
    // Clearing the store clears the painters (and disconnects the viewport's observer).
    this.store.clear();
    this.#painter.dispose();
    this.#shadowRoots.clear();
  }

  /** The agent chose another language: the open card speaks it, with number facts anew. */
  relabel(): void {
    this.#lookups.forgetInfos();
    this.interaction.relabel();
  }

  /** Scanning is queued or under way, or detections are awaited. */
  get busy(): boolean {
    return this.scanner.busy || this.store.pending > 0;
  }

  /** Resolves when everything queued so far is scanned and decorated. */
  async whenIdle(): Promise<void> {
    while (this.busy) {
      await this.scanner.whenIdle();
      await this.store.whenSettled();
    }
  }

  #roots(): Node[] {
    const doc = this.#o.win.document;
    for (const root of this.#shadowRoots) if (!root.isConnected) this.#shadowRoots.delete(root);
    return [doc.body ?? doc.documentElement, ...this.#shadowRoots];
  }

  /** Observers and styles do not cross into shadow trees: each open one is adopted once. */
  #adoptShadowRoot(root: ShadowRoot): void {
    if (this.#shadowRoots.has(root)) return;
    this.#shadowRoots.add(root);
    this.#observer.observe(root, OBSERVE_OPTIONS);
    this.#painter.attachStyles(root);
  }
}
