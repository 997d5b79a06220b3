import type { Channel, Device, SupervisorMonitoringState, UserState } from './types.ts';
import type { Parsed } from './parse-call.ts';
import { UNKNOWN } from './parse-call.ts';
import { extraMembers, isRecord, jsonCopy, nonEmpty, onOff, own, strings } from './safe-read.ts';

const KNOWN_USER_STATE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'displayName',
  'state',
  'workMode',
  'reason',
  'reasonCode',
]);

/**
 * Agent state object (gws-api.md §6.4). Undefined when there is nothing recognisable;
 * a state-less object that still names a state (id/displayName) keeps state `Unknown`.
 * `reason` and `reasonCode` both appear in samples (open question 6): either is taken.
 */
export function parseUserState(raw: unknown): UserState | undefined {
  if (!isRecord(raw)) return undefined;
  const state = nonEmpty(own(raw, 'state'));
  const id = nonEmpty(own(raw, 'id'));
  const displayName = nonEmpty(own(raw, 'displayName'));
  if (state === undefined && id === undefined && displayName === undefined) return undefined;
  const out: UserState = {
    state: state ?? UNKNOWN,
    extra: extraMembers(raw, KNOWN_USER_STATE_KEYS),
  };
  if (id !== undefined) out.id = id;
  if (displayName !== undefined) out.displayName = displayName;
  const workMode = nonEmpty(own(raw, 'workMode')) ?? nonEmpty(own(raw, 'workmode'));
  if (workMode !== undefined) out.workMode = workMode;
  const reason = nonEmpty(own(raw, 'reason')) ?? nonEmpty(own(raw, 'reasonCode'));
  if (reason !== undefined) out.reason = reason;
  const reasonCode = nonEmpty(own(raw, 'reasonCode'));
  if (reasonCode !== undefined) out.reasonCode = reasonCode;
  return out;
}

const KNOWN_DEVICE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'deviceState',
  'userState',
  'phoneNumber',
  'e164Number',
  'telephonyNetwork',
  'doNotDisturb',
  'forwardTo',
  'voiceEnvironmentUri',
  'capabilities',
  'supervisorMonitoringState',
  'description',
  'channels',
  'uri',
]);

/** Device resource (gws-api.md §6.3). Fails only without an `id`. */
export function parseDevice(raw: unknown): Parsed<Device> {
  if (!isRecord(raw)) return { ok: false, reason: 'device is not an object' };
  const id = nonEmpty(own(raw, 'id'));
  if (id === undefined) return { ok: false, reason: 'device has no id' };
  const device: Device = {
    id,
    capabilities: strings(own(raw, 'capabilities')),
    extra: extraMembers(raw, KNOWN_DEVICE_KEYS),
  };
  const userState = parseUserState(own(raw, 'userState'));
  if (userState) device.userState = userState;

  const text = [
    'deviceState',
    'phoneNumber',
    'e164Number',
    'telephonyNetwork',
    'forwardTo',
    'voiceEnvironmentUri',
    'description',
    'uri',
  ] as const;
  for (const key of text) {
    const value = nonEmpty(own(raw, key));
    if (value !== undefined) device[key] = value;
  }

  const dndRaw = own(raw, 'doNotDisturb');
  const dnd = onOff(dndRaw);
  if (dnd !== undefined) device.doNotDisturb = dnd;
  else if (dndRaw !== undefined) device.extra.doNotDisturb = jsonCopy(dndRaw); // unknown value: keep it visible

  const monitoring = parseMonitoring(own(raw, 'supervisorMonitoringState'));
  if (monitoring) device.supervisorMonitoringState = monitoring;
  const channels = own(raw, 'channels');
  if (channels !== undefined) device.channels = strings(channels);
  return { ok: true, value: device };
}

function parseMonitoring(raw: unknown): SupervisorMonitoringState | undefined {
  if (!isRecord(raw)) return undefined;
  const out: SupervisorMonitoringState = {};
  for (const key of ['state', 'mode', 'scope', 'targetDeviceUri'] as const) {
    const value = nonEmpty(own(raw, key));
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const KNOWN_CHANNEL_KEYS: ReadonlySet<string> = new Set([
  'channel',
  'userState',
  'dndState',
  'phoneNumber',
  'switchName',
  'userActivity',
]);

/**
 * Channel resource / channel notification item (gws-api.md §6.5). An item without a name but
 * with a DND or user state is read as the voice channel: 8.5.0-style channel messages carry
 * DND that way [INF], and voice is the channel every agent has (tolerant). Anything else
 * without a name fails.
 */
export function parseChannel(raw: unknown): Parsed<Channel> {
  if (!isRecord(raw)) return { ok: false, reason: 'channel is not an object' };
  const hasState = own(raw, 'dndState') !== undefined || own(raw, 'userState') !== undefined;
  const name = nonEmpty(own(raw, 'channel')) ?? (hasState ? 'voice' : undefined);
  if (name === undefined) return { ok: false, reason: 'channel has no name' };
  const channel: Channel = { channel: name, extra: extraMembers(raw, KNOWN_CHANNEL_KEYS) };
  const userState = parseUserState(own(raw, 'userState'));
  if (userState) channel.userState = userState;
  const dnd = onOff(own(raw, 'dndState'));
  if (dnd !== undefined) channel.doNotDisturb = dnd;
  for (const key of ['phoneNumber', 'switchName', 'userActivity'] as const) {
    const value = nonEmpty(own(raw, key));
    if (value !== undefined) channel[key] = value;
  }
  return { ok: true, value: channel };
}
