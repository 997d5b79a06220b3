import { PAGE_BATCH_LIMIT, type PageNumberInfo } from '../messaging/page-messages.ts';

/** The background command behind the lookups. */
export interface LookupTransport {
  enrich(numbers: string[]): Promise<PageNumberInfo[]>;
}

type Waiter<V> = { resolve: (v: V | undefined) => void };

/**
 * Collects the keys asked for during `delayMs` into one request (at most PAGE_BATCH_LIMIT per
 * message), so hovering and prefetching never send one message per number.
 */
export class Batcher<V> {
  #pending = new Map<string, Array<Waiter<V>>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #flush: (keys: string[]) => Promise<V[]>;
  readonly #delayMs: number;

  constructor(flush: (keys: string[]) => Promise<V[]>, delayMs = 16) {
    this.#flush = flush;
    this.#delayMs = delayMs;
  }

  get(key: string): Promise<V | undefined> {
    return new Promise((resolve) => {
      const waiters = this.#pending.get(key);
      if (waiters) waiters.push({ resolve });
      else this.#pending.set(key, [{ resolve }]);
      if (this.#timer === undefined) this.#timer = setTimeout(() => this.#send(), this.#delayMs);
    });
  }

  #send(): void {
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += PAGE_BATCH_LIMIT) {
      const slice = keys.slice(i, i + PAGE_BATCH_LIMIT);
      this.#flush(slice).then(
        (values) => slice.forEach((k, j) => batch.get(k)?.forEach((w) => w.resolve(values[j]))),
        () => slice.forEach((k) => batch.get(k)?.forEach((w) => w.resolve(undefined))),
      );
    }
  }
}

/**
 * Number facts, batched and cached for the page's life: they change only with the agent's
 * language. (Live calls are pushed: lib/overlay/live-feed.ts.)
 */
export class NumberLookups {
  readonly #infos = new Map<string, Promise<PageNumberInfo | undefined>>();
  readonly #infoBatch: Batcher<PageNumberInfo>;

  constructor(transport: LookupTransport) {
    this.#infoBatch = new Batcher((keys) => transport.enrich(keys));
  }

  info(number: string): Promise<PageNumberInfo | undefined> {
    let known = this.#infos.get(number);
    if (!known) {
      known = this.#infoBatch.get(number);
      this.#infos.set(number, known);
      // A failed lookup is asked again next time.
      void known.then((v) => v ?? this.#infos.delete(number));
    }
    return known;
  }

  /** Drops the cached facts: they carry country names in the language they were asked in. */
  forgetInfos(): void {
    this.#infos.clear();
  }
}
