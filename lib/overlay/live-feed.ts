import type { PageLivePush, PageLookup, PageWatch } from '../messaging/page-messages.ts';

/** The part of a runtime port the feed needs (browser.Runtime.Port, or a fake in unit tests). */
export interface LivePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** After the background went away (its worker was stopped), when to reconnect. */
const RECONNECT_MS = 200;

/**
 * The live calls of the number the card shows, pushed by the background
 * (lib/background/page-live-push.ts) as they change. One port for the page's life, opened at
 * the first card; reopened when the worker restarts while a card is open, which wakes it.
 */
export class LiveFeed {
  #port: LivePort | undefined;
  #number: string | undefined;
  #listener: ((lookup: PageLookup) => void) | undefined;
  #reconnect: ReturnType<typeof setTimeout> | undefined;
  readonly #connect: () => LivePort;

  constructor(connect: () => LivePort, signal: AbortSignal) {
    this.#connect = connect;
    signal.addEventListener('abort', () => this.#close(), { once: true });
  }

  /** From now on, `onLive` receives every change of `number`'s live calls (the first at once). */
  watch(number: string, onLive: (lookup: PageLookup) => void): void {
    this.#number = number;
    this.#listener = onLive;
    this.#send([number]);
  }

  /** No card: nothing is sent to this page any more. */
  unwatch(): void {
    if (this.#number === undefined) return;
    this.#number = undefined;
    this.#listener = undefined;
    if (this.#port) this.#send([]);
  }

  #send(numbers: string[]): void {
    const watch: PageWatch = { type: 'watch', numbers };
    try {
      (this.#port ?? this.#open()).postMessage(watch);
    } catch {
      this.#dropped();
    }
  }

  #open(): LivePort {
    const port = this.#connect();
    this.#port = port;
    port.onMessage.addListener((message) => {
      const push = message as Partial<PageLivePush> | undefined;
      if (push?.type !== 'live' || !Array.isArray(push.lookups)) return;
      const lookup = push.lookups.find((l) => l.number === this.#number);
      if (lookup) this.#listener?.(lookup);
    });
    port.onDisconnect.addListener(() => {
      if (this.#port === port) this.#dropped();
    });
    return port;
  }

  #dropped(): void {
    this.#port = undefined;
    if (this.#number === undefined || this.#reconnect !== undefined) return;
    this.#reconnect = setTimeout(() => {
      this.#reconnect = undefined;
      if (this.#number !== undefined && this.#listener) this.watch(this.#number, this.#listener);
    }, RECONNECT_MS);
  }

  #close(): void {
    this.#number = undefined;
    this.#listener = undefined;
    if (this.#reconnect !== undefined) clearTimeout(this.#reconnect);
    this.#reconnect = undefined;
    const port = this.#port;
    this.#port = undefined;
    port?.disconnect();
  }
}
