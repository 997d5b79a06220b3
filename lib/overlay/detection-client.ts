/**
 * The page's side of number detection: texts (with their record and language) go to the
 * background's detection service (lib/phone/detection-service.ts) in batches; the page never
 * loads phone metadata itself. Texts asked for during one scanner slice leave together, cut to
 * the bounds of one message (PAGE_DETECT_LIMITS), with a few messages in flight at most.
 *
 * The background may be away for a moment (Chrome restarts a stopped service worker on the
 * next message, but a message sent while it stops is lost): such a batch is sent again, after
 * 100 ms doubling to 5 s, and nothing waits synchronously, so the page never freezes and no
 * text is dropped. A batch the background refuses (it says why) is not sent again.
 */
import { CommandError } from '../messaging/errors.ts';
import {
  PAGE_DETECT_LIMITS,
  type DetectLimits,
  type PageDetectedNumber,
  type PageDetectItem,
  type PageDetectRequest,
} from '../messaging/page-messages.ts';
import type { PhoneMatch } from '../phone/types.ts';

export interface DetectTransport {
  detect(request: PageDetectRequest): Promise<PageDetectedNumber[][]>;
}

/** What the record around a text says (lib/overlay/record-context.ts). */
export interface TextHints {
  context?: string;
  lang?: string;
}

export interface DetectionClientStats {
  messages: number;
  items: number;
  /** Batches sent again because the background could not be reached. */
  retries: number;
  /** Items the background refused, and why (the last reason). */
  refused: number;
  lastRefusal?: string;
}

export interface DetectionClientOptions {
  transport: DetectTransport;
  signal: AbortSignal;
  setTimer: (run: () => void, ms: number) => void;
  maxInFlight?: number;
  limits?: DetectLimits;
}

interface Pending {
  item: PageDetectItem;
  waiters: Array<(found: PageDetectedNumber[]) => void>;
}

/**
 * Messages under way at once: enough that the worker always has the next batch while the answer
 * to the last one travels back, few enough that a page cannot flood the shared queue.
 */
const DEFAULT_IN_FLIGHT = 6;
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;
/**
 * Results kept for the texts asked for again (read-only inputs under the pointer), the oldest
 * dropped first. The background keeps the real cache; this one only saves a round trip.
 */
const RECENT_RESULTS = 256;

/**
 * A failure of the transport itself (no receiving end, the port closed before the answer, no
 * reply): the batch is sent again. An answer with an error is the background's refusal.
 */
export function isUnreachable(error: unknown): boolean {
  return !(error instanceof CommandError) || error.code === 'no-reply';
}

export class DetectionClient {
  readonly stats: DetectionClientStats = { messages: 0, items: 0, retries: 0, refused: 0 };
  #queue: Pending[] = [];
  /**
   * Texts queued or in flight, by text: the same text in the same record is asked once. Keyed
   * by the text alone, its record and language compared on a hit: a key made of the record's
   * text and the text was a new string of several hundred characters per text, kept until the
   * answer came (most of the page's garbage-collection work on a 20,000-row page).
   */
  readonly #open = new Map<string, Pending>();
  readonly #recent = new Map<string, { item: PageDetectItem; found: PageDetectedNumber[] }>();
  #inFlight = 0;
  #flushQueued = false;
  #pausedUntilRetry = false;
  #retryMs = FIRST_RETRY_MS;
  readonly #o: DetectionClientOptions;
  readonly #limits: DetectLimits;
  readonly #maxInFlight: number;

  constructor(options: DetectionClientOptions) {
    this.#o = options;
    this.#limits = options.limits ?? PAGE_DETECT_LIMITS;
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_IN_FLIGHT;
  }

  /** The numbers of `text`, read with what its record says. */
  async find(text: string, hints: TextHints = {}): Promise<PhoneMatch[]> {
    const max = this.#limits.textChars;
    if (text.length <= max) return toMatches(text, 0, await this.#detect(text, hints));
    const parts = await Promise.all(
      splitText(text, max).map(async ({ offset, part }) =>
        toMatches(text, offset, await this.#detect(part, hints)),
      ),
    );
    return parts.flat();
  }

  /**
   * The numbers of `text` if they are known already, else undefined (they are asked for, so
   * the next look finds them): for the pointer over a read-only input, which cannot wait.
   */
  peek(text: string, hints: TextHints = {}): PhoneMatch[] | undefined {
    if (text.length > this.#limits.textChars) return undefined;
    const known = this.#known(this.#itemOf(text, hints));
    if (known) return toMatches(text, 0, known);
    void this.#detect(text, hints);
    return undefined;
  }

  #itemOf(text: string, hints: TextHints): PageDetectItem {
    const item: PageDetectItem = { text };
    // Hints are near the number: a record longer than the bound is read from its start.
    if (hints.context !== undefined)
      item.context = hints.context.slice(0, this.#limits.contextChars);
    if (hints.lang !== undefined && hints.lang.length <= this.#limits.langChars)
      item.lang = hints.lang;
    return item;
  }

  #detect(text: string, hints: TextHints): Promise<PageDetectedNumber[]> {
    const item = this.#itemOf(text, hints);
    const known = this.#known(item);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const open = this.#open.get(text);
      if (open && sameHints(open.item, item)) {
        open.waiters.push(resolve);
        return;
      }
      const pending: Pending = { item, waiters: [resolve] };
      this.#open.set(text, pending);
      this.#queue.push(pending);
      this.#requestFlush();
    });
  }

  #known(item: PageDetectItem): PageDetectedNumber[] | undefined {
    const known = this.#recent.get(item.text);
    return known && sameHints(known.item, item) ? known.found : undefined;
  }

