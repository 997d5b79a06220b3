import type { CallRecord, CallsState } from './store-types.ts';

/** Problems with a store state; empty when it is consistent. For tests and diagnostics. */
export function checkInvariants(state: CallsState): string[] {
  const problems: string[] = [];
  const activeIds = state.calls.map((r) => r.call.id);
  const endedIds = state.ended.map((r) => r.call.id);
  const known = new Set([...activeIds, ...endedIds]);

  for (const id of duplicates(activeIds)) problems.push(`duplicate live call ${id}`);
  for (const id of duplicates(endedIds)) problems.push(`duplicate ended call ${id}`);
  for (const id of activeIds) {
    if (endedIds.includes(id)) problems.push(`call ${id} is both live and ended`);
    if (state.tombstones.includes(id)) problems.push(`live call ${id} is tombstoned`);
  }
  for (const r of state.calls) {
    if (r.call.state === 'Released') problems.push(`live call ${r.call.id} is Released`);
    if (state.clock < r.startedAt) problems.push(`call ${r.call.id} has a negative duration`);
    const last = r.history[r.history.length - 1];
    if (last?.state !== r.call.state)
      problems.push(`call ${r.call.id} history does not end in its state`);
  }
  for (const r of state.ended) {
    if (r.endedAt < r.startedAt) problems.push(`ended call ${r.call.id} has a negative duration`);
  }
  for (const r of [...state.calls, ...state.ended]) checkRecord(r, known, state, problems);

  for (const id of duplicates(state.alerts.map((a) => a.callId)))
    problems.push(`duplicate alert ${id}`);
  for (const a of state.alerts) {
    if (!state.alertedIds.includes(a.callId))
      problems.push(`alert ${a.callId} not recorded as alerted`);
  }
  for (const id of duplicates(state.alertedIds))
    problems.push(`call ${id} recorded as alerted twice`);
  for (const id of duplicates(state.intents.map((i) => i.id)))
    problems.push(`duplicate intent ${id}`);
  for (const id of duplicates(state.agent.devices.map((d) => d.device.id)))
    problems.push(`duplicate device ${id}`);
  return problems;
}

function checkRecord(
  r: CallRecord,
  known: Set<string>,
  state: CallsState,
  problems: string[],
): void {
  const id = r.call.id;
  if (r.startedAt > r.firstSeenAt) problems.push(`call ${id} starts after it was first seen`);
  const first = r.history[0];
  if (!first) problems.push(`call ${id} has no history`);
  else if (first.at < r.startedAt) problems.push(`call ${id} history starts before the call`);
  for (let i = 1; i < r.history.length; i++) {
    const prev = r.history[i - 1];
    const cur = r.history[i];
    if (!prev || !cur) continue;
    if (cur.at < prev.at) problems.push(`call ${id} history goes back in time`);
    if (cur.state === prev.state) problems.push(`call ${id} history repeats ${cur.state}`);
  }
  if (r.parentId !== undefined) {
    if (!known.has(r.parentId)) problems.push(`call ${id} links to missing parent ${r.parentId}`);
    const parent = selectAny(state, r.parentId);
    if (parent && !parent.consultIds.includes(id))
      problems.push(`parent ${r.parentId} does not list consult ${id}`);
  }
  for (const c of r.consultIds) {
    const consult = selectAny(state, c);
    if (!consult) problems.push(`call ${id} lists missing consult ${c}`);
    else if (consult.parentId !== id) problems.push(`consult ${c} does not point back to ${id}`);
  }
}

function selectAny(state: CallsState, id: string): CallRecord | undefined {
  return state.calls.find((r) => r.call.id === id) ?? state.ended.find((r) => r.call.id === id);
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}
