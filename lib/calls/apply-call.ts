import type { Call, CallEvent, CallState } from '../gws/types.ts';
import type { CallRecord, CallsState, PendingIntent } from './store-types.ts';
import {
  createRecord,
  endCall,
  isTombstoned,
  maybeAlert,
  sameCall,
  updateRecord,
} from './call-records.ts';
import { MAX_ACTIVE_CALLS } from './limits.ts';
import { settleIntents } from './intents.ts';
import { callNumbers, sameNumber } from './numbers.ts';

/** Call lifecycle phases; a call only moves forward through them. Unknown states have none. */
const PHASE: Partial<Record<CallState, number>> = {
  Dialing: 0,
  Ringing: 0,
  Established: 1,
  Held: 1,
  Released: 2,
};

/**
 * The out-of-order rule. GWS notifications carry no sequence number and each carries the
 * whole call (gws-api.md §9), so the last one to arrive wins, except that a call never goes
 * back a phase: setup (Dialing/Ringing) → connected (Established/Held) → Released. A setup
 * state arriving for a connected call is a stale, reordered message and is dropped; Released
 * is terminal (enforced by tombstones). Established ↔ Held legitimately alternate, so a swap
 * there cannot be detected; the next recovery snapshot corrects it.
 */
export function isStale(current: CallState, incoming: CallState): boolean {
  const a = PHASE[current];
  const b = PHASE[incoming];
  return a !== undefined && b !== undefined && b < a;
}

/** Applies one CallStateChangeMessage (any notificationType: each carries the full call). */
export function applyCallEvent(state: CallsState, event: CallEvent, now: number): CallsState {
  const call = event.call;
  // A released (or recovery-removed) call never comes back: ids are not reused (§11).
  if (isTombstoned(state, call.id)) return settleIntents(state, (i) => i.callId === call.id);

  if (call.state === 'Released') {
    // Ends a live call; for a call never seen, only remembers the id so nothing resurrects it.
    return endCall(
      settleIntents(state, (i) => i.callId === call.id),
      call.id,
      'released',
      now,
      call,
    );
  }

  const existing = state.calls.find((r) => r.call.id === call.id);
  if (!existing) {
    if (state.calls.length >= MAX_ACTIVE_CALLS) return state;
    const dial = placingIntent(state, call);
    const record = withDialRewrite(createRecord(call, now, event.notificationType), dial);
    let next: CallsState = settleIntents(
      { ...state, calls: [...state.calls, record] },
      (i) => i.callId === call.id,
    );
    if (dial) next = settleIntents(next, (i) => i.id === dial.id);
    return maybeAlert(next, record, 'notification', now);
  }

  if (isStale(existing.call.state, call.state)) return state;
  let next = settleIntents(state, (i) => i.callId === call.id && !awaitsConsultCall(i));
  if (sameCall(existing.call, call) && existing.lastNotification === event.notificationType)
    return next;
  const record = updateRecord(existing, call, now, event.notificationType);
  next = { ...next, calls: next.calls.map((r) => (r === existing ? record : r)) };
  return maybeAlert(next, record, 'notification', now);
}

/**
 * The pending request a new call is the effect of. A consult call (it names its parent call,
 * gws-api.md §4.5, or is typed Consult) comes from the transfer or conference started on its
 * parent, never from a Dial: taking a Dial for it would end that Dial's spinner while its call
 * is still to come. Any other new Dialing call is the Dial whose number it carries (as a
 * participant or the DNIS), so a call placed from the desk phone, or two Dials answered out of
 * order, settle nothing or the right one. Only a call naming no number at all (participants
 * may be `[]`, §6.1) takes the oldest Dial, and a Dial persisted before its number was recorded
 * takes a call no other Dial's number names [INF: tolerant of what cannot be told apart].
 */
function placingIntent(state: CallsState, call: Call): PendingIntent | undefined {
  if (call.state !== 'Dialing') return undefined;
  if (call.parentCallId !== undefined || call.callType === 'Consult') {
    return state.intents.find((i) => awaitsConsultCall(i) && i.callId === call.parentCallId);
  }
  const dials = state.intents.filter((i) => i.operation === 'Dial' && i.callId === undefined);
  const numbers = callNumbers(call);
  if (numbers.length === 0) return dials[0];
  const carries = (i: PendingIntent) => numbers.some((n) => sameNumber(n, i.destination));
  return dials.find(carries) ?? dials.find((i) => i.destination === undefined);
}

/**
 * A two-step transfer or conference whose destination the dial plan rewrote: the original
 * call goes Held first, then the consult call appears (gws-api.md §4.5), so the request is
 * settled by the consult call, which takes the number asked for, not by the original's
 * change (its release, an error or the timeout still settle it).
 */
function awaitsConsultCall(intent: PendingIntent): boolean {
  return intent.dial !== undefined && intent.callId !== undefined;
}

/**
 * The Dial's rewrite handed to the call it placed, when the call's party is the number that
 * was dialled (so a call that is not this Dial's never takes another number's name).
 */
function withDialRewrite(record: CallRecord, dial: PendingIntent | undefined): CallRecord {
  const rewrite = dial?.dial;
  if (!rewrite) return record;
  const placed = callNumbers(record.call).some((n) => sameNumber(n, rewrite.dialled));
  return placed ? { ...record, dialRewrite: rewrite } : record;
}
