import type { Call, Country, Participant } from './types.ts';
import {
  bool,
  extraMembers,
  idAfter,
  isRecord,
  items,
  nonEmpty,
  nonNegativeNumber,
  own,
  recordCopy,
  str,
  strings,
} from './safe-read.ts';

/** A parse result that says why when it fails. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Call members this model reads; everything else lands in `Call.extra`. */
const KNOWN_CALL_KEYS: ReadonlySet<string> = new Set([
  'id',
  'state',
  'callType',
  'callUuid',
  'connId',
  'deviceUri',
  'uri',
  'path',
  'participants',
  'participantsInfo',
  'ani',
  'dnis',
  'capabilities',
  'userData',
  'duration',
  'mute',
  'recordingState',
  'supervisorListeningIn',
  'monitoredUserMuted',
  'monitoring',
  'parentCallUri',
  'parentCallPath',
]);

/** Carried when the wire omits state/callType: an open value, never a guess. */
export const UNKNOWN = 'Unknown';

/**
 * Normalizes a call resource (gws-api.md §6.1). Fails only when there is no usable `id`;
 * unknown states, call types and capabilities are carried as they are.
 */
export function parseCall(raw: unknown): Parsed<Call> {
  if (!isRecord(raw)) return { ok: false, reason: 'call is not an object' };
  const id = nonEmpty(own(raw, 'id'));
  if (id === undefined) return { ok: false, reason: 'call has no id' };

  const call: Call = {
    id,
    state: nonEmpty(own(raw, 'state')) ?? UNKNOWN,
    callType: nonEmpty(own(raw, 'callType')) ?? UNKNOWN,
    participants: parseParticipants(own(raw, 'participants'), own(raw, 'participantsInfo')),
    capabilities: strings(own(raw, 'capabilities')),
    // The member is absent after DeleteUserData (gws-api.md §4.6): absent means empty.
    userData: recordCopy(own(raw, 'userData')) ?? {},
    extra: extraMembers(raw, KNOWN_CALL_KEYS),
  };
  setString(call, 'callUuid', own(raw, 'callUuid'));
  setString(call, 'connId', own(raw, 'connId'));
  setString(call, 'deviceUri', own(raw, 'deviceUri'));
  setString(call, 'uri', own(raw, 'uri'));
  setString(call, 'path', own(raw, 'path'));
  setString(call, 'ani', own(raw, 'ani'));
  setString(call, 'dnis', own(raw, 'dnis'));
  setString(call, 'mute', own(raw, 'mute'));
  setString(call, 'recordingState', own(raw, 'recordingState'));
  setString(call, 'parentCallUri', own(raw, 'parentCallUri'));
  setString(call, 'parentCallPath', own(raw, 'parentCallPath'));

  const deviceId = idAfter(call.deviceUri, 'devices');
  if (deviceId !== undefined) call.deviceId = deviceId;
  const parentCallId =
    idAfter(call.parentCallUri, 'calls') ?? idAfter(call.parentCallPath, 'calls');
  if (parentCallId !== undefined && parentCallId !== id) call.parentCallId = parentCallId;

  // `duration` is a string of seconds on the wire (§6.1); garbage is dropped, not zeroed,
  // so the store can tell "unknown" from "just started".
  const duration = nonNegativeNumber(own(raw, 'duration'));
  if (duration !== undefined) call.duration = duration;

  const flags = ['supervisorListeningIn', 'monitoredUserMuted', 'monitoring'] as const;
  for (const flag of flags) {
    const value = bool(own(raw, flag));
    if (value !== undefined) call[flag] = value;
  }
  return { ok: true, value: call };
}

type OptionalStringKey =
  | 'callUuid'
  | 'connId'
  | 'deviceUri'
  | 'uri'
  | 'path'
  | 'ani'
  | 'dnis'
  | 'mute'
  | 'recordingState'
  | 'parentCallUri'
  | 'parentCallPath';

