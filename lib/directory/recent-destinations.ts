/**
 * The destinations an agent used last (dialled, transferred to, conferenced in), newest
 * first, per agent (`user@server`, as the call history), in `storage.local`. Bounded: a few
 * per agent and a few agents per browser profile, so a shared desk never grows it.
 */
import type { DestinationKind, DirectoryEntry } from './types.ts';

export const RECENT_DESTINATIONS_KEY = 'recentDestinations';
export const MAX_RECENT_DESTINATIONS = 10;
export const MAX_RECENT_AGENTS = 20;
const MAX_TEXT = 120;

/** How a destination was used last. */
export type RecentUse = 'dial' | 'transfer' | 'conference';

export interface RecentDestination {
  /** What was dialled, as it was sent. */
  number: string;
  /** The name it was picked under, if it was picked from the directory. */
  name?: string;
  destinationKind?: DestinationKind;
  use: RecentUse;
  at: number;
}

export interface RecentBook {
  agents: Record<string, { entries: RecentDestination[]; touchedAt: number }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntry(value: unknown): RecentDestination | undefined {
  if (!isRecord(value) || typeof value.number !== 'string' || typeof value.at !== 'number')
    return undefined;
  const number = value.number.trim().slice(0, MAX_TEXT);
  if (number === '') return undefined;
  const use = value.use === 'transfer' || value.use === 'conference' ? value.use : 'dial';
  const entry: RecentDestination = { number, use, at: value.at };
  if (typeof value.name === 'string' && value.name.trim() !== '')
    entry.name = value.name.trim().slice(0, MAX_TEXT);
  if (typeof value.destinationKind === 'string')
    entry.destinationKind = value.destinationKind as DestinationKind;
  return entry;
}

/** Whatever is stored → a usable book; unreadable parts are dropped. */
export function decodeRecentBook(raw: unknown): RecentBook {
  if (!isRecord(raw) || !isRecord(raw.agents)) return { agents: {} };
  const agents: RecentBook['agents'] = {};
  for (const [key, value] of Object.entries(raw.agents).slice(0, MAX_RECENT_AGENTS)) {
    if (!isRecord(value) || !Array.isArray(value.entries)) continue;
    agents[key] = {
      entries: value.entries
        .slice(0, MAX_RECENT_DESTINATIONS)
        .map(readEntry)
        .filter((e): e is RecentDestination => e !== undefined),
      touchedAt: typeof value.touchedAt === 'number' ? value.touchedAt : 0,
    };
  }
  return { agents };
}

export function recentOf(book: RecentBook, agent: string): RecentDestination[] {
  return Object.hasOwn(book.agents, agent) ? (book.agents[agent]?.entries ?? []) : [];
}

/**
 * Puts `destination` first for `agent` (once: the same number used again moves up), keeps
 * MAX_RECENT_DESTINATIONS, and drops the least recently active agent beyond MAX_RECENT_AGENTS.
 */
export function addRecent(
  book: RecentBook,
  agent: string,
  destination: RecentDestination,
): RecentBook {
  const entry = readEntry(destination);
  if (!entry || agent === '') return book;
  const entries = [entry, ...recentOf(book, agent).filter((e) => e.number !== entry.number)];
  const agents = {
    ...book.agents,
    [agent]: { entries: entries.slice(0, MAX_RECENT_DESTINATIONS), touchedAt: entry.at },
  };
  const keys = Object.keys(agents);
  if (keys.length > MAX_RECENT_AGENTS) {
    const oldest = keys
      .filter((k) => k !== agent)
      .sort((a, b) => (agents[a]?.touchedAt ?? 0) - (agents[b]?.touchedAt ?? 0))[0];
    if (oldest !== undefined) delete agents[oldest];
  }
  return { agents };
}

/** The book without `agent` (sign-out with `clearHistoryOnSignOut`). */
export function clearRecent(book: RecentBook, agent: string): RecentBook {
  if (!Object.hasOwn(book.agents, agent)) return book;
  const agents = { ...book.agents };
  delete agents[agent];
  return { agents };
}

/**
 * Where the popup kept the numbers dialled before recent destinations existed: one list per
 * browser profile, newest first, as the text that was dialled.
 */
export const LEGACY_RECENT_NUMBERS_KEY = 'recentNumbers';

/**
 * The book with the old per-profile list (`LEGACY_RECENT_NUMBERS_KEY`) handed to `agent`, the
 * first agent who signs in after the update (the list never said whose it was): its numbers go
 * after the agent's own entries, oldest last, as dials, within MAX_RECENT_DESTINATIONS.
 * Unreadable items are dropped; a list with nothing usable leaves the book as it is.
 */
export function adoptLegacyNumbers(
  book: RecentBook,
  agent: string,
  legacy: unknown,
  now: number,
): RecentBook {
  if (agent === '' || !Array.isArray(legacy)) return book;
  const own = recentOf(book, agent);
  const entries = [...own];
  // The old list held at most 10; a longer one was not written by it, and is read no further.
  for (const item of legacy.slice(0, 100)) {
    if (entries.length >= MAX_RECENT_DESTINATIONS) break;
    if (typeof item !== 'string') continue;
    const number = item.trim().slice(0, MAX_TEXT);
    if (number === '' || entries.some((e) => e.number === number)) continue;
    // Older than anything the agent did since: they were dialled before the update.
    entries.push({ number, use: 'dial', at: 0 });
  }
  if (entries.length === own.length) return book;
  const touchedAt = Math.max(book.agents[agent]?.touchedAt ?? 0, now);
  let next: RecentBook = {
    agents: {
      ...book.agents,
      [agent]: { entries, touchedAt },
    },
  };
  // Adding this agent may take the book over its agent bound: the oldest other one goes.
  const others = Object.keys(next.agents).filter((k) => k !== agent);
  if (others.length >= MAX_RECENT_AGENTS) {
    const oldest = others.sort(
      (a, b) => (next.agents[a]?.touchedAt ?? 0) - (next.agents[b]?.touchedAt ?? 0),
    )[0];
    if (oldest !== undefined) next = clearRecent(next, oldest);
  }
  return next;
}

/** Recent destinations as picker entries. */
export function recentDirectoryEntries(entries: readonly RecentDestination[]): DirectoryEntry[] {
  return entries.map((e) => ({
    kind: 'recent',
    name: e.name ?? e.number,
    number: e.number,
    destinationKind: e.destinationKind ?? 'other',
  }));
}
