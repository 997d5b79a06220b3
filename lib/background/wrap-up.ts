import browser from 'webextension-polyfill';
import { readCallOperation } from '../gws/call-operations.ts';
import {
  isMonitoringCall,
  otherParty,
  partyCallOf,
  type CallsState,
  type EndedCall,
  type PartyNameResolver,
} from '../calls/index.ts';
import { agentSettings } from '../settings/agent-settings.ts';
import type { ViewState } from '../messaging/view-state.ts';
import { loadWrapUpSettingsInForce, WRAP_UP_SETTINGS_KEY } from '../settings/wrap-up-settings.ts';
import type { ServerWrapUp } from '../wrap-up/server-wrap-up.ts';
import { catalogueInForce, readServerWrapUp } from './wrap-up-catalogue.ts';
import { dispositionRequired, setStateAfterCall, type WrapUpSession } from './wrap-up-actions.ts';
import {
  WRAP_UP_STATE_KEY,
  addPending,
  blocksReady,
  choose,
  decodeWrapUpState,
  emptyWrapUpState,
  forgetChoices,
  isComplete,
  markHandled,
  removePending,
  type Choice,
  type PendingWrapUp,
  type WrapUpState,
} from '../wrap-up/wrap-up-state.ts';
import type { CallHistory } from './call-history.ts';
import type { CallLog } from './call-log.ts';

export interface WrapUpOptions {
  session: () => WrapUpSession;
  history: CallHistory;
  callLog: CallLog;
  now?: () => number;
  /** Names internal parties (the directory). */
  resolveName?: PartyNameResolver;
}

function wasConnected(record: EndedCall): boolean {
  return record.history.some((s) => s.state === 'Established' || s.state === 'Held');
}

/**
 * Wrap-up of finished calls: the disposition (written to the call's attached data while the
 * call exists), notes, automatic After Call Work with its countdown, "Done", the state to
 * take after the call, and then the call-log hook. Its state lives in `storage.session`, so
 * a restarted worker picks up a countdown where it was, and the popup renders it from there.
 */
export class WrapUp {
  private readonly options: WrapUpOptions;
  private readonly now: () => number;
  private state: WrapUpState = emptyWrapUpState();
  private queue: Promise<void> = Promise.resolve();
  private readonly considered = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private server: ServerWrapUp = { dispositions: [] };
  private serverFor: string | undefined;

  constructor(options: WrapUpOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Loads what a previous worker left (pending wrap-ups, countdowns); call once at start. */
  start(): void {
    this.enqueue(async () => {
      const got = await browser.storage.session.get(WRAP_UP_STATE_KEY);
      this.state = decodeWrapUpState(got[WRAP_UP_STATE_KEY]);
      if (this.state.server) this.server = this.state.server;
      for (const item of this.state.pending) this.arm(item);
      await this.refreshCatalogue();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && WRAP_UP_SETTINGS_KEY in changes) {
        this.enqueue(() => this.refreshCatalogue());
      }
    });
  }

  /** Every change of the session's view. */
  onChange(view: ViewState): void {
    const calls = view.calls;
    const agent = calls.connection.kind === 'connected' ? view.username : undefined;
    // Before any ended call below is taken in: its wrap-up time may come from the server.
    if (agent !== undefined && agent !== this.serverFor) {
      this.serverFor = agent;
      this.enqueue(() => this.readServerSettings());
    }
    const fresh = calls.ended.filter((r) => !this.considered.has(r.call.id));
    for (const record of fresh) {
      this.considered.add(record.call.id);
      this.enqueue(() => this.ended(record));
    }
    if (calls.connection.kind === 'loggedOut' && this.state.pending.length > 0) {
      this.enqueue(() => this.clearPending());
    }
  }

  /**
   * The agent chose a disposition (and maybe notes) for a call: live, it is written to the
   * call's attached data at once; ended, it waits in the wrap-up.
   */
  async choose(callId: string, choice: Choice): Promise<void> {
    await this.run(() => this.save(choose(this.state, callId, choice)));
    const code = choice.code;
    const session = this.session();
    const record = session.calls.calls.find((r) => r.call.id === callId);
    if (!code || !record || !record.call.capabilities.includes('UpdateUserData')) return;
    // UpdateUserData, not AttachUserData: Attach would add a second value for the key (§4.4).
    const key = this.state.dispositionKey;
    await session.operate({
      kind: 'call',
      callId,
      request: readCallOperation('popup', 'UpdateUserData', { userData: { [key]: code } }),
    });
  }

  /** "Done": the wrap-up of this call is over (refused while a required code is missing). */
  async done(callId: string): Promise<void> {
    await this.run(async () => {
      const item = this.state.pending.find((p) => p.callId === callId);
      if (!item) return;
      if (!isComplete(item.choice, this.state)) throw dispositionRequired();
      await this.finish(item);
    });
  }

  /** The state to take once the current call is over; null forgets it. */
  async setNextState(operationName: string | null): Promise<void> {
    await this.run(async () => {
      const next = { ...this.state };
      if (operationName) next.nextState = operationName;
      else delete next.nextState;
      await this.save(next);
    });
  }

  /** Refuses Ready (and any state that is Ready) while a required disposition is missing. */
  checkState(operationName: string, calls: CallsState): void {
    const ready =
      operationName === 'Ready' ||
      calls.agent.agentStates.some((s) => s.operationName === operationName && s.state === 'Ready');
    if (ready && blocksReady(this.state)) throw dispositionRequired();
  }

