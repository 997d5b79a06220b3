import type { Call, UserSnapshot } from '../gws/types.ts';
import type { CallsState } from './store-types.ts';
import {
  createRecord,
  endCall,
  isTombstoned,
  maybeAlert,
  sameCall,
  updateRecord,
} from './call-records.ts';
import { replaceChannels, replaceDevices } from './agent.ts';
import { settleIntents } from './intents.ts';
import { MAX_ACTIVE_CALLS } from './limits.ts';

/**
 * Reconciles the store with `GET /api/v2/me?subresources=*` (gws-api.md §5.6): GWS does not
 * replay missed events, so the snapshot is the truth as of `takenAt`:
 * - snapshot calls replace local ones (no phase rule: the snapshot may legitimately "undo"
 *   a reordered notification); new ones are added, and a new Ringing one alerts once;
 * - local calls missing from the snapshot are gone: ended with reason 'recovery';
 * - except: a call updated by a notification after `takenAt` is newer than the snapshot and
 *   is left alone, and a tombstoned (Released) call is never revived, since a snapshot read
 *   before the release can arrive after the Released notification;
 * - devices and channels are replaced when the body contained them.
 * Applying the same snapshot twice is a no-op the second time.
 */
export function applySnapshot(
  state: CallsState,
  snapshot: UserSnapshot,
  now: number,
  takenAt: number,
): CallsState {
  let next: CallsState = {
    ...state,
    agent: {
      ...state.agent,
      user: snapshot.user,
      agentStates: snapshot.agentStates,
    },
  };
  if (snapshot.present.devices)
    next = { ...next, agent: replaceDevices(next.agent, snapshot.devices, now) };
  if (snapshot.present.channels)
    next = { ...next, agent: replaceChannels(next.agent, snapshot.channels, now) };
  if (!snapshot.present.calls) return next;

  const seen = new Set<string>();
  for (const call of snapshot.calls) {
    if (seen.has(call.id)) continue;
    seen.add(call.id);
    next = mergeCall(next, call, now, takenAt);
  }
  for (const record of next.calls) {
    if (seen.has(record.call.id) || record.lastUpdateAt > takenAt) continue;
    next = endCall(
      settleIntents(next, (i) => i.callId === record.call.id),
      record.call.id,
      'recovery',
      now,
    );
  }
  return next;
}

function mergeCall(state: CallsState, call: Call, now: number, takenAt: number): CallsState {
  if (isTombstoned(state, call.id)) return state;
  const existing = state.calls.find((r) => r.call.id === call.id);
  if (existing && existing.lastUpdateAt > takenAt) return state;
  if (call.state === 'Released') return endCall(state, call.id, 'released', now, call);
  if (!existing) {
    if (state.calls.length >= MAX_ACTIVE_CALLS) return state;
    const record = createRecord(call, now);
    return maybeAlert({ ...state, calls: [...state.calls, record] }, record, 'recovery', now);
  }
  if (sameCall(existing.call, call)) return state;
  const record = updateRecord(existing, call, now);
  const next = { ...state, calls: state.calls.map((r) => (r === existing ? record : r)) };
  return maybeAlert(next, record, 'recovery', now);
}
