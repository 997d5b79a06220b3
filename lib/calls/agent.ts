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

/**
 * Merges full resources into records by key, keeping first-seen order (replace in place,
 * append new ones). `userStateSince` survives when the userState did not change.
 */
function merge<T extends HasUserState, R extends { userStateSince: number }>(
  current: R[],
  incoming: T[],
  now: number,
  keepOthers: boolean,
  keyOf: (item: T) => string,
  itemOf: (record: R) => T,
  make: (item: T, userStateSince: number) => R,
): R[] {
  const byKey = new Map(current.map((r) => [keyOf(itemOf(r)), r]));
  const updated = new Map<string, R>();
  for (const item of incoming) {
    const old = byKey.get(keyOf(item));
    const same =
      old !== undefined && userStateKey(itemOf(old).userState) === userStateKey(item.userState);
    updated.set(keyOf(item), make(item, same ? old.userStateSince : now));
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
    (device, userStateSince) => ({
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
    (channel, userStateSince) => ({
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
