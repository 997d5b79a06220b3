import { LongPollingTransport } from 'cometd';
import { browserFetch, type FetchLike, type TrafficSignal } from './http.ts';

/** What cometd's LongPollingTransport hands to `xhrSend` (LongPollingTransport.js). */
interface Packet {
  url: string;
  sync?: boolean;
  headers?: Record<string, string>;
  body: string;
  onSuccess(text: string): void;
  onError(reason: string, exception?: unknown): void;
}

/** Stands in for the XHR cometd keeps per request: it reads `status` and calls `abort()`. */
interface FetchHandle {
  readyState: number;
  status: number;
  abort(): void;
}

export interface FetchLongPollingOptions {
  /** Default: the browser's fetch with credentials (http.ts). */
  fetch?: FetchLike;
  /**
   * Read before every request, so a CSRF token renewed by a re-login is used at once
   * (gws-api.md §5.1: send cookie + CSRF header).
   */
  headers?: () => Record<string, string>;
  /** Held from an answer's arrival until cometd has handed its messages to the listeners. */
  traffic?: TrafficSignal;
}

/**
 * cometd's long-polling transport over fetch instead of XMLHttpRequest, which an MV3
 * service worker does not have (toolchain.md §3). GWS offers only long-polling (§5.1).
 */
export class FetchLongPollingTransport extends LongPollingTransport {
  private readonly fetchImpl: FetchLike;
  private readonly dynamicHeaders: () => Record<string, string>;
  private readonly traffic: TrafficSignal | undefined;

  constructor(options: FetchLongPollingOptions = {}) {
    super();
    this.fetchImpl = options.fetch ?? browserFetch;
    this.dynamicHeaders = options.headers ?? (() => ({}));
    this.traffic = options.traffic;
  }

  /**
   * The stock transport stops accepting cross-origin URLs after its first failed request,
   * and in a service worker every GWS URL is cross-origin: one network error during a GWS
   * restart would then end the session with "Could not negotiate transport". fetch with host
   * permissions has no such limit, so always accept.
   */
  override accept(): boolean {
    return true;
  }

  override xhrSend(rawPacket: unknown): FetchHandle {
    const packet = rawPacket as Packet;
    const controller = new AbortController();
    const handle: FetchHandle = { readyState: 1, status: 0, abort: () => controller.abort() };
    let headers: Record<string, string>;
    try {
      headers = { ...(packet.headers ?? {}), ...this.dynamicHeaders() };
    } catch {
      headers = { ...(packet.headers ?? {}) };
    }
    headers['Content-Type'] = 'application/json';
    this.fetchImpl(packet.url, {
      method: 'POST',
      headers,
      body: packet.body,
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        // From here to the listeners the answer crosses tasks (the body, then cometd, which
        // calls the listeners synchronously): whatever they schedule holds on from there.
        const release = this.traffic?.hold();
        try {
          handle.status = response.status;
          const text = await response.text();
          handle.readyState = 4;
          if (response.status === 200) packet.onSuccess(text);
          else packet.onError(`HTTP ${response.status}`);
        } finally {
          release?.();
        }
      })
      .catch((error: unknown) => {
        handle.readyState = 4;
        const reason = error instanceof Error ? error.name : String(error);
        packet.onError(reason, error);
      });
    return handle;
  }

  override abortXHR(rawHandle: unknown): boolean {
    const handle = rawHandle as FetchHandle | undefined;
    if (!handle) return false;
    const state = handle.readyState;
    handle.abort();
    return state !== 0;
  }
}