function setString(call: Call, key: OptionalStringKey, value: unknown): void {
  const s = nonEmpty(value);
  if (s !== undefined) call[key] = s;
}

/**
 * Both participant formats (gws-api.md §6.2): objects, or strings with a parallel
 * `participantsInfo`. Info is matched by index when its digits agree (or it has none),
 * else by digits anywhere in the list. Entries with no number at all are skipped.
 */
export function parseParticipants(participants: unknown, participantsInfo: unknown): Participant[] {
  const list = items(participants);
  const infos = items(participantsInfo).filter(isRecord);
  const out: Participant[] = [];
  const usedInfo = new Set<number>();

  list.forEach((entry, index) => {
    if (isRecord(entry)) {
      const p = participantFromObject(entry);
      if (p) out.push(p);
      return;
    }
    const number = nonEmpty(entry);
    if (number === undefined) return;
    const infoIndex = matchInfo(infos, index, number, usedInfo);
    if (infoIndex === undefined) {
      out.push({ phoneNumber: number, digits: number });
      return;
    }
    usedInfo.add(infoIndex);
    const merged = participantFromObject(infos[infoIndex], number);
    out.push(merged ?? { phoneNumber: number, digits: number });
  });

  // Old builds with participantsInfo but no (or fewer) plain strings: keep what info says.
  if (list.length === 0) {
    for (const info of infos) {
      const p = participantFromObject(info);
      if (p) out.push(p);
    }
  }
  return out;
}

function infoNumbers(info: unknown): string[] {
  return [
    'digits',
    'E164digits',
    'e164Number',
    'formattedPhoneNumber',
    'phoneNumber',
    'localPhoneNumber',
  ]
    .map((key) => nonEmpty(own(info, key)))
    .filter((v): v is string => v !== undefined);
}

function matchInfo(
  infos: unknown[],
  index: number,
  number: string,
  used: Set<number>,
): number | undefined {
  const atIndex = infos[index];
  if (atIndex !== undefined && !used.has(index)) {
    const numbers = infoNumbers(atIndex);
    if (numbers.length === 0 || numbers.includes(number)) return index;
  }
  const found = infos.findIndex((info, i) => !used.has(i) && infoNumbers(info).includes(number));
  return found >= 0 ? found : undefined;
}

function participantFromObject(obj: unknown, fallbackNumber?: string): Participant | undefined {
  const digits = nonEmpty(own(obj, 'digits'));
  const e164 = nonEmpty(own(obj, 'e164Number')) ?? nonEmpty(own(obj, 'E164digits'));
  const formatted = nonEmpty(own(obj, 'formattedPhoneNumber'));
  const local = nonEmpty(own(obj, 'localPhoneNumber'));
  const phoneNumber =
    fallbackNumber ?? nonEmpty(own(obj, 'phoneNumber')) ?? digits ?? formatted ?? e164 ?? local;
  if (phoneNumber === undefined) return undefined;

  const p: Participant = { phoneNumber };
  const d = digits ?? fallbackNumber;
  if (d !== undefined) p.digits = d;
  if (e164 !== undefined) p.e164Number = e164;
  if (formatted !== undefined) p.formattedPhoneNumber = formatted;
  if (local !== undefined) p.localPhoneNumber = local;
  const country = parseCountry(own(obj, 'country'));
  if (country) p.country = country;
  const location = nonEmpty(own(obj, 'location'));
  if (location !== undefined) p.location = location;
  const valid = bool(own(obj, 'isValidNumber'));
  if (valid !== undefined) p.isValidNumber = valid;
  return p;
}

function parseCountry(value: unknown): Country | undefined {
  if (!isRecord(value)) return undefined;
  const country: Country = {
    name: str(own(value, 'name')) ?? '',
    code: str(own(value, 'code')) ?? '',
    callingCode: str(own(value, 'callingCode')) ?? '',
  };
  // The documented empty placeholder `{name:"",code:"",callingCode:""}` carries nothing.
  return country.name || country.code || country.callingCode ? country : undefined;
}
