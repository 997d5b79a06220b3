import type { Message } from 'cometd';
import { GwsRestClient } from '../gws/rest.ts';
import { GwsAuthError, GwsApiError, GwsProtocolError } from '../gws/errors.ts';
import {
  GwsNotifications,
  type GwsNotificationsOptions,
  type NotificationStatus,
} from '../gws/notifications.ts';
import type { FetchLike } from '../gws/http.ts';
import { parseNotification, parseUserSnapshot } from '../gws/parse.ts';
import {
  DEFAULT_INTENT_TIMEOUT_MS,
  type CallAlert,
  type CallsState,
  type StoreAction,
} from '../calls/index.ts';
import { SessionStore, type Credentials } from './session-store.ts';
import { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { SessionPersistence } from './persistence.ts';
import type { ViewState } from '../messaging/view-state.ts';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from '../gws/backoff.ts';
import { describeError, NotSignedInError } from './errors.ts';
import { SingleTimer } from './single-timer.ts';
import { reactToStatus, summarizeEvent, summarizeMetaEvent } from './connection-status.ts';

export type SessionView = ViewState;
export type { Credentials };

/** States a call can legitimately be first seen in; Released ends it whatever came before. */
const CALL_START_STATES: ReadonlySet<string> = new Set(['Dialing', 'Ringing', 'Released']);
const RECOVERY_DEBOUNCE_MS = 200;

export interface GwsSessionOptions {
  persistence: SessionPersistence<CallsState>;
  fetch?: FetchLike;
  diagnostics?: DiagnosticsLog;
  now?: () => number;
  /** Every change of what views show. */
  onChange?: (view: SessionView) => void;
  /** True while a session should be kept alive (the MV3 keep-alive follows this). */
  onActiveChange?: (active: boolean) => void;
  /** New incoming-call alerts, each exactly once (screen-pop, notifications). */
  onAlerts?: (alerts: CallAlert[]) => void;
  /** Overrides for the CometD session (tests use short delays). */
  notifications?: Partial<GwsNotificationsOptions>;
  /** Delays between attempts to log in again after the HTTP session was lost. */
  reloginBackoff?: BackoffPolicy;
  restTimeoutMs?: number;
}

/**
 * Owns the one GWS session: login, contact-center session, CometD, recovery and the call
 * store, and keeps them going through faults. Pure of extension APIs, so the same object
 * runs in the MV3 service worker, Firefox's background page and Node tests.
 */
export class GwsSession {
  private readonly store: SessionStore;
  private credentials: Credentials | undefined;
  private rest: GwsRestClient | undefined;
  private notifications: GwsNotifications | undefined;
  private readonly options: GwsSessionOptions;
  private readonly now: () => number;
  readonly diagnostics: DiagnosticsLog;
  private readonly reloginBackoff: Backoff;
  private readonly reloginTimer = new SingleTimer();
  private readonly recoveryTimer = new SingleTimer();
  private reloginInFlight: Promise<void> | undefined;
  private intentSequence = 0;
  /** Bumped on login/logout so late callbacks of an old session are ignored. */
  private generation = 0;

  constructor(options: GwsSessionOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.diagnostics = options.diagnostics ?? new DiagnosticsLog();
    this.reloginBackoff = new Backoff(options.reloginBackoff ?? DEFAULT_BACKOFF);
    this.store = new SessionStore({
      persistence: options.persistence,
      diagnostics: this.diagnostics,
      now: this.now,
      credentials: () => this.credentials,
      onChange: () => this.options.onChange?.(this.view),
      ...(options.onAlerts ? { onAlerts: options.onAlerts } : {}),
    });
  }

  get view(): SessionView {
    const view: SessionView = { calls: this.store.state };
    if (this.credentials) {
      view.serverUrl = this.credentials.serverUrl;
      view.username = this.credentials.username;
    }
    return view;
  }

  /** The REST client of the live session; commands go through it. */
  get client(): GwsRestClient {
    if (!this.rest || !this.credentials) throw new NotSignedInError();
    return this.rest;
  }

  get calls(): CallsState {
    return this.store.state;
  }

  dispatch(action: StoreAction): void {
    this.store.dispatch(action);
  }

  /**
   * Runs a request on the live session as a pending intent: views show a spinner until the
   * notification that carries its effect arrives (the store settles it), GWS refuses it, or
   * it times out (design.md §1: HTTP answers never change state).
   */
  async perform(
    operation: string,
    callId: string | undefined,
    run: (rest: GwsRestClient, state: CallsState) => Promise<void>,
  ): Promise<void> {
    const rest = this.client;
    const id = `${operation}:${++this.intentSequence}`;
    this.dispatch({ type: 'intent', id, operation, ...(callId === undefined ? {} : { callId }) });
    setTimeout(
      () => this.dispatch({ type: 'intents-expire', timeoutMs: DEFAULT_INTENT_TIMEOUT_MS }),
      DEFAULT_INTENT_TIMEOUT_MS + 50,
    );
    try {
      await run(rest, this.store.state);
    } catch (error) {
      this.dispatch({ type: 'intent-settle', id });
      throw error;
    }
  }

  /** Signs in (Basic → JSESSIONID → CSRF), starts the contact-center session, opens CometD. */
  async login(credentials: Credentials): Promise<void> {
    await this.stop();
    const generation = ++this.generation;
    this.credentials = { ...credentials };
    this.buildClients(credentials);
    this.dispatch({ type: 'reset' });
    this.dispatch({ type: 'connection', connection: { kind: 'connecting' } });
    this.diagnostics.record('session', `login ${credentials.username} @ ${credentials.serverUrl}`);
    try {
      const body = await this.client.login(credentials.username, credentials.password);
      this.applySnapshot(body, this.now());
      await this.startContactCenterSession();
    } catch (error) {
      if (generation === this.generation) await this.abandon(error);
      throw error;
    }
    if (generation !== this.generation) return;
    await this.store.persistNow();
    this.options.onActiveChange?.(true);
    this.notifications?.connect();
  }

  /**
   * Picks up a persisted session after the worker restarted: last known calls at once, then
   * the live HTTP session (or a new login when it is gone), a new CometD client and a full
   * recovery. Returns false when there was nothing to resume.
   */
  async resume(): Promise<boolean> {
    const saved = await this.options.persistence.load();
    if (!saved) return false;
    const generation = ++this.generation;
    this.credentials = {
      serverUrl: saved.serverUrl,
      username: saved.username,
      password: saved.password,
    };
    this.buildClients(this.credentials);
    if (saved.store) this.store.restore(saved.store);
    this.dispatch({
      type: 'connection',
      connection: { kind: 'reconnecting', attempt: 1, reason: 'resuming' },
    });
    this.diagnostics.record('session', 'resume after restart');
    this.options.onActiveChange?.(true);
    try {
      // The browser still holds the JSESSIONID; any GET brings the CSRF token back (§2.3).
      // A lost HTTP session goes through the REST client's re-login path.
      await this.recover();
    } catch (error) {
      this.diagnostics.record('error', 'resume: first recovery failed', describeError(error));
    }
    if (generation === this.generation) this.notifications?.connect();
    return true;
  }

  /** Ends the contact-center session (which ends the HTTP session), then CometD (§1 step 9). */
  async logout(): Promise<void> {
    const rest = this.rest;
    if (rest && this.credentials) {
      try {
        await rest.endContactCenterSession();
      } catch (error) {
        this.diagnostics.record('error', 'EndContactCenterSession failed', describeError(error));
      }
    }
    await this.stop();
    this.dispatch({ type: 'logged-out' });
    this.dispatch({ type: 'connection', connection: { kind: 'loggedOut' } });
    await this.options.persistence.clear();
  }

  /** Asks for a fresh start of the push channel now (the agent pressed "retry"). */
  async retry(): Promise<void> {
    if (!this.credentials) throw new NotSignedInError();
    this.reloginBackoff.reset();
    await this.notifications?.disconnect();
    this.notifications?.connect();
  }

  /** Re-reads everything (`GET /api/v2/me?subresources=*`) and reconciles the store (§5.6). */
  async recover(): Promise<void> {
    const takenAt = this.now();
    const body = await this.client.getMe('*');
    this.applySnapshot(body, takenAt);
  }

  private applySnapshot(body: unknown, takenAt: number): void {
    const parsed = parseUserSnapshot(body);
    if (!parsed.ok) throw new GwsProtocolError(`Unusable user snapshot: ${parsed.reason}`);
    const snapshot = parsed.value;
    if (snapshot.warnings.length > 0) {
      this.diagnostics.record('error', 'snapshot warnings', snapshot.warnings);
    }
    this.dispatch({ type: 'recovery', snapshot, takenAt });
  }

  private buildClients(credentials: Credentials): void {
    const rest = new GwsRestClient({
      serverUrl: credentials.serverUrl,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.restTimeoutMs ? { timeoutMs: this.options.restTimeoutMs } : {}),
    });
    rest.setReauthenticate(() => this.relogin());
    this.rest = rest;
    const generation = this.generation;
    const live = () => generation === this.generation;
    this.notifications = new GwsNotifications({
      serverUrl: credentials.serverUrl,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      requestHeaders: () => rest.authHeaders(),
      ...this.options.notifications,
      onMessage: (message) => live() && this.onMessage(message),
      onHandshake: (info) => live() && void this.onHandshake(info.rehandshake),
      onStatus: (status) => live() && this.onStatus(status),
      onMetaEvent: (event) =>
        live() && this.diagnostics.record('meta', summarizeMetaEvent(event), event),
    });
  }

  private onMessage(message: Message): void {
    const event = parseNotification(message);
    if (event.kind === 'unrecognised') {
      this.diagnostics.record('error', `unrecognised notification: ${event.reason}`, event.raw);
      return;
    }
    this.diagnostics.record('notification', summarizeEvent(event), message.data);
    const unknownMidCall =
      event.kind === 'call' &&
      !CALL_START_STATES.has(event.call.state) &&
      !this.store.state.calls.some((r) => r.call.id === event.call.id);
    this.dispatch({ type: 'event', event });
    // A call first seen mid-life means its start was missed (or the message is bogus): ask
    // the server, which is the truth, instead of trusting or dropping it (§5.6).
    if (unknownMidCall) this.scheduleRecovery();
  }

  /** One recovery for a burst of surprises. */
  private scheduleRecovery(): void {
    this.recoveryTimer.schedule(RECOVERY_DEBOUNCE_MS, () => void this.onHandshake(true));
  }

  private async onHandshake(rehandshake: boolean): Promise<void> {
    this.diagnostics.record('session', rehandshake ? 'recovering after a gap' : 'recovering');
    try {
      await this.recover();
    } catch (error) {
      this.diagnostics.record('error', 'recovery failed', describeError(error));
    }
  }

  private onStatus(status: NotificationStatus): void {
    if (status.state === 'connected') {
      this.reloginBackoff.reset();
      // A failed long poll can take queued events with it (Bayeux has no replay, §5.6):
      // coming back from "reconnecting", ask the server for the truth.
      if (this.store.state.connection.kind === 'reconnecting') this.scheduleRecovery();
    }
    const reaction = reactToStatus(status, this.store.state.connection);
    if (reaction === 'ignore') return;
    if ('relogin' in reaction) this.scheduleRelogin(reaction.relogin);
    else this.dispatch({ type: 'connection', connection: reaction.show });
  }

  /** The HTTP session is gone: log in again with backoff, then reopen CometD. */
  private scheduleRelogin(reason: string): void {
    if (this.reloginTimer.pending || !this.credentials) return;
    const attempt = this.reloginBackoff.attempt + 1;
    const delay = this.reloginBackoff.next();
    this.dispatch({ type: 'connection', connection: { kind: 'reconnecting', attempt, reason } });
    const generation = this.generation;
    this.reloginTimer.schedule(delay, () => {
      if (generation !== this.generation) return;
      this.relogin().then(
        () => generation === this.generation && this.notifications?.connect(),
        (error: unknown) => {
          if (generation !== this.generation) return;
          this.diagnostics.record('error', 'login again failed', describeError(error));
          if (error instanceof GwsAuthError && error.kind === 'bad-credentials') {
            this.dispatch({
              type: 'connection',
              connection: {
                kind: 'sessionLost',
                reason: 'user name or password no longer accepted',
              },
            });
            this.options.onActiveChange?.(false);
            return;
          }
          this.scheduleRelogin(describeError(error).message);
        },
      );
    });
  }

  /** Single-flight re-login: Basic → new JSESSIONID and CSRF → contact-center session again. */
  private relogin(): Promise<void> {
    this.reloginInFlight ??= (async () => {
      const credentials = this.credentials;
      if (!credentials || !this.rest) throw new NotSignedInError();
      this.diagnostics.record('session', 'logging in again');
      try {
        await this.rest.login(credentials.username, credentials.password);
        await this.startContactCenterSession();
      } finally {
        this.reloginInFlight = undefined;
      }
    })();
    return this.reloginInFlight;
  }

  /**
   * StartContactCenterSession; statusCode 2 ("not valid in this state") means the agent is
   * already in a session (e.g. logged in from the same browser before a restart), which is
   * what we want — tolerated, not an error.
   */
  private async startContactCenterSession(): Promise<void> {
    try {
      await this.client.startContactCenterSession({ channels: ['voice'] });
    } catch (error) {
      if (error instanceof GwsApiError && error.statusCode === 2) {
        this.diagnostics.record('session', 'contact-center session already active');
        return;
      }
      throw error;
    }
  }

  private async stop(): Promise<void> {
    this.generation++;
    this.reloginTimer.cancel();
    this.recoveryTimer.cancel();
    const notifications = this.notifications;
    this.notifications = undefined;
    this.rest = undefined;
    this.credentials = undefined;
    this.options.onActiveChange?.(false);
    await notifications?.disconnect();
  }

  private async abandon(error: unknown): Promise<void> {
    await this.stop();
    this.dispatch({
      type: 'connection',
      connection: { kind: 'error', reason: describeError(error).message },
    });
    await this.options.persistence.clear();
  }
}
