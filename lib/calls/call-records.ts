import type { Call, CallNotificationType } from '../gws/types.ts';
import type { CallAlert, CallRecord, CallsState, EndReason, EndedCall } from './store-types.ts';
import {
  ENDED_RETENTION_MS,
  MAX_ALERTED_IDS,
  MAX_ENDED,
  MAX_HISTORY,
  MAX_PENDING_ALERTS,
  MAX_TOMBSTONES,
} from './limits.ts';

/** Keeps the newest `max` items of a list ordered oldest → newest. */
export function keepLast<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

/** A new record; the wire `duration` back-dates the start (gws-api.md §6.1). */
export function createRecord(
  call: Call,
  now: number,
  notification?: CallNotificationType,
): CallRecord {
  const startedAt = call.duration === undefined ? now : now - Math.round(call.duration * 1000);
  const record: CallRecord = {
    call,
    firstSeenAt: now,
    startedAt: Math.min(startedAt, now),
    lastUpdateAt: now,
    history: [{ state: call.state, at: now }],
    consultIds: [],
  };
  if (notification !== undefined) record.lastNotification = notification;
  return record;
}

/** The record with a newer call object; a state change appends to the history. */
export function updateRecord(
  record: CallRecord,
  call: Call,
  now: number,
  notification?: CallNotificationType,
): CallRecord {
  const last = record.history[record.history.length - 1];
  const history =
    last && last.state === call.state
      ? record.history
      : keepLast(
          [...record.history, { state: call.state, at: Math.max(now, last?.at ?? now) }],
          MAX_HISTORY,
        );
  const next: CallRecord = {
    ...record,
    call,
    history,
    lastUpdateAt: Math.max(now, record.lastUpdateAt),
  };
  if (notification !== undefined) next.lastNotification = notification;
  return next;
}

export function sameCall(a: Call, b: Call): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True for calls seen Released or gone: recently ended ones and the remembered ids. */
export function isTombstoned(state: CallsState, id: string): boolean {
  return state.tombstones.includes(id) || state.ended.some((r) => r.call.id === id);
}

export function withTombstone(state: CallsState, id: string): CallsState {
  if (state.tombstones.includes(id)) return state;
  return { ...state, tombstones: keepLast([...state.tombstones, id], MAX_TOMBSTONES) };
}

/**
 * Moves a live call to `ended` and tombstones its id. `finalCall` is the Released call
 * from the wire when there is one (it keeps the last participants/userData, §11).
 */
export function endCall(
  state: CallsState,
  id: string,
  reason: EndReason,
  now: number,
  finalCall?: Call,
): CallsState {
  const record = state.calls.find((r) => r.call.id === id);
  const withoutCall = { ...state, calls: state.calls.filter((r) => r.call.id !== id) };
  if (!record) return withTombstone(withoutCall, id);
  const base = finalCall ? updateRecord(record, finalCall, now) : record;
  const ended: EndedCall = {
    ...base,
    endedAt: Math.max(now, base.lastUpdateAt),
    endReason: reason,
  };
  return withTombstone(
    {
      ...withoutCall,
      ended: [ended, ...state.ended.filter((r) => r.call.id !== id)].slice(0, MAX_ENDED),
    },
    id,
  );
}

/** Queues an alert unless this call id has ever alerted before. */
export function maybeAlert(
  state: CallsState,
  record: CallRecord,
  source: CallAlert['source'],
  now: number,
): CallsState {
  const call = record.call;
  if (call.state !== 'Ringing' || state.alertedIds.includes(call.id)) return state;
  const alert: CallAlert = {
    callId: call.id,
    at: now,
    source,
    callType: call.callType,
    participants: call.participants,
    userData: call.userData,
  };
  if (call.ani !== undefined) alert.ani = call.ani;
  if (call.dnis !== undefined) alert.dnis = call.dnis;
  return {
    ...state,
    alertedIds: keepLast([...state.alertedIds, call.id], MAX_ALERTED_IDS),
    alerts: keepLast([...state.alerts, alert], MAX_PENDING_ALERTS),
  };
}

/** Drops ended calls past their retention time. */
export function pruneEnded(state: CallsState, now: number): CallsState {
  const kept = state.ended.filter((r) => now - r.endedAt <= ENDED_RETENTION_MS);
  return kept.length === state.ended.length ? state : { ...state, ended: kept };
}

/**
 * Recomputes consult ↔ parent links from `call.parentCallId` (gws-api.md §4.5) over live and
 * ended calls, so a link never points at a call the store no longer has.
 */
export function relink(state: CallsState): CallsState {
  const known = new Set([
    ...state.calls.map((r) => r.call.id),
    ...state.ended.map((r) => r.call.id),
  ]);
  const children = new Map<string, string[]>();
  const parentOf = (r: CallRecord): string | undefined => {
    const p = r.call.parentCallId;
    return p !== undefined && p !== r.call.id && known.has(p) ? p : undefined;
  };
  for (const r of [...state.calls, ...state.ended]) {
    const p = parentOf(r);
    if (p !== undefined) children.set(p, [...(children.get(p) ?? []), r.call.id]);
  }
  let changed = false;
  const fix = <R extends CallRecord>(r: R): R => {
    const parentId = parentOf(r);
    const consultIds = children.get(r.call.id) ?? [];
    if (parentId === r.parentId && consultIds.join('\n') === r.consultIds.join('\n')) return r;
    changed = true;
    const next: R = { ...r, consultIds };
    if (parentId === undefined) delete next.parentId;
    else next.parentId = parentId;
    return next;
  };
  const calls = state.calls.map(fix);
  const ended = state.ended.map(fix);
  return changed ? { ...state, calls, ended } : state;
}
