/** The normalized model parse.ts produces: plain, JSON-serializable data. */

import type {
  CallNotificationType,
  CallState,
  CallType,
  RecordingState,
  OnOff,
  DeviceActivity,
  TelephonyNetwork,
  AgentStateName,
  WorkMode,
  SupervisorMonitoringKind,
  SupervisorMonitoringMode,
  SupervisorMonitoringScope,
  ChannelName,
  CallCapability,
  DeviceCapability,
} from './enums.ts';

export interface Country {
  name: string;
  code: string;
  callingCode: string;
}

/** A call participant; both wire formats become this (gws-api.md §6.2). */
export interface Participant {
  /** Always non-empty: the best number known for this party. */
  phoneNumber: string;
  digits?: string;
  e164Number?: string;
  formattedPhoneNumber?: string;
  localPhoneNumber?: string;
  country?: Country;
  location?: string;
  isValidNumber?: boolean;
}

export interface Call {
  id: string;
  state: CallState;
  callType: CallType;
  callUuid?: string;
  connId?: string;
  deviceUri?: string;
  /** Device id taken from `deviceUri` when it has the documented form. */
  deviceId?: string;
  uri?: string;
  path?: string;
  participants: Participant[];
  ani?: string;
  dnis?: string;
  capabilities: CallCapability[];
  /** `{}` when the wire member is absent. */
  userData: Record<string, unknown>;
  /** Seconds (the wire sends a string); undefined when absent or not a non-negative number. */
  duration?: number;
  mute?: OnOff;
  recordingState?: RecordingState;
  supervisorListeningIn?: boolean;
  monitoredUserMuted?: boolean;
  monitoring?: boolean;
  parentCallUri?: string;
  parentCallPath?: string;
  /** The parent call's id, taken from parentCallUri/parentCallPath. */
  parentCallId?: string;
  /** Members this model does not know, kept as sent. */
  extra: Record<string, unknown>;
}

export interface UserState {
  state: AgentStateName;
  id?: string;
  displayName?: string;
  workMode?: WorkMode;
  /** `reason`, else `reasonCode` (both spellings appear, open question 6). */
  reason?: string;
  reasonCode?: string;
  extra: Record<string, unknown>;
}

export interface SupervisorMonitoringState {
  state?: SupervisorMonitoringKind;
  mode?: SupervisorMonitoringMode;
  scope?: SupervisorMonitoringScope;
  targetDeviceUri?: string;
}

export interface Device {
  id: string;
  deviceState?: DeviceActivity;
  userState?: UserState;
  phoneNumber?: string;
  e164Number?: string;
  telephonyNetwork?: TelephonyNetwork;
  /** True when `doNotDisturb` is `On`; undefined when absent. */
  doNotDisturb?: boolean;
  forwardTo?: string;
  voiceEnvironmentUri?: string;
  capabilities: DeviceCapability[];
  supervisorMonitoringState?: SupervisorMonitoringState;
  description?: string;
  channels?: string[];
  uri?: string;
  extra: Record<string, unknown>;
}

export interface Channel {
  channel: ChannelName;
  userState?: UserState;
  /** True when `dndState` is `On`; undefined when absent. */
  doNotDisturb?: boolean;
  phoneNumber?: string;
  switchName?: string;
  userActivity?: string;
  extra: Record<string, unknown>;
}

/** One entry of the agent-state catalogue (system states plus configured custom ones, §4.2). */
export interface AgentStateDefinition {
  /** What to POST as operationName to select this state. */
  operationName: string;
  displayName: string;
  state?: AgentStateName;
  workMode?: WorkMode;
  reason?: string;
  reasonCode?: string;
  id?: string;
}

export interface AgentUser {
  id: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  roles: string[];
  enabled?: boolean;
  changePasswordOnFirstLogin?: boolean;
  uri?: string;
  features: string[];
  skills: Array<{ name: string; level?: number }>;
  extra: Record<string, unknown>;
}

/** Result of `GET /api/v2/me?subresources=*`, ready for the store's recovery merge (§5.6). */
export interface UserSnapshot {
  user: AgentUser;
  devices: Device[];
  calls: Call[];
  channels: Channel[];
  /** Raw settings sections, as sent. */
  settings: Record<string, unknown>;
  /** Always has the four system states first; custom states from settings follow. */
  agentStates: AgentStateDefinition[];
  /**
   * Which collections the body actually contained. A snapshot without a `calls` member
   * (e.g. `subresources=devices`) says nothing about calls, so recovery must not end them.
   */
  present: { calls: boolean; devices: boolean; channels: boolean };
  /** What was skipped while reading, for diagnostics. */
  warnings: string[];
}

// --- Parsed CometD events ---

export interface CallEvent {
  kind: 'call';
  notificationType: CallNotificationType;
  call: Call;
  /** `data.phoneNumber`: the agent's own DN. */
  agentDn?: string;
  extensions?: Record<string, number>;
  referenceId?: string;
  channel?: string;
  /**
   * Members of the message this client does not read, copied (bounded): `metrics`
   * (gws-api.md §5.4) and whatever a newer server adds. Absent when there are none.
   */
  extra?: Record<string, unknown>;
}

export interface DeviceEvent {
  kind: 'device';
  devices: Device[];
  channel?: string;
}

export interface ChannelEvent {
  kind: 'channel';
  channels: Channel[];
  channel?: string;
}

export interface ErrorEvent {
  kind: 'error';
  errorCode?: string;
  errorMessage?: string;
  agentDn?: string;
  referenceId?: string;
  /** The call the error is about, when the message names one. */
  callId?: string;
  /** The whole data object, since the shape is not documented (open question 1). */
  raw: unknown;
  channel?: string;
}

export interface PasswordEvent {
  kind: 'password';
  result: 'success' | 'error';
  errorCode?: number;
  errorMessage?: string;
  userId?: string;
  userUri?: string;
  channel?: string;
}

export type GwsEvent = CallEvent | DeviceEvent | ChannelEvent | ErrorEvent | PasswordEvent;

export interface UnrecognisedMessage {
  kind: 'unrecognised';
  reason: string;
  /** The input, or a safe copy of it when it could not be kept as is. */
  raw: unknown;
  messageType?: string;
  channel?: string;
}
