/**
 * The members gws-api.md §6 shows for each resource. In strict mode (`strict` option, the
 * default of the test harness) the simulator sends nothing else, so no client code can come to
 * depend on a member a real GWS may not send; the generous mode (the demo's default) adds the
 * inferred ones (participant `country`/`location`, `reasonCode`, `uri`/`path` on devices and
 * channels).
 */
const DOCUMENTED = {
  /** §6.1 */
  call: new Set([
    'id',
    'state',
    'callUuid',
    'connId',
    'deviceUri',
    'uri',
    'path',
    'participants',
    'participantsInfo',
    'ani',
    'dnis',
    'callType',
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
  ]),
  /** §6.2, new format; `country`/`location` are inferred from device docs. */
  participant: new Set(['e164Number', 'formattedPhoneNumber', 'phoneNumber', 'digits']),
  /** §6.2, old format as captured in 8.5.1/8.5.2. */
  participantInfo: new Set(['digits', 'e164Number', 'formattedPhoneNumber']),
  /** §6.3, with `description` and `channels` seen in `?subresources=*` output. */
  device: new Set([
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
  ]),
  /** §6.6, with the subresources it lists. */
  user: new Set([
    'id',
    'userName',
    'firstName',
    'lastName',
    'emailAddress',
    'roles',
    'enabled',
    'changePasswordOnFirstLogin',
    'uri',
    'path',
    'devices',
    'calls',
    'channels',
    'channelStates',
    'skills',
    'interactions',
    'chats',
    'settings',
    'groups',
    'features',
  ]),
  /** §6.4 */
  userState: new Set(['id', 'displayName', 'state', 'workMode', 'reason']),
  /** §6.5, `dndState` as in notifications. */
  channel: new Set([
    'channel',
    'userState',
    'phoneNumber',
    'switchName',
    'userActivity',
    'dndState',
  ]),
};

export type DocumentedResource = keyof typeof DOCUMENTED;

/** `value` without the members the documentation does not show, when `strict`. */
export function documentedOnly(
  resource: DocumentedResource,
  value: Record<string, unknown>,
  strict: boolean,
): Record<string, unknown> {
  if (!strict) return value;
  const allowed = DOCUMENTED[resource];
  return Object.fromEntries(Object.entries(value).filter(([key]) => allowed.has(key)));
}