  /** After the current task: everything one scanner slice asked for leaves together. */
  #requestFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (
      !this.#o.signal.aborted &&
      !this.#pausedUntilRetry &&
      this.#inFlight < this.#maxInFlight &&
      this.#queue.length > 0
    ) {
      this.#send(this.#takeBatch());
    }
  }

  /** The next message: as many queued texts as fit, each record in it once. */
  #takeBatch(): { batch: Pending[]; request: PageDetectRequest } {
    const records: string[] = [];
    const recordIndex = new Map<string, number>();
    const items: PageDetectRequest['items'] = [];
    let chars = 0;
    for (const { item } of this.#queue) {
      const newRecord =
        item.context !== undefined && !recordIndex.has(item.context) ? item.context : undefined;
      const size = item.text.length + (newRecord?.length ?? 0);
      if (
        items.length === this.#limits.items ||
        (items.length > 0 && chars + size > this.#limits.batchChars)
      )
        break;
      chars += size;
      if (newRecord !== undefined) {
        recordIndex.set(newRecord, records.length);
        records.push(newRecord);
      }
      const sent: PageDetectRequest['items'][number] = { text: item.text };
      if (item.context !== undefined) sent.record = recordIndex.get(item.context)!;
      if (item.lang !== undefined) sent.lang = item.lang;
      items.push(sent);
    }
    const request: PageDetectRequest = records.length > 0 ? { items, records } : { items };
    return { batch: this.#queue.splice(0, items.length), request };
  }

  #send({ batch, request }: { batch: Pending[]; request: PageDetectRequest }): void {
    this.#inFlight++;
    this.stats.messages++;
    this.stats.items += batch.length;
    this.#o.transport.detect(request).then(
      (results) => {
        this.#inFlight--;
        this.#retryMs = FIRST_RETRY_MS;
        batch.forEach((p, i) => this.#settle(p, results[i] ?? [], true));
        this.#flush();
      },
      (error: unknown) => {
        this.#inFlight--;
        if (this.#o.signal.aborted) return;
        if (isUnreachable(error)) this.#retryLater(batch);
        else {
          this.stats.refused += batch.length;
          this.stats.lastRefusal = error instanceof Error ? error.message : String(error);
          for (const p of batch) this.#settle(p, [], false);
          this.#flush();
        }
      },
    );
  }

  /** The background is away: the batch goes first again, once it had time to start. */
  #retryLater(batch: Pending[]): void {
    this.stats.retries++;
    this.#queue = [...batch, ...this.#queue];
    if (this.#pausedUntilRetry) return;
    this.#pausedUntilRetry = true;
    const wait = this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, LAST_RETRY_MS);
    this.#o.setTimer(() => {
      this.#pausedUntilRetry = false;
      this.#flush();
    }, wait);
  }

  #settle(pending: Pending, found: PageDetectedNumber[], remember: boolean): void {
    const { item } = pending;
    if (this.#open.get(item.text) === pending) this.#open.delete(item.text);
    if (remember) {
      if (this.#recent.size >= RECENT_RESULTS)
        this.#recent.delete(this.#recent.keys().next().value!);
      this.#recent.set(item.text, { item, found });
    }
    for (const resolve of pending.waiters) resolve(found);
  }
}

/** The same record and language (a record's text is one cached string: usually the same object). */
function sameHints(a: PageDetectItem, b: PageDetectItem): boolean {
  return a.context === b.context && a.lang === b.lang;
}

function toMatches(text: string, offset: number, found: PageDetectedNumber[]): PhoneMatch[] {
  return found.map((n) => {
    const start = n.start + offset;
    const end = n.end + offset;
    const match: PhoneMatch = { start, end, raw: text.slice(start, end), e164: n.e164 };
    if (n.extension !== undefined) match.extension = n.extension;
    if (n.internal) match.internal = true;
    return match;
  });
}

/**
 * Cuts a long text into parts of at most `max` characters, each ending at a line break, a tab
 * or a space where there is one in its second half, so numbers are rarely cut in two.
 */
export function splitText(text: string, max: number): Array<{ offset: number; part: string }> {
  const parts: Array<{ offset: number; part: string }> = [];
  let offset = 0;
  while (text.length - offset > max) {
    let cut = offset + max;
    for (const breaker of ['\n', '\t', ' ']) {
      const at = text.lastIndexOf(breaker, offset + max - 1);
      if (at >= offset + max / 2) {
        cut = at + 1;
        break;
      }
    }
    parts.push({ offset, part: text.slice(offset, cut) });
    offset = cut;
  }
  parts.push({ offset, part: text.slice(offset) });
  return parts;
}
