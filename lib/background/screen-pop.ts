import browser from 'webextension-polyfill';
import {
  isMonitoringCall,
  type CallAlert,
  type CallRecord,
  type CallsState,
} from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { enrichNumber } from '../phone/enrich.ts';
import { decidePop, type PopPlan } from '../screen-pop/decide.ts';
import { PopLedger, type LedgerData } from '../screen-pop/pop-ledger.ts';
import { popCallFromAlert, popCallFromRecord } from '../screen-pop/pop-call.ts';
import { decideTab, type TabInfo } from '../screen-pop/tab-strategy.ts';
import { checkPopUrl } from '../screen-pop/url-safety.ts';
import type { EnrichNumber, PopCall, PopTrigger } from '../screen-pop/types.ts';
import { loadScreenPopSettingsInForce } from '../settings/managed-screen-pop.ts';
import { TaskQueue } from './task-queue.ts';

/** `storage.session` key of the pop bookkeeping (memory only, gone with the browser). */
export const POP_LEDGER_KEY = 'screenPopLedger';
/** A claim a dead worker left is finished only while its call can still matter. */
const CLAIM_SETTLE_MAX_AGE_MS = 60_000;

/** What the screen-pop reads from the session: its call store and its diagnostics log. */
export interface ScreenPopSession {
  /** The live call store (the full call behind an alert: connId, callUuid, history). */
  readonly calls: CallsState;
  readonly diagnostics: Pick<DiagnosticsLog, 'record'>;
}

/** What the last pop did, for diagnostics and tests. */
export interface PopOutcome {
  plan: PopPlan;
  tabId?: number;
  how: 'matching-tab' | 'pop-tab' | 'new-tab' | 'new-window' | 'already-open';
  at: number;
}

function reachedEstablished(record: CallRecord): boolean {
  return (
    record.call.state === 'Established' || record.history.some((s) => s.state === 'Established')
  );
}

/**
 * Opens the CRM page for a call: once per call and trigger (Ringing from the session's
 * alerts, Established from its state changes), in the tab the matching rule asks for. All
 * work runs one item at a time, so two triggers never race for the same tab or ledger entry.
 */
export class ScreenPop {
  private readonly session: () => ScreenPopSession;
  private readonly enrich: EnrichNumber;
  private readonly ledger: PopLedger;
  private readonly queue = new TaskQueue((error) => {
    this.record('error', 'screen-pop failed', String(error));
  });
  private started = false;
  /** Calls this worker already considered for the Established trigger. */
  private readonly establishedSeen = new Set<string>();
  /** The most recent pops, newest last (bounded). */
  readonly outcomes: PopOutcome[] = [];

  constructor(session: () => ScreenPopSession, enrich: EnrichNumber = enrichNumber) {
    this.session = session;
    this.enrich = enrich;
    this.ledger = new PopLedger(
      {
        read: async () => (await browser.storage.session.get(POP_LEDGER_KEY))[POP_LEDGER_KEY],
        write: (data: LedgerData) => browser.storage.session.set({ [POP_LEDGER_KEY]: data }),
      },
      { onWriteError: (error) => this.record('error', 'screen-pop: ledger not saved', error) },
    );
  }

  /** Loads the bookkeeping and finishes pops a stopped worker had begun. Idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.enqueue(async () => {
      await this.ledger.load();
      await this.settleClaims();
    });
  }

  /** The session's new incoming-call alerts: each is a Ringing moment. */
  onAlerts(alerts: CallAlert[]): void {
    const state = this.session().calls;
    for (const alert of alerts) {
      const record = state.calls.find((r) => r.call.id === alert.callId);
      // A supervisor's monitoring call is another agent's customer: never popped here.
      if (record && isMonitoringCall(record.call)) continue;
      // Read now: by the time the queue gets to it the call may be answered already.
      const call: PopCall = record
        ? { ...popCallFromRecord(record), state: 'Ringing' }
        : popCallFromAlert(alert);
      this.enqueue(() => this.consider(call, 'ringing'));
    }
  }

  /** Every store change: calls that reached Established are considered once per worker. */
  onChange(state: CallsState): void {
    const live = new Set<string>();
    for (const record of state.calls) {
      live.add(record.call.id);
      if (this.establishedSeen.has(record.call.id) || !reachedEstablished(record)) continue;
      if (isMonitoringCall(record.call)) continue;
      this.establishedSeen.add(record.call.id);
      const call = popCallFromRecord(record);
      this.enqueue(() => this.consider(call, 'established'));
    }
    for (const id of this.establishedSeen) if (!live.has(id)) this.establishedSeen.delete(id);
  }

  /**
   * "Pop the CRM page again" from the call history: the first matching rule opens its page
   * whatever its trigger, although the call popped before. False when no rule matches.
   */
  async popAgain(call: PopCall): Promise<boolean> {
    let opened = false;
    this.enqueue(async () => {
      const settings = await loadScreenPopSettingsInForce();
      for (const trigger of ['ringing', 'established'] as const) {
        const decision = decidePop({
          ruleSet: settings,
          call,
          trigger,
          alreadyPopped: () => false,
          enrich: this.enrich,
        });
        if (decision.kind !== 'pop') continue;
        await this.open(decision.plan);
        opened = true;
        return;
      }
    });
    await this.queue.idle();
    return opened;
  }

