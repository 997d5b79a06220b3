import type { CallRecord, EndedCall, StateStamp } from '../calls/index.ts';

/** How long a call spent in each phase, from its state history (epoch ms in, ms out). */
export interface CallTimes {
  /** Time the call rang here (Ringing), 0 for a call that never rang. */
  ringMs: number;
  /** Time connected: Established, not counting holds. */
  talkMs: number;
  /** Time on hold (Held). */
  holdMs: number;
  /** From first sight (back-dated by the wire duration) to the end, or to `now`. */
  totalMs: number;
  /** When the call was first Established, if it ever was. */
  answeredAt?: number;
}

function endOf(record: CallRecord | EndedCall, now: number): number {
  return 'endedAt' in record ? record.endedAt : now;
}

/**
 * Sums the time between consecutive state stamps per state. The history is bounded
 * (oldest dropped), so a very long call may under-count its first phases; the total stays
 * right because it is measured from the start.
 */
export function callTimes(record: CallRecord | EndedCall, now: number): CallTimes {
  const end = endOf(record, now);
  const spent = (state: string) => sumState(record.history, state, end);
  const answered = record.history.find((s) => s.state === 'Established');
  return {
    ringMs: spent('Ringing'),
    talkMs: spent('Established'),
    holdMs: spent('Held'),
    totalMs: Math.max(0, end - record.startedAt),
    ...(answered ? { answeredAt: answered.at } : {}),
  };
}

function sumState(history: readonly StateStamp[], state: string, end: number): number {
  let total = 0;
  history.forEach((stamp, i) => {
    if (stamp.state !== state) return;
    const until = history[i + 1]?.at ?? end;
    total += Math.max(0, until - stamp.at);
  });
  return total;
}

/**
 * The one timer a live call card shows, meaning what the agent expects from the state:
 * ringing time while it rings, talk time since answer while connected, this hold while
 * held, time since dialling otherwise.
 */
export function liveTimer(
  record: CallRecord,
  now: number,
): { kind: 'ringing' | 'talk' | 'hold' | 'total'; ms: number } {
  const state = record.call.state;
  // A phase the call was first seen in (after a restart) began before it was seen: the wire
  // duration back-dated the start, which is the best known beginning.
  const began = (stamp: StateStamp | undefined) =>
    stamp === undefined || stamp === record.history[0] ? record.startedAt : stamp.at;
  const since = (stamp: StateStamp | undefined) => Math.max(0, now - began(stamp));
  const current = record.history[record.history.length - 1];
  if (state === 'Ringing') return { kind: 'ringing', ms: since(current) };
  if (state === 'Held') return { kind: 'hold', ms: since(current) };
  if (state === 'Established') {
    return { kind: 'talk', ms: since(record.history.find((s) => s.state === 'Established')) };
  }
  return { kind: 'total', ms: Math.max(0, now - record.startedAt) };
}
