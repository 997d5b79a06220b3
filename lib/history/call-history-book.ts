import type { HistoryEntry } from './history-entry.ts';

/** `storage.local` key of the call history of every agent of this browser profile. */
export const CALL_HISTORY_KEY = 'callHistory';
/** Entries kept per agent, newest first. */
export const MAX_HISTORY_ENTRIES = 200;
/** Agents kept per profile (a shared desk); the least recently active goes first. */
export const MAX_HISTORY_AGENTS = 20;

export interface AgentHistory {
  /** Newest first. */
  entries: HistoryEntry[];
  /** Missed calls that ended after this were not seen yet (the badge counts them). */
  seenAt: number;
  /** Last change, for dropping the least recently active agent. */
  touchedAt: number;
}

/** Every agent's history, keyed by `user@server` (agentKey). */
export interface CallHistoryBook {
  agents: Record<string, AgentHistory>;
}

export function emptyBook(): CallHistoryBook {
  return { agents: {} };
}

/** Whose history a session writes to: the same user on another server is someone else. */
export function agentKey(username: string, serverUrl: string): string {
  return `${username}@${serverUrl}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntry(value: unknown): value is HistoryEntry {
  return (
    isRecord(value) &&
    typeof value.callId === 'string' &&
    typeof value.number === 'string' &&
    typeof value.endedAt === 'number' &&
    typeof value.missed === 'boolean' &&
    isRecord(value.userData) &&
    isRecord(value.pop)
  );
}

/** Whatever is stored → a usable book; unreadable parts are dropped, never thrown on. */
export function decodeBook(raw: unknown): CallHistoryBook {
  if (!isRecord(raw) || !isRecord(raw.agents)) return emptyBook();
  const agents: Record<string, AgentHistory> = {};
  for (const [key, value] of Object.entries(raw.agents)) {
    if (!isRecord(value) || !Array.isArray(value.entries)) continue;
    agents[key] = {
      entries: value.entries.filter(isEntry).slice(0, MAX_HISTORY_ENTRIES),
      seenAt: typeof value.seenAt === 'number' ? value.seenAt : 0,
      touchedAt: typeof value.touchedAt === 'number' ? value.touchedAt : 0,
    };
  }
  return { agents };
}

export function historyOf(book: CallHistoryBook, agent: string): AgentHistory {
  return (
    (Object.hasOwn(book.agents, agent) ? book.agents[agent] : undefined) ?? {
      entries: [],
      seenAt: 0,
      touchedAt: 0,
    }
  );
}

function withAgent(book: CallHistoryBook, agent: string, history: AgentHistory): CallHistoryBook {
  const agents = { ...book.agents, [agent]: history };
  const keys = Object.keys(agents);
  if (keys.length > MAX_HISTORY_AGENTS) {
    const oldest = keys
      .filter((k) => k !== agent)
      .sort((a, b) => agents[a]!.touchedAt - agents[b]!.touchedAt)[0];
    if (oldest !== undefined) delete agents[oldest];
  }
  return { agents };
}

/**
 * Adds entries (newest first after sorting by end time). An entry whose call is already
 * there replaces it, so recording the same ended call twice (a worker restart replaying the
 * store) never duplicates it.
 */
export function addEntries(
  book: CallHistoryBook,
  agent: string,
  entries: readonly HistoryEntry[],
  now: number,
): CallHistoryBook {
  if (entries.length === 0) return book;
  const current = historyOf(book, agent);
  const fresh = new Set(entries.map((e) => e.callId));
  const merged = [...entries, ...current.entries.filter((e) => !fresh.has(e.callId))]
    .sort((a, b) => b.endedAt - a.endedAt)
    .slice(0, MAX_HISTORY_ENTRIES);
  return withAgent(book, agent, { ...current, entries: merged, touchedAt: now });
}

/** Changes one entry (disposition, notes chosen in wrap-up); unknown ids change nothing. */
export function updateEntry(
  book: CallHistoryBook,
  agent: string,
  callId: string,
  change: (entry: HistoryEntry) => HistoryEntry,
  now: number,
): CallHistoryBook {
  const current = historyOf(book, agent);
  if (!current.entries.some((e) => e.callId === callId)) return book;
  const entries = current.entries.map((e) => (e.callId === callId ? change(e) : e));
  return withAgent(book, agent, { ...current, entries, touchedAt: now });
}

/** The agent looked at the history: missed calls so far stop counting on the badge. */
export function markSeen(book: CallHistoryBook, agent: string, now: number): CallHistoryBook {
  const current = historyOf(book, agent);
  return withAgent(book, agent, {
    ...current,
    seenAt: Math.max(now, current.seenAt),
    touchedAt: now,
  });
}

/** Missed calls the agent has not seen yet. */
export function unseenMissed(history: AgentHistory): number {
  return history.entries.filter((e) => e.missed && e.endedAt > history.seenAt).length;
}

export function hasEntry(book: CallHistoryBook, agent: string, callId: string): boolean {
  return historyOf(book, agent).entries.some((e) => e.callId === callId);
}

/** Forgets one agent's history (sign-out of a shared profile, when policy says so). */
export function clearAgent(book: CallHistoryBook, agent: string): CallHistoryBook {
  if (!Object.hasOwn(book.agents, agent)) return book;
  const agents = { ...book.agents };
  delete agents[agent];
  return { agents };
}
