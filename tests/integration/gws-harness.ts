/**
 * The extension's own GWS client (GwsRestClient + GwsNotifications) for one agent, wired the
 * way the background wires it: one cookie jar shared by REST and CometD, CometD requests
 * carrying the REST client's CSRF header, and every callback recorded for assertions.
 */
import type { Message } from 'cometd';
import { GwsRestClient } from '../../lib/gws/rest.ts';
import {
  GwsNotifications,
  type NotificationMetaEvent,
  type NotificationStatus,
} from '../../lib/gws/notifications.ts';
import type { FetchLike } from '../../lib/gws/http.ts';
import { createCookieFetch, type CookieFetch } from '../support/cookie-fetch.ts';
import { waitFor } from '../support/wait-for.ts';

// Wire data is checked field by field by the tests; a static type adds nothing there.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WireData = any;

export interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
}

export interface ClientOptions {
  userName?: string;
  password?: string;
  /** Give the REST client a re-login hook (the background's behaviour). Default true. */
  relogin?: boolean;
  networkDelayMs?: number;
}

export class GwsClientHarness {
  readonly fetch: CookieFetch;
  readonly rest: GwsRestClient;
  readonly notifications: GwsNotifications;
  readonly statuses: NotificationStatus[] = [];
  readonly handshakes: Array<{ rehandshake: boolean }> = [];
  readonly messages: Message[] = [];
  readonly meta: NotificationMetaEvent[] = [];
  /** Every HTTP request either client sent, in order. */
  readonly sent: SentRequest[] = [];
  relogins = 0;
  sessionStarted = false;
  readonly userName: string;
  private readonly password: string;
  private readonly consumed = new Set<number>();

  constructor(baseUrl: string, options: ClientOptions = {}) {
    this.userName = options.userName ?? 'agent1';
    this.password = options.password ?? 'password';
    const cookieFetch = createCookieFetch();
    this.fetch = cookieFetch;
    const recording: FetchLike = (input, init) => {
      this.sent.push({
        url: input,
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
      });
      return cookieFetch(input, init);
    };
    this.rest = new GwsRestClient({ serverUrl: baseUrl, fetch: recording, timeoutMs: 5_000 });
    if (options.relogin ?? true) {
      // What the background does (gws-api.md §5.6): log in again, then restore the
      // contact-center session if there was one.
      this.rest.setReauthenticate(async () => {
        this.relogins++;
        await this.login();
        if (this.sessionStarted) await this.rest.startContactCenterSession();
      });
    }
    this.notifications = new GwsNotifications({
      serverUrl: baseUrl,
      fetch: recording,
      requestHeaders: () => this.rest.authHeaders(),
      backoff: { initialMs: 50, maxMs: 400 },
      networkDelayMs: options.networkDelayMs ?? 750,
      onStatus: (s) => this.statuses.push(s),
      onHandshake: (h) => this.handshakes.push(h),
      onMessage: (m) => this.messages.push(m),
      onMetaEvent: (e) => this.meta.push(e),
    });
  }

  login(): Promise<WireData> {
    return this.rest.login(this.userName, this.password);
  }

  /** Login, CometD connected, contact-center session started and its device event seen. */
  async start(): Promise<{ deviceId: string; snapshot: WireData }> {
    const snapshot = await this.login();
    await this.connect();
    await this.rest.startContactCenterSession();
    this.sessionStarted = true;
    const device = await this.nextDevice((d) => d.deviceState === 'Active');
    return { deviceId: device.id as string, snapshot };
  }

  async connect(): Promise<void> {
    this.notifications.connect();
    await this.waitForStatus('connected');
  }

  waitForStatus(
    state: NotificationStatus['state'],
    timeoutMs = 8_000,
  ): Promise<NotificationStatus> {
    return waitFor(
      () =>
        this.notifications.currentStatus.state === state
          ? this.notifications.currentStatus
          : undefined,
      { timeoutMs, intervalMs: 10, message: `${this.userName} CometD status ${state}` },
    );
  }

  /** Waits for the next not-yet-consumed data message that matches, and consumes it. */
  nextData(
    predicate: (data: WireData) => boolean,
    what: string,
    timeoutMs = 5_000,
  ): Promise<WireData> {
    return waitFor(
      () => {
        for (let i = 0; i < this.messages.length; i++) {
          const data: WireData = this.messages[i]?.data;
          if (!this.consumed.has(i) && predicate(data)) {
            this.consumed.add(i);
            return data as object;
          }
        }
        return undefined;
      },
      { timeoutMs, intervalMs: 10, message: `${this.userName}: ${what}` },
    );
  }

  /** The call object of the next matching CallStateChangeMessage. */
  async nextCall(filter: { type?: string; state?: string; id?: string }): Promise<WireData> {
    const data = await this.nextData(
      (d) =>
        d?.messageType === 'CallStateChangeMessage' &&
        (!filter.type || d.notificationType === filter.type) &&
        (!filter.state || d.call?.state === filter.state) &&
        (!filter.id || d.call?.id === filter.id),
      `call event ${JSON.stringify(filter)}`,
    );
    return data.call;
  }

  /** The device of the next DeviceStateChangeMessage whose device matches. */
  async nextDevice(predicate: (device: WireData) => boolean = () => true): Promise<WireData> {
    const data = await this.nextData(
      (d) => d?.messageType === 'DeviceStateChangeMessage' && d.devices?.some(predicate),
      'device event',
    );
    return (data.devices as WireData[]).find(predicate);
  }

  /** Marks everything received so far as seen. */
  drain(): void {
    for (let i = 0; i < this.messages.length; i++) this.consumed.add(i);
  }

  async close(): Promise<void> {
    await this.notifications.disconnect();
  }
}