  /** Going Ready by hand ends the wrap-ups it is allowed to end. */
  async readyChosen(): Promise<void> {
    await this.run(async () => {
      for (const item of [...this.state.pending]) await this.finish(item, false);
    });
  }

  get current(): WrapUpState {
    return this.state;
  }

  /** Resolves when everything queued so far is done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.queue;
  }

  private session(): WrapUpSession {
    return this.options.session();
  }

  private async ended(record: EndedCall): Promise<void> {
    if (this.state.handled.includes(record.call.id)) return;
    await this.save(markHandled(this.state, record.call.id));
    // Monitoring is the supervisor's work on another agent's call: the wrap-up, the
    // disposition and the call log belong to that agent, and it moves no agent state here.
    if (isMonitoringCall(record.call)) return;
    const settings = await loadWrapUpSettingsInForce();
    const session = this.session();
    const live = session.calls.calls.length > 0;
    const wanted = this.state.dispositions.length > 0 || settings.afterCallWork;
    if (record.call.callType === 'Consult' || !wasConnected(record) || !wanted) {
      delete this.state.chosen[record.call.id];
      await this.log(record.call.id, {});
      if (wasConnected(record) && !live) await this.applyNextState(false);
      return;
    }
    const { partyNameKey } = await agentSettings.get().catch(() => agentSettings.defaults());
    const party = otherParty(partyCallOf(record), {
      nameKey: partyNameKey,
      ...(this.options.resolveName ? { resolveName: this.options.resolveName } : {}),
    });
    const written = record.call.userData[this.state.dispositionKey];
    const item: PendingWrapUp = {
      callId: record.call.id,
      number: party.number,
      ...(party.name ? { name: party.name } : {}),
      endedAt: record.endedAt,
      choice: typeof written === 'string' && written ? { code: written } : {},
      acw: settings.afterCallWork && !live,
    };
    const seconds = settings.wrapUpSeconds || this.server.wrapUpSeconds || 0;
    if (item.acw && seconds > 0) item.acwUntil = this.now() + seconds * 1000;
    await this.save(addPending(this.state, item));
    if (item.acw) {
      await setStateAfterCall(
        this.session(),
        'AfterCallWork',
        seconds > 0 ? { wrapUpTime: String(seconds) } : {},
      );
    } else if (!live) await this.applyNextState(false);
    const saved = this.state.pending.find((p) => p.callId === item.callId);
    if (saved) this.arm(saved);
  }

  /** The countdown: when it runs out, a complete wrap-up ends by itself. */
  private arm(item: PendingWrapUp): void {
    if (item.acwUntil === undefined || this.timers.has(item.callId)) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(item.callId);
        this.enqueue(async () => {
          const current = this.state.pending.find((p) => p.callId === item.callId);
          if (current && isComplete(current.choice, this.state)) await this.finish(current);
        });
      },
      Math.max(0, item.acwUntil - this.now()),
    );
    this.timers.set(item.callId, timer);
  }

  /** Ends one wrap-up: history and call log get the choice, then the next agent state. */
  private async finish(item: PendingWrapUp, changeState = true): Promise<void> {
    if (!isComplete(item.choice, this.state)) return;
    const timer = this.timers.get(item.callId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(item.callId);
    await this.save(removePending(this.state, item.callId));
    await this.log(item.callId, item.choice);
    const idle = this.state.pending.length === 0 && this.session().calls.calls.length === 0;
    if (changeState && idle) await this.applyNextState(item.acw);
  }

  /** After a call: the chosen next state, else Ready when the agent was put in ACW. */
  private async applyNextState(fromAfterCallWork: boolean): Promise<void> {
    const next = this.state.nextState ?? (fromAfterCallWork ? 'Ready' : undefined);
    if (!next) return;
    if (this.state.nextState) {
      const rest = { ...this.state };
      delete rest.nextState;
      await this.save(rest);
    }
    await setStateAfterCall(this.session(), next);
  }

  private async log(callId: string, choice: Choice): Promise<void> {
    const history = this.options.history;
    if (choice.code !== undefined || choice.notes !== undefined) {
      await history.update(callId, (e) => ({
        ...e,
        ...(choice.code ? { disposition: choice.code } : {}),
        ...(choice.notes ? { notes: choice.notes } : {}),
      }));
    }
    const entry = await history.entry(callId);
    const username = this.session().view.username;
    if (entry && username) await this.options.callLog.send(entry, username);
  }

  private async clearPending(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.save({ ...this.state, pending: [], chosen: {} });
  }

  private async readServerSettings(): Promise<void> {
    this.server = await readServerWrapUp(this.session());
    await this.refreshCatalogue();
  }

  private async refreshCatalogue(): Promise<void> {
    const catalogue = await catalogueInForce(this.server);
    await this.save({ ...this.state, ...catalogue, server: this.server });
  }

  private async save(state: WrapUpState): Promise<void> {
    const live = new Set(this.session().calls.calls.map((r) => r.call.id));
    this.state = forgetChoices(state, live);
    await browser.storage.session.set({ [WRAP_UP_STATE_KEY]: this.state });
  }

  /** Runs a task in the queue and hands its outcome (or refusal) to the caller. */
  private run(task: () => Promise<void>): Promise<void> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.session().diagnostics.record('error', 'wrap-up failed', String(error));
    });
  }
}
