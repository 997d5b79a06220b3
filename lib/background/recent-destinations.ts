import browser from 'webextension-polyfill';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import type { ViewState } from '../messaging/view-state.ts';
import type { SessionOperation } from '../session/operations.ts';
import { destinationOf } from '../gws/call-operations.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { agentKey } from '../history/call-history-book.ts';
import {
  addRecent,
  adoptLegacyNumbers,
  clearRecent,
  decodeRecentBook,
  LEGACY_RECENT_NUMBERS_KEY,
  RECENT_DESTINATIONS_KEY,
  type RecentBook,
  type RecentUse,
} from '../directory/recent-destinations.ts';
import { loadWrapUpSettingsInForce } from '../settings/wrap-up-settings.ts';
import { TaskQueue } from './task-queue.ts';

export interface RecentDestinationsOptions {
  diagnostics: () => Pick<DiagnosticsLog, 'record'>;
  now?: () => number;
}

/**
 * The destination an operation used, as the agent gave it (before the dial plan): a new call,
 * or the number a call is transferred or conferenced to. Forwarding and monitoring are not
 * destinations the agent would pick again from the directory.
 */
export function recentUseOf(
  operation: SessionOperation,
): { number: string; use: RecentUse } | undefined {
  if (operation.kind === 'dial') return { number: operation.phoneNumber, use: 'dial' };
  // The call-operation table says which operations carry a destination, and what kind.
  return operation.kind === 'call' ? destinationOf(operation.request) : undefined;
}

/**
 * Records the destinations the agent used, in the background, for every path that dials,
 * transfers or conferences (popup, CRM page, context menu, history, shortcuts): whatever view
 * asked, the session tells this one when GWS accepted it. One writer of the book in
 * `storage.local`, one change at a time, so two quick dials never overwrite each other. At the
 * first sign-in after the update, the popup's old list of numbers dialled becomes that
 * agent's; at sign-out the agent's entries go when policy clears the history.
 */
export class RecentDestinations {
  private readonly options: RecentDestinationsOptions;
  private readonly now: () => number;
  private readonly queue: TaskQueue;
  private signedInAs = '';

  constructor(options: RecentDestinationsOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.queue = new TaskQueue((error) =>
      options.diagnostics().record('error', 'recent destinations', serializeError(error)),
    );
  }

  /** Every change of the session's view: who is signed in. */
  onChange(view: ViewState): void {
    const agent = view.username && view.serverUrl ? agentKey(view.username, view.serverUrl) : '';
    if (agent === this.signedInAs) return;
    const previous = this.signedInAs;
    this.signedInAs = agent;
    if (view.calls.connection.kind === 'loggedOut' && previous) this.signedOut(previous);
    if (agent !== '') this.adoptLegacy(agent);
  }

  /** An operation GWS accepted, as the agent asked for it (`view` says who). */
  accepted(view: Pick<ViewState, 'username' | 'serverUrl'>, operation: SessionOperation): void {
    const used = recentUseOf(operation);
    if (!used || !view.username || !view.serverUrl) return;
    const agent = agentKey(view.username, view.serverUrl);
    const at = this.now();
    this.change((book) => addRecent(book, agent, { ...used, at }));
  }

  /** Resolves once every change asked for so far is stored. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private adoptLegacy(agent: string): void {
    this.queue.push(async () => {
      const got = await browser.storage.local.get([
        RECENT_DESTINATIONS_KEY,
        LEGACY_RECENT_NUMBERS_KEY,
      ]);
      if (!Object.hasOwn(got, LEGACY_RECENT_NUMBERS_KEY)) return;
      const book = decodeRecentBook(got[RECENT_DESTINATIONS_KEY]);
      const next = adoptLegacyNumbers(book, agent, got[LEGACY_RECENT_NUMBERS_KEY], this.now());
      if (next !== book) await browser.storage.local.set({ [RECENT_DESTINATIONS_KEY]: next });
      // Written first, removed after: a worker stopped in between adopts the same list again,
      // which changes nothing (each number is kept once).
      await browser.storage.local.remove(LEGACY_RECENT_NUMBERS_KEY);
    });
  }

  private signedOut(agent: string): void {
    this.queue.push(async () => {
      const { clearHistoryOnSignOut } = await loadWrapUpSettingsInForce();
      if (clearHistoryOnSignOut) await this.write((book) => clearRecent(book, agent));
    });
  }

  private change(update: (book: RecentBook) => RecentBook): void {
    this.queue.push(() => this.write(update));
  }

  private async write(update: (book: RecentBook) => RecentBook): Promise<void> {
    const stored = (await browser.storage.local.get(RECENT_DESTINATIONS_KEY))[
      RECENT_DESTINATIONS_KEY
    ];
    const book = decodeRecentBook(stored);
    const next = update(book);
    if (next !== book) await browser.storage.local.set({ [RECENT_DESTINATIONS_KEY]: next });
  }
}
