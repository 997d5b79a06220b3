/**
 * GWS v2 enumerations (gws-api.md §7). Each is the documented values plus `(string & {})`,
 * so a value a newer or older server sends is carried through instead of being rejected
 * (gws-api.md §11).
 */
import type { CallOperationName } from './call-operations.ts';

/** Any string, without swallowing the literal members of a union in editor completions. */
export type OpenString = string & {};

export type MessageType =
  | 'CallStateChangeMessage'
  | 'DeviceStateChangeMessage'
  | 'ChannelStateChangeMessageV2'
  | 'ErrorMessage'
  | 'ChatStateChangeMessage'
  | 'MessageLogUpdated'
  | 'EmailStateChangeMessage'
  | 'OpenmediaStateChangeMessage'
  | 'IMSessionStateChangeMessage'
  | 'OutboundRecordMessage'
  | OpenString;

export type CallNotificationType =
  | 'StatusChange'
  | 'ParticipantsUpdated'
  | 'AttachedDataChanged'
  | 'DtmfSent'
  | 'CallRecordingStateChange'
  | OpenString;

export type PasswordNotificationType = 'PasswordChangeSuccessful' | 'PasswordChangeError';

/** Open question 4: other states were never seen; unknown ones are carried. */
export type CallState = 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released' | OpenString;
export type CallType = 'Internal' | 'Inbound' | 'Outbound' | 'Consult' | OpenString;
export type RecordingState = 'Recording' | 'Paused' | 'Stopped' | OpenString;
export type OnOff = 'On' | 'Off' | OpenString;
export type DeviceActivity = 'Active' | 'Inactive' | OpenString;
export type TelephonyNetwork = 'Private' | 'Public' | OpenString;
/** `LoggedIn` was seen once right after login (gws-api.md §6.4). */
export type AgentStateName = 'Ready' | 'NotReady' | 'LoggedIn' | OpenString;
export type WorkMode = 'AfterCallWork' | 'AuxWork' | 'ManualIn' | 'AutoIn' | OpenString;
export type SupervisorMonitoringKind = 'ListenIn' | 'Coach' | 'BargeIn' | OpenString;
export type SupervisorMonitoringMode = 'AllCalls' | 'NextCall' | OpenString;
export type SupervisorMonitoringScope = 'Call' | 'Agent' | OpenString;
export type ChannelName = 'voice' | 'chat' | 'email' | 'workitem' | 'twitter' | 'im' | OpenString;

/**
 * Capability strings double as the operationName of the matching request (gws-api.md §7):
 * the call operations of the one table, and whatever else a server offers.
 */
export type CallCapability = CallOperationName | OpenString;

export type DeviceCapability =
  | 'DoNotDisturbOn'
  | 'DoNotDisturbOff'
  | 'ForwardCallsOn'
  | 'ForwardCallsOff'
  | 'ListenIn'
  | 'Coach'
  | 'BargeIn'
  | 'CancelSupervisorMonitoring'
  | 'MuteMonitoredUser'
  | 'UnmuteMonitoredUser'
  | OpenString;

/** REST envelope statusCode values (gws-api.md §2.4); other integers may appear. */
export type GwsStatusCode =
  | 0
  | 1
  | 2
  | 3
  | 4
  | 5
  | 6
  | 7
  | 8
  | 9
  | 10
  | 11
  | 12
  | 13
  | 14
  | 15
  | 16
  | 17
  | 18
  | 19
  | 20
  | (number & {});
