import type { CallsState, PartyNaming } from '../calls/index.ts';
import {
  PAGE_LIVE_PORT,
  PAGE_WATCH_LIMIT,
  type PageLivePush as LivePushMessage,
  type PageWatch,
} from '../messaging/page-messages.ts';
import type { SenderLike } from '../messaging/sender.ts';
import { numbersOf } from './page-commands.ts';
import { pageLookup } from './page-live-calls.ts';

/** The part of a runtime port this needs (browser.Runtime.Port, or a fake in unit tests). */
export interface PagePort {
  readonly name: string;
  readonly sender?: SenderLike;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface PageLivePushOptions {
  calls: () => CallsState;
  /** Whether the port's sender is a content script (not a view, not another extension). */
  isContentScript: (sender: SenderLike) => boolean;
  /**
   * How other parties are named for the sender, when its frame and tab are on an enabled CRM
   * site (as page commands check); undefined when they are not.
   */
  onEnabledSite: (sender: SenderLike) => Promise<PartyNaming | undefined>;
}

interface Watcher {
  numbers: string[];
  /** Nothing is sent before the sender's site was checked. */
  allowed: boolean;
  naming: PartyNaming;
  /** What was sent last, to send only changes. */
  last: string;
}

/**
 * Live calls pushed to page overlays. A page tells which numbers its card shows; from then on
 * it receives, whenever the calls change, the live calls of those numbers only — the same
 * projection `pageLookup` gives a page (calls that involve the number, plus other live calls
 * it could be transferred or conferenced into) — and nothing when they did not change.
 */
export class PageLivePush {
  private readonly watchers = new Map<PagePort, Watcher>();
  private readonly o: PageLivePushOptions;

  constructor(options: PageLivePushOptions) {
    this.o = options;
  }

  /** Takes a newly connected port; ports of other names are left to their listeners. */
  connect(port: PagePort): void {
    if (port.name !== PAGE_LIVE_PORT) return;
    const sender = port.sender ?? {};
    if (!this.o.isContentScript(sender)) {
      port.disconnect();
      return;
    }
    const watcher: Watcher = { numbers: [], allowed: false, naming: {}, last: '' };
    this.watchers.set(port, watcher);
    port.onDisconnect.addListener(() => this.watchers.delete(port));
    port.onMessage.addListener((message) => {
      const watch = message as Partial<PageWatch> | undefined;
      if (watch?.type !== 'watch') return;
      watcher.numbers = numbersOf(watch, PAGE_WATCH_LIMIT);
      // A new watch always gets an answer, even when it is what was sent before.
      watcher.last = '';
      this.push(port, watcher);
    });
    void this.o.onEnabledSite(sender).then(
      (naming) => {
        if (!this.watchers.has(port)) return;
        if (!naming) {
          this.watchers.delete(port);
          port.disconnect();
          return;
        }
        watcher.allowed = true;
        watcher.naming = naming;
        this.push(port, watcher);
      },
      () => {
        this.watchers.delete(port);
        port.disconnect();
      },
    );
  }

  /** The calls changed: each page whose numbers' live calls changed is told. */
  onChange(): void {
    for (const [port, watcher] of this.watchers) this.push(port, watcher);
  }

  /** Open page ports (diagnostics and tests). */
  get size(): number {
    return this.watchers.size;
  }

  private push(port: PagePort, watcher: Watcher): void {
    if (!watcher.allowed || watcher.numbers.length === 0) return;
    const calls = this.o.calls();
    const message: LivePushMessage = {
      type: 'live',
      lookups: watcher.numbers.map((n) => pageLookup(calls, n, watcher.naming)),
    };
    const text = JSON.stringify(message);
    if (text === watcher.last) return;
    watcher.last = text;
    try {
      port.postMessage(message);
    } catch {
      this.watchers.delete(port);
    }
  }
}
