import type {
  CallEvent,
  ChannelEvent,
  DeviceEvent,
  ErrorEvent,
  GwsEvent,
  PasswordEvent,
  UnrecognisedMessage,
} from './types.ts';
import { serializeError } from '../errors/serialized-error.ts';
import { parseCall, type Parsed } from './parse-call.ts';
import { parseChannel, parseDevice } from './parse-device.ts';
import {
  MAX_COPY_STRING,
  extraMembers,
  hasOwn,
  isArray,
  isRecord,
  items,
  jsonCopy,
  nonEmpty,
  own,
  ownKeys,
  str,
  type UnknownRecord,
} from './safe-read.ts';

export { parseCall, parseParticipants, type Parsed } from './parse-call.ts';
export { parseChannel, parseDevice, parseUserState } from './parse-device.ts';
export {
  parseUser,
  parseUserSnapshot,
  readAgentStates,
  SYSTEM_AGENT_STATES,
} from './parse-user.ts';

/**
 * Turns one CometD data message into a typed event. Accepts a Bayeux message
 * `{channel, data}` or the bare `data` object; dispatches on `data.messageType`, never on the
 * channel or on key order (gws-api.md §5.4). Never throws: anything it cannot use comes back
 * as `{kind:'unrecognised', reason, raw}` with a JSON-safe, size-bounded copy of the input.
 */
export function parseNotification(message: unknown): GwsEvent | UnrecognisedMessage {
  try {
    return dispatch(message);
  } catch (error) {
    const { name, message: text } = serializeError(error);
    return unrecognised(`parser failure: ${name}: ${text}`, message);
  }
}

function dispatch(message: unknown): GwsEvent | UnrecognisedMessage {
  if (!isRecord(message)) return unrecognised(`not an object (${describeType(message)})`, message);
  const channelName = nonEmpty(own(message, 'channel'));
  const channel = channelName === undefined ? undefined : clip(channelName);
  if (channel?.startsWith('/meta/')) return unrecognised('Bayeux meta message', message, channel);

  // A Bayeux envelope has `data`; a bare data object has the message members itself.
  const envelope = isRecord(own(message, 'data')) && !looksLikeData(message);
  const data = envelope ? (own(message, 'data') as UnknownRecord) : message;
  const messageType = nonEmpty(own(data, 'messageType'));
  const notificationType = nonEmpty(own(data, 'notificationType'));
  const fail = (reason: string): UnrecognisedMessage =>
    unrecognised(reason, message, channel, messageType);

  switch (messageType) {
    case 'CallStateChangeMessage':
      return callEvent(data, channel, notificationType, fail);
    case 'DeviceStateChangeMessage':
      return listEvent(data, 'devices', parseDevice, fail, (devices) =>
        withChannel<DeviceEvent>({ kind: 'device', devices }, channel),
      );
    case 'ChannelStateChangeMessageV2':
      return listEvent(data, 'channels', parseChannel, fail, (channels) =>
        withChannel<ChannelEvent>({ kind: 'channel', channels }, channel),
      );
    case 'ErrorMessage':
      return errorEvent(data, channel);
    default:
      break;
  }
  // Password results are identified by notificationType (gws-api.md §5.3, /v2/me and /v2/users).
  if (
    notificationType === 'PasswordChangeSuccessful' ||
    notificationType === 'PasswordChangeError'
  ) {
    return passwordEvent(data, notificationType, channel);
  }
  if (messageType !== undefined) return fail(`unsupported messageType ${clip(messageType)}`);
  // 8.5.0 sent channel states without messageType (gws-api.md §5.4): recognise by shape.
  if (isArray(own(data, 'channels'))) {
    return listEvent(data, 'channels', parseChannel, fail, (channels) =>
      withChannel<ChannelEvent>({ kind: 'channel', channels }, channel),
    );
  }
  return fail('no messageType');
}

function looksLikeData(obj: unknown): boolean {
  return (
    ['messageType', 'notificationType', 'call', 'devices', 'channels'].some((k) =>
      hasOwn(obj, k),
    ) && !hasOwn(obj, 'channel')
  );
}

function callEvent(
  data: UnknownRecord,
  channel: string | undefined,
  notificationType: string | undefined,
  fail: (reason: string) => UnrecognisedMessage,
): CallEvent | UnrecognisedMessage {
  const parsed = parseCall(own(data, 'call'));
  if (!parsed.ok) return fail(parsed.reason);
  const event: CallEvent = withChannel<CallEvent>(
    { kind: 'call', notificationType: notificationType ?? 'Unknown', call: parsed.value },
    channel,
  );
  const agentDn = nonEmpty(own(data, 'phoneNumber'));
  if (agentDn !== undefined) event.agentDn = agentDn;
  const extensions = readExtensions(own(data, 'extensions'));
  if (extensions) event.extensions = extensions;
  const referenceId = nonEmpty(own(data, 'referenceId'));
  if (referenceId !== undefined) event.referenceId = referenceId;
  const extra = extraMembers(data, KNOWN_CALL_MESSAGE_KEYS);
  if (Object.keys(extra).length > 0) event.extra = extra;
  return event;
}