  /** Resolves when everything queued so far is done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private enqueue(task: () => Promise<void>): void {
    if (!this.started) this.start();
    this.queue.push(task);
  }

  private async consider(call: PopCall, trigger: PopTrigger): Promise<void> {
    // Ended while waiting its turn (a burst of short calls): its page would come too late,
    // and skipping it before any storage read lets a backlog drain at once.
    if (!this.session().calls.calls.some((r) => r.call.id === call.id)) return;
    // Read per decision (one storage read): a change saved a moment ago always applies.
    const settings = await loadScreenPopSettingsInForce();
    const decision = decidePop({
      ruleSet: settings,
      call,
      trigger,
      alreadyPopped: (key) => this.ledger.has(key),
      enrich: this.enrich,
    });
    if (decision.kind === 'skip') {
      if (decision.ruleId !== undefined || decision.reason.startsWith('unsafe')) {
        this.record('session', `screen-pop skipped (${trigger}): ${decision.reason}`, {
          callId: call.id,
          ruleId: decision.ruleId,
        });
      }
      return;
    }
    if (!(await this.ledger.claim(decision.plan))) return;
    await this.open(decision.plan);
  }

  /** Navigates or opens the tab, then marks the claim done. */
  private async open(plan: PopPlan): Promise<void> {
    // Checked again at the last moment: nothing but http(s) is ever handed to the tabs API.
    const checked = checkPopUrl(plan.url);
    if (!checked.ok) {
      this.record('error', `screen-pop refused: ${checked.reason}`, { callId: plan.callId });
      await this.ledger.complete(plan.key, undefined);
      return;
    }
    const url = checked.url;
    const tabs = (await browser.tabs.query({})) as TabInfo[];
    const action = decideTab(tabs, plan.tab, url, this.ledger.lastPopTabId);
    let outcome: Omit<PopOutcome, 'plan' | 'at'> | undefined;
    if (action.kind === 'navigate') {
      try {
        await browser.tabs.update(
          action.tabId,
          action.sameUrl ? { active: true } : { url, active: true },
        );
        if (action.windowId !== undefined) await this.focusWindow(action.windowId);
        outcome = { tabId: action.tabId, how: action.reason };
      } catch (error) {
        // The tab closed between the query and the update: fall through to a new tab.
        this.record('session', 'screen-pop: tab gone, opening a new one', String(error));
        await this.ledger.forgetPopTab(action.tabId);
      }
    }
    outcome ??= await this.create(url, action.kind === 'create' && action.newWindow);
    await this.ledger.complete(plan.key, outcome.tabId);
    this.outcomes.push({ ...outcome, plan, at: Date.now() });
    if (this.outcomes.length > 20) this.outcomes.shift();
    this.record('session', `screen-pop (${plan.trigger}) via ${outcome.how}`, {
      callId: plan.callId,
      ruleId: plan.ruleId,
    });
  }

  private async create(url: string, newWindow: boolean): Promise<Omit<PopOutcome, 'plan' | 'at'>> {
    if (newWindow) {
      const window = await browser.windows.create({ url, focused: true });
      const tabId = window.tabs?.[0]?.id;
      return { ...(tabId === undefined ? {} : { tabId }), how: 'new-window' };
    }
    const tab = await browser.tabs.create({ url, active: true });
    if (tab.windowId !== undefined) await this.focusWindow(tab.windowId);
    return { ...(tab.id === undefined ? {} : { tabId: tab.id }), how: 'new-tab' };
  }

  private async focusWindow(windowId: number): Promise<void> {
    try {
      await browser.windows.update(windowId, { focused: true });
    } catch (error) {
      // Focus is a courtesy (some window managers refuse it); the page is already open.
      this.record('session', 'screen-pop: could not focus the window', String(error));
    }
  }

  /**
   * A worker stopped between claiming a pop and finishing it: the tab may or may not have
   * been navigated. A tab already showing the URL means it was; otherwise it is done now.
   * Either way the pop happens exactly once.
   */
  private async settleClaims(): Promise<void> {
    const claims = this.ledger.claimed();
    if (claims.length === 0) return;
    const tabs = (await browser.tabs.query({})) as TabInfo[];
    for (const claim of claims) {
      const shown = tabs.find((t) => t.url === claim.plan.url || t.pendingUrl === claim.plan.url);
      if (shown || Date.now() - claim.at > CLAIM_SETTLE_MAX_AGE_MS) {
        await this.ledger.complete(claim.key, shown?.id);
        if (shown?.id !== undefined) {
          this.outcomes.push({
            plan: claim.plan,
            tabId: shown.id,
            how: 'already-open',
            at: Date.now(),
          });
        }
      } else {
        await this.open(claim.plan);
      }
    }
  }

  private record(kind: 'session' | 'error', summary: string, detail?: unknown): void {
    this.session().diagnostics.record(kind, summary, detail);
  }
}
