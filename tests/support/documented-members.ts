/**
 * The members gws-api.md §6 shows for each resource, written from the document (not from the
 * simulator's own table, which these lists check): strict mode must send nothing else.
 */
import type { Wire } from './sim-agent.ts';

export const CALL = [
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
];
export const PARTICIPANT = ['e164Number', 'formattedPhoneNumber', 'phoneNumber', 'digits'];
export const DEVICE = [
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
];
export const USER_STATE = ['id', 'displayName', 'state', 'workMode', 'reason'];
export const CHANNEL = [
  'channel',
  'userState',
  'phoneNumber',
  'switchName',
  'userActivity',
  'dndState',
];

/** The members of `value` outside `allowed`. */
export const extra = (value: Wire, allowed: string[]) =>
  Object.keys(value).filter((k) => !allowed.includes(k));

export const USER = [
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
  'channels',
  'skills',
];
