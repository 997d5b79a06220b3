import type { Message } from 'cometd';
import { GwsRestClient } from '../gws/rest.ts';
import {
  GwsNotifications,
  type GwsNotificationsOptions,
  type NotificationStatus,
} from '../gws/notifications.ts';
import type { FetchLike, TrafficSignal } from '../gws/http.ts';
import { parseNotification } from '../gws/parse.ts';
import type { BackoffPolicy } from '../gws/backoff.ts';
import type { CallsState, StoreAction } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { Credentials } from './session-store.ts';
import { reactToStatus, summarizeEvent, summarizeMetaEvent } from './connection-status.ts';
import { Relogin, startContactCenterSession } from './relogin.ts';
import { SnapshotRecovery } from './snapshot-recovery.ts';

/** States a call can legitimately be first seen in; Released ends it whatever came before. */
const CALL_START_STATES: ReadonlySet<string> = new Set(['Dialing', 'Ringing', 'Released']);

/** What a connection needs of the session that owns it. */
export interface ConnectionHost {
  readonly diagnostics: DiagnosticsLog;
  readonly now: () => number;
  state(): CallsState;
  dispatch(action: StoreAction): void;
  /** The server no longer accepts the agent's password: nothing more will be tried. */
  onSessionLost(): void;
}

export interface ConnectionOptions {
  fetch?: FetchLike;
  /** Told while an answer of GWS (REST or CometD) is on its way to the store. */
  traffic?: TrafficSignal;
  /** Overrides for the CometD session (tests use short delays). */
  notifications?: Partial<GwsNotificationsOptions>;
  /** Delays between attempts to log in again after the HTTP session was lost. */
  reloginBackoff?: BackoffPolicy;
  restTimeoutMs?: number;
}

/**
 * One signed-in connection to GWS: the REST client, the CometD channel and what keeps them
 * going (re-login, recovery). The session makes a new one for every sign-in or resume; once
 * closed, nothing it still hears reaches the store.
 */
export class SessionConnection {
  readonly credentials: Credentials;
  readonly rest: GwsRestClient;
  private readonly host: ConnectionHost;
  private readonly notifications: GwsNotifications;
  private readonly recovery: SnapshotRecovery;
  private readonly relogin: Relogin;
  private closed = false;

  constructor(credentials: Credentials, host: ConnectionHost, options: ConnectionOptions) {
    this.credentials = { ...credentials };
    this.host = host;
    const rest = new GwsRestClient({
      serverUrl: credentials.serverUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.restTimeoutMs ? { timeoutMs: options.restTimeoutMs } : {}),
      ...(options.traffic ? { traffic: options.traffic } : {}),
    });
    this.rest = rest;
    this.recovery = new SnapshotRecovery(rest, host);
    const open = () => !this.closed;
    this.relogin = new Relogin({
      rest,
      credentials: this.credentials,
      diagnostics: host.diagnostics,
      ...(options.reloginBackoff ? { backoff: options.reloginBackoff } : {}),
      dispatch: (action) => host.dispatch(action),
      isOpen: open,
      onLoggedIn: () => this.connect(),
      onRefused: () => host.onSessionLost(),
    });
    rest.setReauthenticate(() => this.relogin.run());
    this.notifications = new GwsNotifications({
      serverUrl: credentials.serverUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      requestHeaders: () => rest.authHeaders(),
      ...(options.traffic ? { traffic: options.traffic } : {}),
      ...options.notifications,
      onMessage: (message) => open() && this.onMessage(message),
      onHandshake: (info) => open() && void this.recovery.recoverAndRecord(info.rehandshake),
      onStatus: (status) => open() && this.onStatus(status),
      onMetaEvent: (event) =>
        open() && host.diagnostics.record('meta', summarizeMetaEvent(event), event),
    });
  }

  /** Basic → JSESSIONID and CSRF, the user snapshot, then the contact-center session. */
  async signIn(): Promise<void> {
    const body = await this.rest.login(this.credentials.username, this.credentials.password);
    this.recovery.apply(body, this.host.now());
    await startContactCenterSession(this.rest, this.host.diagnostics);
  }

  /** Re-reads everything and reconciles the store (§5.6). */
  recover(): Promise<void> {
    return this.recovery.recover();
  }

  /** Opens the push channel. */
  connect(): void {
    if (!this.closed) this.notifications.connect();
  }

  /** A fresh start of the push channel now, from the shortest re-login delay. */
  async restart(): Promise<void> {
    this.relogin.reset();
    await this.notifications.disconnect();
    this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.relogin.cancel();
    this.recovery.cancel();
    await this.notifications.disconnect();
  }

  private onMessage(message: Message): void {
    const { diagnostics } = this.host;
    const event = parseNotification(message);
    if (event.kind === 'unrecognised') {
      diagnostics.record('error', `unrecognised notification: ${event.reason}`, event.raw);
      return;
    }
    diagnostics.record('notification', summarizeEvent(event), message.data);
    const unknownMidCall =
      event.kind === 'call' &&
      !CALL_START_STATES.has(event.call.state) &&
      !this.host.state().calls.some((r) => r.call.id === event.call.id);
    this.host.dispatch({ type: 'event', event });
    // A call first seen mid-life means its start was missed (or the message is bogus): ask
    // the server, which is the truth, instead of trusting or dropping it (§5.6).
    if (unknownMidCall) this.recovery.schedule();
  }

  private onStatus(status: NotificationStatus): void {
    const shown = this.host.state().connection;
    if (status.state === 'connected') {
      this.relogin.reset();
      // A failed long poll can take queued events with it (Bayeux has no replay, §5.6):
      // coming back from "reconnecting", ask the server for the truth.
      if (shown.kind === 'reconnecting') this.recovery.schedule();
    }
    const reaction = reactToStatus(status, shown);
    if (reaction === 'ignore') return;
    if ('relogin' in reaction) this.relogin.schedule(reaction.relogin);
    else this.host.dispatch({ type: 'connection', connection: reaction.show });
  }
}
