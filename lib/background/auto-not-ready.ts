import browser from 'webextension-polyfill';
import type { GwsSession } from '../session/gws-session.ts';
import type { UserState } from '../gws/types.ts';
import { selectAgentStatus } from '../calls/index.ts';
import {
  decideAway,
  notReadyOperation,
  type AwayCause,
  type IdleState,
} from '../auto-not-ready/decide.ts';
import {
  AWAY_RECORD_KEY,
  decodeAwayRecord,
  type AwayRecord,
} from '../auto-not-ready/away-record.ts';
import {
  AWAY_SETTINGS_KEY,
  loadAwaySettingsInForce,
  type AwaySettingsValue,
} from '../settings/away-settings.ts';

/** What the away watch needs of the session. */
export type AwaySession = Pick<GwsSession, 'operate' | 'calls' | 'diagnostics'>;

export interface AutoNotReadyOptions {
  session: () => AwaySession;
  loadSettings?: () => Promise<AwaySettingsValue>;
  now?: () => number;
}

function stateKeyOf(us: UserState | undefined): string {
  return JSON.stringify([us?.state, us?.workMode, us?.id, us?.reason, us?.displayName]);
}

const CAUSE_TEXT: Readonly<Record<AwayCause, string>> = {
  locked: 'workstation locked',
  idle: 'no input',
};

/**
 * Automatic Not Ready when the workstation locks or the agent goes idle (`browser.idle`), as
 * the away settings or policy ask: the agent is set Not Ready (with the configured reason
 * state) and never back to Ready by this; a live call defers it to the call's end. What
 * happened is kept in `storage.session` for the popup to say why the agent is Not Ready.
 */
export class AutoNotReady {
  private readonly options: AutoNotReadyOptions;
  private readonly now: () => number;
  private idle: IdleState = 'active';
  private appliedThisPeriod = false;
  private waitingLogged = false;
  private settings: Promise<AwaySettingsValue> | undefined;
  private record: AwayRecord | undefined;
  /** One decision at a time: two store changes must not both send Not Ready. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: AutoNotReadyOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Registers the listeners; call synchronously at background start. */
  listen(): void {
    browser.idle.onStateChanged.addListener((state) => void this.onIdleState(state as IdleState));
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'managed' || AWAY_SETTINGS_KEY in changes) {
        this.settings = undefined;
        void this.applyThreshold();
      }
    });
  }

  /** After a (re)start: the threshold, the record the popup shows, and where the user is now. */
  async start(): Promise<void> {
    const stored = await browser.storage.session.get(AWAY_RECORD_KEY).catch(() => ({}));
    this.record = decodeAwayRecord((stored as Record<string, unknown>)[AWAY_RECORD_KEY]);
    const seconds = await this.applyThreshold();
    const state = (await browser.idle.queryState(seconds).catch(() => 'active')) as IdleState;
    // A worker restarted during an away period that it already acted on does not act again.
    if (state !== 'active' && this.record) this.appliedThisPeriod = true;
    await this.onIdleState(state);
  }

  /** The idle state changed (the browser's event, or its state read at start). */
  onIdleState(state: IdleState): Promise<void> {
    this.idle = state;
    if (state === 'active') {
      // Back at the desk: the next away period may act again; the state stays as it is.
      this.appliedThisPeriod = false;
      this.waitingLogged = false;
    }
    return this.decide();
  }

  /** The call store changed: a call that ended may let a deferred Not Ready through. */
  onChange(): void {
    this.followRecord();
    if (this.idle !== 'active') void this.decide();
  }

  private settingsInForce(): Promise<AwaySettingsValue> {
    const load = this.options.loadSettings ?? loadAwaySettingsInForce;
    const reading = (this.settings ??= load());
    reading.catch(() => {
      if (this.settings === reading) this.settings = undefined;
    });
    return reading;
  }

  /** Chrome's idle threshold in seconds, from the settings in force. */
  private async applyThreshold(): Promise<number> {
    const settings = await this.settingsInForce().catch(() => undefined);
    const seconds = Math.max(15, (settings?.idleMinutes ?? 5) * 60);
    try {
      browser.idle.setDetectionInterval(seconds);
    } catch {
      // Not offered (a test browser without the idle API): the state simply never changes.
    }
    return seconds;
  }

  private decide(): Promise<void> {
    const run = () => this.decideNow();
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private async decideNow(): Promise<void> {
    const session = this.options.session();
    const settings = await this.settingsInForce().catch(() => undefined);
    if (!settings) return;
    const calls = session.calls;
    const decision = decideAway({
      idle: this.idle,
      settings,
      connected: calls.connection.kind === 'connected',
      userState: selectAgentStatus(calls).userState,
      onCall: calls.calls.length > 0,
      appliedThisPeriod: this.appliedThisPeriod,
    });
    if (decision.kind === 'wait-for-call' && !this.waitingLogged) {
      this.waitingLogged = true;
      session.diagnostics.record(
        'session',
        `away (${CAUSE_TEXT[decision.cause]}) during a call: Not Ready when it ends`,
      );
    }
    if (decision.kind !== 'not-ready') return;
    this.appliedThisPeriod = true;
    const { operationName, missing } = notReadyOperation(
      settings.notReadyState,
      calls.agent.agentStates,
    );
    if (missing !== undefined) {
      session.diagnostics.record(
        'error',
        `away: the agent has no Not Ready state "${missing}"; plain Not Ready is set`,
      );
    }
    await this.writeRecord({ cause: decision.cause, at: this.now() });
    try {
      await session.operate({ kind: 'agent-state', operationName });
      session.diagnostics.record(
        'session',
        `away (${CAUSE_TEXT[decision.cause]}): ${operationName}`,
      );
    } catch (error) {
      await this.writeRecord(undefined);
      session.diagnostics.record('error', 'away: Not Ready failed', String(error));
    }
  }

  /**
   * The record lasts while the state it set does: it learns that state when GWS reports it,
   * and ends with the next change (the agent's own choice), or with the session.
   */
  private followRecord(): void {
    const record = this.record;
    if (!record) return;
    const calls = this.options.session().calls;
    if (calls.connection.kind === 'loggedOut') return void this.writeRecord(undefined);
    const us = selectAgentStatus(calls).userState;
    if (record.stateKey === undefined) {
      if (us?.state === 'NotReady') void this.writeRecord({ ...record, stateKey: stateKeyOf(us) });
    } else if (stateKeyOf(us) !== record.stateKey) void this.writeRecord(undefined);
  }

  private async writeRecord(record: AwayRecord | undefined): Promise<void> {
    this.record = record;
    await (
      record
        ? browser.storage.session.set({ [AWAY_RECORD_KEY]: record })
        : browser.storage.session.remove(AWAY_RECORD_KEY)
    ).catch(() => undefined);
  }
}
