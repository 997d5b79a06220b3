/**
 * Store queries only the tests ask: the product reads the store through the selectors in
 * `lib/calls/selectors.ts`.
 */
import {
  callNumbers,
  digitsOnly,
  sameNumber,
  selectActiveCalls,
  type CallAlert,
  type CallRecord,
  type CallsState,
  type PendingIntent,
} from '../../lib/calls/index.ts';

/** Live calls involving this number ("this number is on a live call"). */
export function selectCallsByNumber(state: CallsState, number: string): CallRecord[] {
  return selectActiveCalls(state).filter((r) =>
    callNumbers(r.call).some((n) => sameNumber(n, number)),
  );
}

/** Distinct digit strings of all live calls' parties, for marking many numbers at once. */
export function selectLiveDigits(state: CallsState): string[] {
  const out = new Set<string>();
  for (const r of state.calls)
    for (const n of callNumbers(r.call)) if (digitsOnly(n)) out.add(digitsOnly(n));
  return [...out];
}

export interface CallPair {
  main: CallRecord;
  consult: CallRecord;
}

/** Live main/consult pairs of a two-step transfer or conference (gws-api.md §4.5). */
export function selectConsultPairs(state: CallsState): CallPair[] {
  const pairs: CallPair[] = [];
  for (const consult of state.calls) {
    const main =
      consult.parentId === undefined
        ? undefined
        : state.calls.find((r) => r.call.id === consult.parentId);
    if (main) pairs.push({ main, consult });
  }
  return pairs;
}

/** Intents older than timeoutMs: the caller reports them and dispatches `intents-expire`. */
export function selectExpiredIntents(
  state: CallsState,
  now: number,
  timeoutMs: number,
): PendingIntent[] {
  return state.intents.filter((i) => now - i.startedAt >= timeoutMs);
}

/** Alerts present in `next` but not in `prev` (each call id alerts at most once, ever). */
export function selectNewAlerts(prev: CallsState, next: CallsState): CallAlert[] {
  const before = new Set(prev.alerts.map((a) => a.callId));
  return next.alerts.filter((a) => !before.has(a.callId));
}