const KNOWN_CALL_MESSAGE_KEYS: ReadonlySet<string> = new Set([
  'messageType',
  'notificationType',
  'call',
  'phoneNumber',
  'extensions',
  'referenceId',
]);

/** T-Server extensions are numbers on the wire (gws-api.md §11); numeric strings are accepted. */
function readExtensions(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, number> = {};
  for (const key of ownKeys(value)) {
    if (key === '__proto__') continue;
    const v = own(value, key);
    const n =
      typeof v === 'number'
        ? v
        : typeof v === 'string' && v.trim() !== '' && v.length <= 32
          ? Number(v)
          : NaN;
    if (Number.isFinite(n)) out[key] = n;
  }
  return out;
}

function listEvent<T, E extends DeviceEvent | ChannelEvent>(
  data: UnknownRecord,
  key: 'devices' | 'channels',
  parse: (raw: unknown) => Parsed<T>,
  fail: (reason: string) => UnrecognisedMessage,
  build: (values: T[]) => E,
): E | UnrecognisedMessage {
  const list = own(data, key);
  if (!isArray(list)) return fail(`${key} is not an array`);
  const raw = items(list);
  const values: T[] = [];
  const reasons: string[] = [];
  for (const item of raw) {
    const result = parse(item);
    if (result.ok) values.push(result.value);
    else reasons.push(result.reason);
  }
  // Keep the good items of a partly broken list; an all-broken list is not an event.
  if (raw.length > 0 && values.length === 0) return fail(`no usable ${key}: ${reasons[0] ?? ''}`);
  return build(values);
}

/** Field names are guesses (open question 1): read the documented-looking ones and a few aliases. */
function errorEvent(data: UnknownRecord, channel: string | undefined): ErrorEvent {
  const event = withChannel<ErrorEvent>(
    { kind: 'error', raw: jsonCopy(data, 8, MAX_COPY_STRING) },
    channel,
  );
  const code =
    str(own(data, 'errorCode')) ?? str(own(data, 'code')) ?? str(own(data, 'statusCode'));
  if (code !== undefined) event.errorCode = clip(code);
  const text =
    str(own(data, 'errorMessage')) ??
    str(own(data, 'message')) ??
    str(own(data, 'statusMessage')) ??
    str(own(data, 'errorText'));
  if (text !== undefined) event.errorMessage = clip(text);
  const agentDn = nonEmpty(own(data, 'phoneNumber'));
  if (agentDn !== undefined) event.agentDn = agentDn;
  const referenceId = nonEmpty(own(data, 'referenceId'));
  if (referenceId !== undefined) event.referenceId = referenceId;
  const call = own(data, 'call');
  const callId =
    (isRecord(call) ? nonEmpty(own(call, 'id')) : undefined) ?? nonEmpty(own(data, 'callId'));
  if (callId !== undefined) event.callId = callId;
  return event;
}

function passwordEvent(
  data: UnknownRecord,
  notificationType: 'PasswordChangeSuccessful' | 'PasswordChangeError',
  channel: string | undefined,
): PasswordEvent {
  const event = withChannel<PasswordEvent>(
    {
      kind: 'password',
      result: notificationType === 'PasswordChangeSuccessful' ? 'success' : 'error',
    },
    channel,
  );
  const code = own(data, 'errorCode');
  const numeric = typeof code === 'number' ? code : typeof code === 'string' ? Number(code) : NaN;
  if (Number.isFinite(numeric)) event.errorCode = numeric;
  const text = str(own(data, 'errorMessage'));
  if (text !== undefined) event.errorMessage = clip(text);
  const userId = nonEmpty(own(data, 'userId'));
  if (userId !== undefined) event.userId = userId;
  const userUri = nonEmpty(own(data, 'userUri'));
  if (userUri !== undefined) event.userUri = userUri;
  return event;
}

function withChannel<E extends { channel?: string }>(event: E, channel: string | undefined): E {
  if (channel !== undefined) event.channel = channel;
  return event;
}

function unrecognised(
  reason: string,
  raw: unknown,
  channel?: string,
  messageType?: string,
): UnrecognisedMessage {
  const out: UnrecognisedMessage = {
    kind: 'unrecognised',
    reason,
    raw: jsonCopy(raw, 8, MAX_COPY_STRING),
  };
  if (channel !== undefined) out.channel = clip(channel);
  if (messageType !== undefined) out.messageType = clip(messageType);
  return out;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return isArray(value) ? 'array' : typeof value;
}

function clip(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
