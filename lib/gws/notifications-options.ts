import type { Message } from 'cometd';
import type { BackoffPolicy } from './backoff.ts';
import type { FetchLike, TrafficSignal } from './http.ts';
import type { NotificationMetaEvent, ReconnectReason } from './notifications-meta.ts';

/** The honest state of the push channel. */
export type NotificationStatus =
  | { state: 'connecting' }
  /** Handshaken, subscribed, and the last long poll was answered. */
  | { state: 'connected' }
  | { state: 'reconnecting'; attempt: number; reason: ReconnectReason }
  /**
   * `stopped`: disconnect() or never started; `session`: the handshake was refused because
   * the HTTP session is gone — log in again, then connect(); `refused`: the server said stop.
   */
  | { state: 'disconnected'; reason: 'stopped' | 'session' | 'refused' };

export const GWS_TOPICS = ['/v2/me/calls', '/v2/me/devices', '/v2/me/channels'] as const;

export interface GwsNotificationsOptions {
  serverUrl: string;
  /** Must share its cookies with the REST client (same JSESSIONID, gws-api.md §1 step 3). */
  fetch?: FetchLike;
  /** Read before every request: the REST client's `authHeaders()` (CSRF, §5.1). */
  requestHeaders?: () => Record<string, string>;
  /** Default: calls, devices, channels (§1 step 5). */
  topics?: readonly string[];
  /** Delays between reconnect attempts. */
  backoff?: BackoffPolicy;
  /**
   * Allowance beyond the server's advised hold (`advice.timeout`) before a silent long poll
   * counts as stalled and is aborted; cometd adds the advised hold itself (maxNetworkDelay).
   * Also the deadline of handshake and subscribe requests. Default 10 s.
   */
  networkDelayMs?: number;
  random?: () => number;
  now?: () => number;
  /** Told of every answer from its arrival until its messages were handed on. */
  traffic?: TrafficSignal;
  /** Raw Bayeux data messages from the topics; parsing happens elsewhere. */
  onMessage?: (message: Message) => void;
  /**
   * After every successful handshake once the topics are subscribed: run state recovery here
   * (§5.6). `rehandshake` is true when this instance was handshaken before, i.e. events may
   * have been missed.
   */
  onHandshake?: (info: { rehandshake: boolean }) => void;
  onStatus?: (status: NotificationStatus) => void;
  onMetaEvent?: (event: NotificationMetaEvent) => void;
}
