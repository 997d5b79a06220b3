import { otherParty, partyCallOf, type EndedCall, type PartyNameResolver } from '../calls/index.ts';
import { directionOf, popCallFromRecord } from '../screen-pop/pop-call.ts';
import type { PopCall } from '../screen-pop/types.ts';
import { callTimes } from './call-times.ts';

/** Attached-data values kept per history entry are cut to this length. */
export const MAX_KEPT_VALUE_LENGTH = 500;
/** At most this many attached-data keys are kept per entry. */
export const MAX_KEPT_KEYS = 20;

/** One finished call in the agent's history. Plain JSON: it lives in `storage.local`. */
export interface HistoryEntry {
  callId: string;
  /** GWS call type: Inbound, Outbound, Internal, Consult (or what the server sent). */
  callType: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  name?: string;
  startedAt: number;
  endedAt: number;
  answeredAt?: number;
  ringMs: number;
  talkMs: number;
  holdMs: number;
  totalMs: number;
  /** Rang here and ended without being answered. */
  missed: boolean;
  disposition?: string;
  notes?: string;
  /** The attached-data keys the administrator chose to keep, as text. */
  userData: Record<string, string>;
  /** What the screen-pop needs to open the CRM page again (chosen keys only). */
  pop: PopCall;
}

export interface EntryOptions {
  /** Attached-data keys kept in the history (and given to "pop again"). */
  keys: readonly string[];
  /** Attached-data key the caller's name is read from (the agent's party-name setting). */
  nameKey?: string;
  /** Names a party attached data does not (the directory: an agent's DN). */
  resolveName?: PartyNameResolver;
  /** Attached-data key the disposition code is written to. */
  dispositionKey: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_KEPT_VALUE_LENGTH);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The chosen keys of the attached data, as bounded text. */
export function keptUserData(
  userData: Record<string, unknown>,
  keys: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys.slice(0, MAX_KEPT_KEYS)) {
    if (!Object.hasOwn(userData, key)) continue;
    const value = text(userData[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * A missed call rang here and never connected. A call that rang and was then transferred or
 * picked up elsewhere before anyone here answered reads as missed too: the agent did not take it.
 */
export function isMissed(record: EndedCall): boolean {
  const rang = record.history.some((s) => s.state === 'Ringing');
  const connected = record.history.some((s) => s.state === 'Established' || s.state === 'Held');
  return rang && !connected;
}

/** The history entry of an ended call. */
export function historyEntryFrom(record: EndedCall, options: EntryOptions): HistoryEntry {
  const call = record.call;
  const direction = directionOf(record);
  const party = otherParty(partyCallOf(record), {
    ...(options.nameKey ? { nameKey: options.nameKey } : {}),
    ...(options.resolveName ? { resolveName: options.resolveName } : {}),
  });
  const times = callTimes(record, record.endedAt);
  const userData = keptUserData(call.userData, options.keys);
  const disposition = text(call.userData[options.dispositionKey]);
  const pop = popCallFromRecord(record);
  return {
    callId: call.id,
    callType: call.callType,
    direction,
    // The number as the agent dialled it: "Call back" runs it through the dial plan again.
    number: party.number,
    ...(party.name ? { name: party.name } : {}),
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    ...(times.answeredAt === undefined ? {} : { answeredAt: times.answeredAt }),
    ringMs: times.ringMs,
    talkMs: times.talkMs,
    holdMs: times.holdMs,
    totalMs: times.totalMs,
    missed: isMissed(record),
    ...(disposition ? { disposition } : {}),
    userData,
    pop: { ...pop, state: 'Released', userData },
  };
}
