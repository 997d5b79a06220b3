import type { Channel, Device, UserState } from '../gws/types.ts';
import type { AgentState, CallsState, ChannelRecord, DeviceRecord } from './store-types.ts';
import { settleIntents } from './intents.ts';

export const EMPTY_AGENT: AgentState = { devices: [], channels: [], agentStates: [] };

/** Two userStates are "the same state" for time-in-state purposes when these agree. */
function userStateKey(us: UserState | undefined): string {
  return us
    ? JSON.stringify([
        us.state,
        us.workMode ?? '',
        us.id ?? '',
        us.reason ?? '',
        us.displayName ?? '',
      ])
    : '';
}

interface HasUserState {
  userState?: UserState;
}

interface AgentRecord {
  userStateSince: number;
  outSince?: number;
}

/**
 * How long after a notification took a device or channel out of service a notification
 * putting it back counts as a reordered, stale one. GWS notifications carry no sequence
 * number; reordered deliveries arrive close together (the simulator's reorder fault swaps
 * adjacent pairs and sends a lone one 2 s late), while coming back for real means logging in
 * again, which a client does with a fresh snapshot anyway.
 */
export const STALE_RETURN_WINDOW_MS = 5_000;

/**
 * The out-of-order rule for devices and channels, the counterpart of the calls' phase rule
 * (`isStale` in apply-call.ts): out of service (device Inactive, channel LoggedOut) is a later
 * phase than in service, so a message putting a record back in service shortly after one took
 * it out is the earlier message delivered late, and is dropped (an agent must not end Ready
 * after EndContactCenterSession). Snapshots always apply.
 */
function isStaleReturn(old: AgentRecord | undefined, incomingOut: boolean, now: number): boolean {
  return old?.outSince !== undefined && !incomingOut && now - old.outSince < STALE_RETURN_WINDOW_MS;
}

/**
 * Merges full resources into records by key, keeping first-seen order (replace in place,
 * append new ones). `userStateSince` survives when the userState did not change. For
 * notifications (`keepOthers`), stale returns to service are dropped (`isStaleReturn`).
 */
function merge<T extends HasUserState, R extends AgentRecord>(
  current: R[],
  incoming: T[],
  now: number,
  keepOthers: boolean,
  keyOf: (item: T) => string,
  itemOf: (record: R) => T,
  isOut: (item: T) => boolean,
  make: (item: T, userStateSince: number) => R,
): R[] {
  const byKey = new Map(current.map((r) => [keyOf(itemOf(r)), r]));
  const updated = new Map<string, R>();
  for (const item of incoming) {
    const old = byKey.get(keyOf(item));
    const out = isOut(item);
    if (keepOthers && isStaleReturn(old, out, now)) continue;
    const same =
      old !== undefined && userStateKey(itemOf(old).userState) === userStateKey(item.userState);
    const record = make(item, same ? old.userStateSince : now);
    if (keepOthers && out) record.outSince = old?.outSince ?? now;
    updated.set(keyOf(item), record);
  }
  const out = current.flatMap((r) => {
    const replacement = updated.get(keyOf(itemOf(r)));
    return replacement ? [replacement] : keepOthers ? [r] : [];
  });
  for (const [key, r] of updated) if (!byKey.has(key)) out.push(r);
  return out;
}

function mergeDevices(
  current: DeviceRecord[],
  incoming: Device[],
  now: number,
  keepOthers: boolean,
): DeviceRecord[] {
  return merge(
    current,
    incoming,
    now,
    keepOthers,
    (d) => d.id,
    (r) => r.device,
    (d) => d.deviceState === 'Inactive',
    (device, userStateSince): DeviceRecord => ({
      device,
      userStateSince,
    }),
  );
}

function mergeChannels(
  current: ChannelRecord[],
  incoming: Channel[],
  now: number,
  keepOthers: boolean,
): ChannelRecord[] {
  return merge(
    current,
    incoming,
    now,
    keepOthers,
    (c) => c.channel,
    (r) => r.channel,
    (c) => c.userState?.state === 'LoggedOut',
    (channel, userStateSince): ChannelRecord => ({
      channel,
      userStateSince,
    }),
  );
}

/**
 * DeviceStateChangeMessage: each carries full devices (gws-api.md §11), so they replace
 * ours by id; devices not mentioned stay. Agent-level intents (state, DND, forwarding) settle.
 */
export function applyDevices(state: CallsState, devices: Device[], now: number): CallsState {
  const next: CallsState = {
    ...state,
    agent: { ...state.agent, devices: mergeDevices(state.agent.devices, devices, now, true) },
  };
  return settleIntents(next, (i) => i.callId === undefined && i.operation !== 'Dial');
}

export function applyChannels(state: CallsState, channels: Channel[], now: number): CallsState {
  const next: CallsState = {
    ...state,
    agent: { ...state.agent, channels: mergeChannels(state.agent.channels, channels, now, true) },
  };
  return settleIntents(next, (i) => i.callId === undefined && i.operation !== 'Dial');
}

/** Snapshot lists replace ours entirely; time-in-state survives when the state did not change. */
export function replaceDevices(agent: AgentState, devices: Device[], now: number): AgentState {
  return { ...agent, devices: mergeDevices(agent.devices, devices, now, false) };
}

export function replaceChannels(agent: AgentState, channels: Channel[], now: number): AgentState {
  return { ...agent, channels: mergeChannels(agent.channels, channels, now, false) };
}
