import browser from 'webextension-polyfill';
import { isMonitoringCall, type CallsView, type PartyNameResolver } from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { ViewState } from '../messaging/view-state.ts';
import {
  CALL_HISTORY_KEY,
  addEntries,
  agentKey,
  clearAgent,
  decodeBook,
  hasEntry,
  historyOf,
  markSeen,
  unseenMissed,
  updateEntry,
  type CallHistoryBook,
} from '../history/call-history-book.ts';
import { historyEntryFrom, type HistoryEntry } from '../history/history-entry.ts';
import { loadWrapUpSettingsInForce } from '../settings/wrap-up-settings.ts';
import { agentSettings } from '../settings/agent-settings.ts';

export interface CallHistoryOptions {
  diagnostics: () => Pick<DiagnosticsLog, 'record'>;
  /** The number of missed calls not seen yet, after every change (the toolbar badge). */
  onMissed?: (count: number) => void;
  now?: () => number;
  /** Names internal parties (the directory). */
  resolveName?: PartyNameResolver;
}

/**
 * Records every call that ends into the signed-in agent's history in `storage.local`, from
 * the call store's `ended` list. That list is persisted with the store and replayed after a
 * worker restart (and recovery ends calls that went while the worker was down), so a call is
 * recorded whether or not a view was open; an entry already there is never added twice.
 */
export class CallHistory {
  private readonly options: CallHistoryOptions;
  private readonly now: () => number;
  private queue: Promise<void> = Promise.resolve();
  /** Ended calls this worker already handed to the queue. */
  private readonly considered = new Set<string>();
  private agent: string | undefined;
  private lastMissed: number | undefined;

  constructor(options: CallHistoryOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Every change of the session's view. */
  onChange(view: ViewState): void {
    const agent =
      view.username && view.serverUrl ? agentKey(view.username, view.serverUrl) : undefined;
    if (agent !== this.agent) {
      const previous = this.agent;
      this.agent = agent;
      if (previous && view.calls.connection.kind === 'loggedOut') {
        this.enqueue(() => this.signedOut(previous));
      }
      this.enqueue(() => this.refreshBadge());
    }
    if (agent) this.record(agent, view.calls);
  }

  /** The agent opened the history: missed calls stop counting on the badge. */
  seen(): Promise<void> {
    const agent = this.agent;
    if (!agent) return Promise.resolve();
    return this.change((book) => markSeen(book, agent, this.now()));
  }

  /** The entry of a call in the signed-in agent's history. */
  async entry(callId: string): Promise<HistoryEntry | undefined> {
    await this.queue;
    if (!this.agent) return undefined;
    return historyOf(await this.load(), this.agent).entries.find((e) => e.callId === callId);
  }

  /** Changes one entry of the signed-in agent (disposition and notes chosen in wrap-up). */
  update(callId: string, change: (entry: HistoryEntry) => HistoryEntry): Promise<void> {
    const agent = this.agent;
    if (!agent) return Promise.resolve();
    return this.change((book) => updateEntry(book, agent, callId, change, this.now()));
  }

  /** Resolves when everything queued so far is done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.queue;
  }

  private record(agent: string, state: CallsView): void {
    const fresh = state.ended.filter((r) => !this.considered.has(r.call.id));
    if (fresh.length === 0) return;
    for (const r of fresh) this.considered.add(r.call.id);
    // Bounded like the store's ended list it mirrors.
    if (this.considered.size > 500) {
      const keep = new Set(state.ended.map((r) => r.call.id));
      for (const id of this.considered) if (!keep.has(id)) this.considered.delete(id);
    }
    this.enqueue(async () => {
      const settings = await loadWrapUpSettingsInForce();
      const { partyNameKey } = await agentSettings.get().catch(() => agentSettings.defaults());
      const options = {
        keys: settings.historyKeys,
        dispositionKey: settings.dispositionKey,
        ...(partyNameKey ? { nameKey: partyNameKey } : {}),
        ...(this.options.resolveName ? { resolveName: this.options.resolveName } : {}),
      };
      await this.apply((book) => {
        // A supervisor's monitoring call is another agent's call with their customer: no
        // call back, no CRM page, never missed; it is not part of this agent's history.
        const entries = fresh
          .filter((r) => !isMonitoringCall(r.call) && !hasEntry(book, agent, r.call.id))
          .map((r) => historyEntryFrom(r, options));
        return addEntries(book, agent, entries, this.now());
      });
    });
  }

  private async signedOut(agent: string): Promise<void> {
    const settings = await loadWrapUpSettingsInForce();
    if (!settings.clearHistoryOnSignOut) return;
    await this.apply((book) => clearAgent(book, agent), false);
    this.options.diagnostics().record('session', 'call history cleared at sign-out');
  }

  private async load(): Promise<CallHistoryBook> {
    return decodeBook((await browser.storage.local.get(CALL_HISTORY_KEY))[CALL_HISTORY_KEY]);
  }

  /** A change of the book, queued behind every other one. */
  private change(edit: (book: CallHistoryBook) => CallHistoryBook): Promise<void> {
    this.enqueue(() => this.apply(edit));
    return this.queue;
  }

  /** Read-modify-write of the book, then the badge; runs only from the queue. */
  private async apply(
    edit: (book: CallHistoryBook) => CallHistoryBook,
    badge = true,
  ): Promise<void> {
    const book = await this.load();
    const next = edit(book);
    if (next !== book) await browser.storage.local.set({ [CALL_HISTORY_KEY]: next });
    if (badge) this.paintMissed(next);
  }

  private async refreshBadge(): Promise<void> {
    this.paintMissed(await this.load());
  }

  private paintMissed(book: CallHistoryBook): void {
    const missed = this.agent ? unseenMissed(historyOf(book, this.agent)) : 0;
    if (missed === this.lastMissed) return;
    this.lastMissed = missed;
    this.options.onMissed?.(missed);
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.options.diagnostics().record('error', 'call history not saved', String(error));
    });
  }
}
