/**
 * Type-to-filter over directory entries: by name (case and accents ignored), by number or DN
 * (digits only, so "+1 (555) 010" finds 1555010…), and by speed-dial code. Every comparison
 * is a plain substring test on bounded strings: the cost is linear in the number of entries,
 * whatever is typed (no patterns built from input).
 */
import type { DirectoryEntry, EntryKind } from './types.ts';

/** The picker's groups, in the order they are shown. */
export const GROUP_ORDER: readonly EntryKind[] = ['speed-dial', 'favourite', 'recent', 'agent'];
/** What is typed beyond this is not searched (a destination is never that long). */
export const MAX_QUERY_LENGTH = 64;
/** Lines per group; a large agent list is narrowed by typing, not scrolled. */
export const DEFAULT_GROUP_LIMIT = 8;

/** Lower case, accents and other combining marks removed, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .slice(0, 200)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function digitsOf(text: string): string {
  return text.slice(0, 200).replace(/[^0-9]/g, '');
}

export interface DirectoryMatch {
  entry: DirectoryEntry;
  /** 0 is best: code, name start, word start, number start, name inside, number inside. */
  rank: number;
}

interface Query {
  words: string[];
  digits: string;
  /** What was typed, trimmed, for code comparison. */
  raw: string;
}

function readQuery(typed: string): Query {
  const raw = typed.slice(0, MAX_QUERY_LENGTH).trim();
  const folded = foldText(raw);
  return { raw, words: folded === '' ? [] : folded.split(' '), digits: digitsOf(raw) };
}

function nameRank(name: string, words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  const folded = foldText(name);
  let worst = 0;
  for (const word of words) {
    let rank: number;
    if (folded.startsWith(word)) rank = 1;
    else if (folded.includes(` ${word}`)) rank = 2;
    else if (folded.includes(word)) rank = 4;
    else return undefined;
    worst = Math.max(worst, rank);
  }
  return worst;
}

function numberRank(entry: DirectoryEntry, digits: string): number | undefined {
  if (digits === '') return undefined;
  let best: number | undefined;
  for (const number of [entry.number, entry.agent?.dn]) {
    if (!number) continue;
    const own = digitsOf(number);
    const rank = own.startsWith(digits) ? 3 : own.includes(digits) ? 5 : undefined;
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** How well `entry` matches what was typed; undefined when it does not. */
export function matchRank(entry: DirectoryEntry, typed: string): number | undefined {
  return rankWith(entry, readQuery(typed));
}

function rankWith(entry: DirectoryEntry, query: Query): number | undefined {
  if (query.raw === '') return 6;
  if (entry.code !== undefined && entry.code === query.raw) return 0;
  const byName = nameRank(entry.name, query.words);
  // A query of digits and marks only ("7002", "+1 555") is a number; words are names.
  const byNumber = /^[0-9+\s().-]+$/.test(query.raw) ? numberRank(entry, query.digits) : undefined;
  if (byName === undefined) return byNumber;
  if (byNumber === undefined) return byName;
  return Math.min(byName, byNumber);
}

export interface SearchOptions {
  /** Only these groups (a supervisor's monitoring form wants agents only). */
  kinds?: readonly EntryKind[];
  limitPerGroup?: number;
}

/**
 * The entries matching `typed`, grouped in GROUP_ORDER, best first within each group (ties
 * keep the order given), at most `limitPerGroup` per group.
 */
export function searchDirectory(
  entries: readonly DirectoryEntry[],
  typed: string,
  options: SearchOptions = {},
): DirectoryMatch[] {
  const limit = options.limitPerGroup ?? DEFAULT_GROUP_LIMIT;
  const kinds = options.kinds ?? GROUP_ORDER;
  const query = readQuery(typed);
  const out: DirectoryMatch[] = [];
  for (const kind of GROUP_ORDER) {
    if (!kinds.includes(kind)) continue;
    const group: DirectoryMatch[] = [];
    entries.forEach((entry) => {
      if (entry.kind !== kind) return;
      const rank = rankWith(entry, query);
      if (rank !== undefined) group.push({ entry, rank });
    });
    // Array.prototype.sort is stable: equal ranks keep the order they were given in.
    group.sort((a, b) => a.rank - b.rank);
    out.push(...group.slice(0, limit));
  }
  return out;
}
