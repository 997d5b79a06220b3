import type { GwsRestClient } from '../gws/rest.ts';
import {
  DEFAULT_INTENT_TIMEOUT_MS,
  type CallAlert,
  type CallsState,
  type StoreAction,
  type StoreChange,
} from '../calls/index.ts';
import { SessionStore, type Credentials } from './session-store.ts';
import { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { SessionPersistence } from './persistence.ts';
import { projectView, type ViewState } from '../messaging/view-state.ts';
import { NotSignedInError } from './errors.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { SessionConnection, type ConnectionOptions } from './connection.ts';
import { IntentExpiry } from './intent-expiry.ts';
import { intentOf, runOperation, type SessionOperation } from './operations.ts';
import { VoiceServiceWatch } from './voice-watch.ts';
import { CommandRejectedError } from './errors.ts';
import { placedCallRewrite, planOperation, type DialPlanFn } from '../dial-plan/plan-operation.ts';
import { describeDialPlan } from '../dial-plan/describe.ts';

export type SessionView = ViewState;
export type { Credentials };

export interface GwsSessionOptions extends ConnectionOptions {
  persistence: SessionPersistence<CallsState>;
  diagnostics?: DiagnosticsLog;
  now?: () => number;
  /** Every change of the store, with what it changed (read the state from `calls`). */
  onChange?: (change: StoreChange) => void;
  /** True while a session should be kept alive (the MV3 keep-alive follows this). */
  onActiveChange?: (active: boolean) => void;
  /** New incoming-call alerts, each exactly once (screen-pop, notifications). */
  onAlerts?: (alerts: CallAlert[]) => void;
  /**
   * The dial plan in force (rules and the agent's region), run on every number an operation
   * dials; without it numbers go out as given.
   */
  dialPlan?: () => Promise<DialPlanFn>;
  /**
   * GWS accepted an operation; it is given as the agent asked for it, before the dial plan
   * (the recent destinations keep what the agent would pick again).
   */
  onAccepted?: (operation: SessionOperation) => void;
}

/**
 * The agent's one GWS session, from sign-in to sign-out: it owns the call store and the
 * current connection (`connection.ts`: REST, CometD, re-login, recovery), and runs what the
 * agent asks for as pending intents. Pure of extension APIs, so the same object runs in the
 * MV3 service worker, Firefox's background page and Node tests.
 */
export class GwsSession {
  private readonly store: SessionStore;
  private connection: SessionConnection | undefined;
  private readonly options: GwsSessionOptions;
  private readonly now: () => number;
  readonly diagnostics: DiagnosticsLog;
  private readonly intentExpiry: IntentExpiry;
  private intentSequence = 0;
  private readonly voice = new VoiceServiceWatch({
    dispatch: (action) => this.dispatch(action),
    state: () => this.store.state,
    client: () => this.connection?.rest,
  });
  private wasConnected = false;

  constructor(options: GwsSessionOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.diagnostics = options.diagnostics ?? new DiagnosticsLog();
    this.intentExpiry = new IntentExpiry({
      timeoutMs: DEFAULT_INTENT_TIMEOUT_MS,
      now: this.now,
      intents: () => this.store.state.intents,
      expire: () => this.dispatch({ type: 'intents-expire', timeoutMs: DEFAULT_INTENT_TIMEOUT_MS }),
    });
    this.store = new SessionStore({
      persistence: options.persistence,
      diagnostics: this.diagnostics,
      now: this.now,
      credentials: () => this.connection?.credentials,
      onChange: (change) => {
        this.intentExpiry.sync();
        this.checkVoiceOnConnect();
        this.options.onChange?.(change);
      },
      ...(options.onAlerts ? { onAlerts: options.onAlerts } : {}),
    });
  }

  /** What views render: projected afresh, so read it only to send it. */
  get view(): SessionView {
    return projectView(this.store.state, this.connection?.credentials);
  }

  /** The REST client of the live session. */
  get client(): GwsRestClient {
    if (!this.connection) throw new NotSignedInError();
    return this.connection.rest;
  }

  get calls(): CallsState {
    return this.store.state;
  }

  /**
   * Runs what the agent asked for on the live session as a pending intent: views show a
   * spinner until the notification that carries its effect arrives (the store settles it),
   * GWS refuses it, or it times out (design.md §1: HTTP answers never change state).
   */
  async operate(requested: SessionOperation): Promise<void> {
    const rest = this.client;
    const operation = await this.withDialPlan(requested);
    const { name, callId, destination } = intentOf(operation);
    const id = `${name}:${++this.intentSequence}`;
    // A rewritten dial or consultation: the call it places is told the number asked for.
    const rewrite = placedCallRewrite(requested, operation);
    this.dispatch({
      type: 'intent',
      id,
      operation: name,
      ...(callId === undefined ? {} : { callId }),
      ...(rewrite ? { dial: rewrite } : {}),
      ...(destination === undefined ? {} : { destination }),
    });
    try {
      await runOperation(rest, this.store.state, operation);
      this.voice.observe();
    } catch (error) {
      this.dispatch({ type: 'intent-settle', id });
      this.voice.observe(error);
      throw error;
    }
    this.options.onAccepted?.(requested);
  }

  /**
   * The operation with its number rewritten by the dial plan. A rewrite is logged in the
   * diagnostics (what was asked, which rule, what is dialled); a rule that leaves nothing to
   * dial refuses the operation before anything is sent.
   */
  private async withDialPlan(operation: SessionOperation): Promise<SessionOperation> {
    if (!this.options.dialPlan) return operation;
    const planned = planOperation(operation, await this.options.dialPlan());
    const { plan } = planned;
    if (plan && (!plan.ok || plan.dial !== plan.input)) {
      this.diagnostics.record('session', describeDialPlan(plan), { steps: plan.steps });
    }
    if (plan && !plan.ok) {
      throw new CommandRejectedError(
        'invalid-number',
        `The dial-plan rule "${plan.rule.name}" leaves no number to dial`,
      );
    }
    return planned.operation;
  }

  /** Every time the push channel is (back) up, one look at whether the voice service is. */
  private checkVoiceOnConnect(): void {
    const connected = this.store.state.connection.kind === 'connected';
    if (connected && !this.wasConnected) void this.voice.check();
    this.wasConnected = connected;
  }

  /** Signs in (Basic → JSESSIONID → CSRF), starts the contact-center session, opens CometD. */
  async login(credentials: Credentials): Promise<void> {
    await this.stop();
    const connection = this.open(credentials);
    this.dispatch({ type: 'reset' });
    this.dispatch({ type: 'connection', connection: { kind: 'connecting' } });
    this.diagnostics.record('session', `login ${credentials.username} @ ${credentials.serverUrl}`);
    try {
      await connection.signIn();
    } catch (error) {
      if (connection === this.connection) await this.abandon(error);
      throw error;
    }
    if (connection !== this.connection) return;
    await this.store.persistNow();
    this.options.onActiveChange?.(true);
    connection.connect();
  }

  /**
   * Picks up a persisted session after the worker restarted: last known calls at once, then
   * the live HTTP session (or a new login when it is gone), a new CometD client and a full
   * recovery. Returns false when there was nothing to resume.
   */
  async resume(): Promise<boolean> {
    const saved = await this.options.persistence.load();
    if (!saved) return false;
    const connection = this.open({
      serverUrl: saved.serverUrl,
      username: saved.username,
      password: saved.password,
    });
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
      await connection.recover();
    } catch (error) {
      this.diagnostics.record('error', 'resume: first recovery failed', serializeError(error));
    }
    connection.connect();
    return true;
  }

  /** Ends the contact-center session (which ends the HTTP session), then CometD (§1 step 9). */
  async logout(): Promise<void> {
    if (this.connection) {
      try {
        await this.connection.rest.endContactCenterSession();
      } catch (error) {
        this.diagnostics.record('error', 'EndContactCenterSession failed', serializeError(error));
      }
    }
    await this.stop();
    this.dispatch({ type: 'logged-out' });
    this.dispatch({ type: 'connection', connection: { kind: 'loggedOut' } });
    await this.options.persistence.clear();
  }

  /** Asks for a fresh start of the push channel now (the agent pressed "retry"). */
  async retry(): Promise<void> {
    if (!this.connection) throw new NotSignedInError();
    await this.connection.restart();
  }

  private dispatch(action: StoreAction): void {
    this.store.dispatch(action);
  }

  /** A new connection for these credentials; whatever the previous one still hears is ignored. */
  private open(credentials: Credentials): SessionConnection {
    void this.connection?.close();
    const connection = new SessionConnection(
      credentials,
      {
        diagnostics: this.diagnostics,
        now: this.now,
        state: () => this.store.state,
        dispatch: (action) => this.dispatch(action),
        onSessionLost: () => this.options.onActiveChange?.(false),
      },
      this.options,
    );
    this.connection = connection;
    return connection;
  }

  private async stop(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.intentExpiry.cancel();
    this.voice.stop();
    this.options.onActiveChange?.(false);
    await connection?.close();
  }

  private async abandon(error: unknown): Promise<void> {
    await this.stop();
    this.dispatch({
      type: 'connection',
      connection: { kind: 'error', reason: serializeError(error).message },
    });
    await this.options.persistence.clear();
  }
}
