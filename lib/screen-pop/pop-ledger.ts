import type { PopPlan } from './decide.ts';

/** Enough for hours of calls; a call id older than this never alerts again anyway. */
export const MAX_LEDGER_ENTRIES = 200;

/**
 * `claimed`: written before the tab is touched. A worker that dies between the claim and
 * the navigation leaves a claimed entry, which the next worker settles (see ScreenPop).
 */
export interface LedgerEntry {
  key: string;
  at: number;
  state: 'claimed' | 'done';
  plan: PopPlan;
  tabId?: number;
}

export interface LedgerData {
  version: 1;
  entries: LedgerEntry[];
  lastPopTabId?: number;
}

/** Where the ledger lives (`storage.session` in the extension). */
export interface LedgerStorage {
  read(): Promise<unknown>;
  write(data: LedgerData): Promise<void>;
}

function isEntry(value: unknown): value is LedgerEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Partial<LedgerEntry>;
  return (
    typeof e.key === 'string' &&
    typeof e.at === 'number' &&
    (e.state === 'claimed' || e.state === 'done') &&
    typeof e.plan === 'object' &&
    e.plan !== null
  );
}

/** Reads stored ledger data tolerantly: anything unusable is dropped, never thrown. */
export function parseLedger(raw: unknown): LedgerData {
  if (!raw || typeof raw !== 'object') return { version: 1, entries: [] };
  const r = raw as Partial<LedgerData>;
  const entries = Array.isArray(r.entries) ? r.entries.filter(isEntry) : [];
  const data: LedgerData = { version: 1, entries: entries.slice(-MAX_LEDGER_ENTRIES) };
  if (typeof r.lastPopTabId === 'number') data.lastPopTabId = r.lastPopTabId;
  return data;
}

/**
 * The persisted record of which call and trigger already popped, so that each pops once:
 * across replayed alerts, recovery snapshots and service-worker restarts. Bounded. Callers
 * serialise access (one operation at a time); every change is written before it returns.
 */
export class PopLedger {
  private data: LedgerData = { version: 1, entries: [] };
  private readonly storage: LedgerStorage;
  private readonly now: () => number;
  private readonly onWriteError: (error: unknown) => void;

  /**
   * A failed write is reported, not thrown: the in-memory ledger still keeps this worker to
   * one pop per call and trigger, and a pop is worth more than the record of it.
   */
  constructor(
    storage: LedgerStorage,
    options: { now?: () => number; onWriteError?: (error: unknown) => void } = {},
  ) {
    this.storage = storage;
    this.now = options.now ?? Date.now;
    this.onWriteError = options.onWriteError ?? (() => {});
  }

  async load(): Promise<void> {
    this.data = parseLedger(await this.storage.read());
  }

  has(key: string): boolean {
    return this.data.entries.some((e) => e.key === key);
  }

  get lastPopTabId(): number | undefined {
    return this.data.lastPopTabId;
  }

  /** Claims the plan's key; false when it was claimed before (by this or an earlier worker). */
  async claim(plan: PopPlan): Promise<boolean> {
    if (this.has(plan.key)) return false;
    const entry: LedgerEntry = { key: plan.key, at: this.now(), state: 'claimed', plan };
    await this.save({
      ...this.data,
      entries: [...this.data.entries, entry].slice(-MAX_LEDGER_ENTRIES),
    });
    return true;
  }

  /** The pop reached its tab; that tab is the one to reuse next time. */
  async complete(key: string, tabId: number | undefined): Promise<void> {
    const entries = this.data.entries.map((e) =>
      e.key === key
        ? { ...e, state: 'done' as const, ...(tabId === undefined ? {} : { tabId }) }
        : e,
    );
    const next: LedgerData = { ...this.data, entries };
    if (tabId !== undefined) next.lastPopTabId = tabId;
    await this.save(next);
  }

  /** The previous pop tab is gone: stop trying to reuse it. */
  async forgetPopTab(tabId: number): Promise<void> {
    if (this.data.lastPopTabId !== tabId) return;
    const next: LedgerData = { ...this.data };
    delete next.lastPopTabId;
    await this.save(next);
  }

  /** Claims no worker finished (it died between the claim and the navigation). */
  claimed(): LedgerEntry[] {
    return this.data.entries.filter((e) => e.state === 'claimed');
  }

  private async save(next: LedgerData): Promise<void> {
    this.data = next;
    try {
      await this.storage.write(next);
    } catch (error) {
      this.onWriteError(error);
    }
  }
}
