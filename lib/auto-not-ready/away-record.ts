import type { AwayCause } from './decide.ts';

/**
 * What the popup says about a Not Ready the extension set by itself ("Not Ready — workstation
 * locked at 14:02"), kept in `storage.session` by the background until the agent's state
 * changes again.
 */
export interface AwayRecord {
  cause: AwayCause;
  /** When the agent was made Not Ready (ms since the epoch). */
  at: number;
  /** The userState it produced, once GWS reported it; a different one ends the record. */
  stateKey?: string;
}

export const AWAY_RECORD_KEY = 'awayNotReady';

/** Reads what storage holds, or undefined for anything that is not a record. */
export function decodeAwayRecord(raw: unknown): AwayRecord | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if ((r.cause !== 'locked' && r.cause !== 'idle') || typeof r.at !== 'number') return undefined;
  return typeof r.stateKey === 'string'
    ? { cause: r.cause, at: r.at, stateKey: r.stateKey }
    : { cause: r.cause, at: r.at };
}
