/** The raw wire: GWS REST bodies and CometD data messages as sent (gws-api.md §2, §5, §6). */

import type {
  CallNotificationType,
  PasswordNotificationType,
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
  GwsStatusCode,
} from './enums.ts';

export interface WireCountry {
  name?: string;
  code?: string;
  callingCode?: string;
}

/** New participant format (8.5.2 final, 8.6), gws-api.md §6.2. */
export interface WireParticipant {
  phoneNumber?: string;
  digits?: string;
  /** `""` for internal extensions. */
  e164Number?: string;
  formattedPhoneNumber?: string;
  country?: WireCountry;
  location?: string | null;
}

/** Old format companion of `participants: ["5001"]`, item i describes participants[i]. */
export interface WireParticipantInfo {
  digits?: string;
  e164Number?: string;
  E164digits?: string;
  formattedPhoneNumber?: string;
  localPhoneNumber?: string;
  country?: WireCountry;
  location?: string | null;
  isValidNumber?: boolean;
}

/** Call resource, identical in GET results and notifications (gws-api.md §6.1). */
export interface WireCall {
  /** Opaque: callUuid (32 `[0-9A-Z]`) on 8.5.2+, connId (16 hex) on older builds. */
  id: string;
  state: CallState;
  callUuid?: string;
  connId?: string;
  deviceUri?: string;
  uri?: string;
  path?: string;
  /** Strings (old format, with participantsInfo) or objects (new format); may be `[]`. */
  participants?: Array<string | WireParticipant>;
  participantsInfo?: WireParticipantInfo[];
  ani?: string;
  dnis?: string;
  callType?: CallType;
  capabilities?: CallCapability[];
  /** Absent when empty (after DeleteUserData). */
  userData?: Record<string, unknown>;
  /** Seconds since the call started, as a string ("0", "22"). */
  duration?: string;
  mute?: OnOff;
  recordingState?: RecordingState;
  supervisorListeningIn?: boolean;
  monitoredUserMuted?: boolean;
  monitoring?: boolean;
  parentCallUri?: string;
  parentCallPath?: string;
  case?: unknown[];
}

/** Agent state object (gws-api.md §6.4); `reason`/`reasonCode` both seen (open question 6). */
export interface WireUserState {
  id?: string;
  displayName?: string;
  state: AgentStateName;
  workMode?: WorkMode;
  reason?: string;
  reasonCode?: string;
}

export interface WireSupervisorMonitoringState {
  state?: SupervisorMonitoringKind;
  mode?: SupervisorMonitoringMode;
  scope?: SupervisorMonitoringScope;
  targetDeviceUri?: string;
}

/** Device resource (gws-api.md §6.3). Notifications always carry the full device. */
export interface WireDevice {
  /** Lower-case UUID. */
  id: string;
  deviceState?: DeviceActivity;
  userState?: WireUserState;
  phoneNumber?: string;
  e164Number?: string;
  telephonyNetwork?: TelephonyNetwork;
  doNotDisturb?: OnOff;
  /** Present only while forwarding is on. */
  forwardTo?: string;
  voiceEnvironmentUri?: string;
  capabilities?: DeviceCapability[];
  /** Absent when not monitoring. */
  supervisorMonitoringState?: WireSupervisorMonitoringState;
  description?: string;
  channels?: string[];
  uri?: string;
  path?: string;
}

/** Channel resource (gws-api.md §6.5); `dndState` in notifications. */
export interface WireChannel {
  channel: ChannelName;
  userState?: WireUserState;
  dndState?: OnOff;
  phoneNumber?: string;
  switchName?: string;
  userActivity?: string;
}

export interface WireSkill {
  id?: string;
  name?: string;
  level?: number;
  uri?: string;
  path?: string;
}

export interface WireFeature {
  id?: string;
  displayName?: string;
  description?: string;
  uri?: string;
  path?: string;
}

/** User resource (gws-api.md §6.6); collection members only with `?subresources=`. */
export interface WireUser {
  /** 32 lower-case hex. */
  id: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  roles?: string[];
  enabled?: boolean;
  changePasswordOnFirstLogin?: boolean;
  uri?: string;
  path?: string;
  devices?: WireDevice[];
  calls?: WireCall[];
  channels?: WireChannel[];
  channelStates?: unknown[];
  skills?: WireSkill[];
  interactions?: unknown[];
  chats?: unknown[];
  /** `{ section: { key: value } }`; sections differ per deployment. */
  settings?: Record<string, unknown>;
  groups?: unknown[];
  features?: WireFeature[];
}

// --- REST response bodies (gws-api.md §2.4, §2.5) ---

export interface WireStatusResponse {
  statusCode: GwsStatusCode;
  /** Only on errors. */
  statusMessage?: string;
}
export interface WireUserResponse extends WireStatusResponse {
  user?: WireUser;
}
export interface WireDevicesResponse extends WireStatusResponse {
  devices?: WireDevice[];
  uris?: string[];
}
export interface WireDeviceResponse extends WireStatusResponse {
  device?: WireDevice;
}
export interface WireCallsResponse extends WireStatusResponse {
  calls?: WireCall[];
  uris?: string[];
}
export interface WireCallResponse extends WireStatusResponse {
  call?: WireCall;
}
export interface WireChannelsResponse extends WireStatusResponse {
  channels?: WireChannel[];
  uris?: string[];
}
export interface WireVersionResponse extends WireStatusResponse {
  version?: string;
}
export interface WireGeneralSettingsResponse extends WireStatusResponse {
  settings?: { countryCode?: string; countryDigits?: string; countryName?: string };
}

// --- CometD data messages (gws-api.md §5.4, §5.5) ---

export interface WireMetrics {
  eventProcessing?: {
    nodeProcessingTimeNanos?: number;
    serverGenerationTimestamp?: number;
    serverProcessingTimeTotalMs?: number;
  };
}

export interface WireCallStateChangeMessage {
  messageType: 'CallStateChangeMessage';
  notificationType: CallNotificationType;
  call: WireCall;
  /** The agent's own DN, not a participant. */
  phoneNumber?: string;
  /** T-Server extensions; values are numbers (gws-api.md §11), e.g. `{BusinessCall:0}`. */
  extensions?: Record<string, number>;
  metrics?: WireMetrics;
  referenceId?: string | number;
}

export interface WireDeviceStateChangeMessage {
  messageType: 'DeviceStateChangeMessage';
  devices: WireDevice[];
}

/** 8.5.0 servers sent this without messageType. */
export interface WireChannelStateChangeMessage {
  messageType?: 'ChannelStateChangeMessageV2';
  channels: WireChannel[];
}

/** Asynchronous voice error; field names are not documented (open question 1). */
export interface WireErrorMessage {
  messageType: 'ErrorMessage';
  errorCode?: string | number;
  errorMessage?: string;
  phoneNumber?: string;
  referenceId?: string | number;
  call?: WireCall;
}

/** On `/v2/me` (and `/v2/users` with userUri/userId). errorCode 1 guidelines, 2 wrong old password, 3 internal. */
export interface WirePasswordChangeMessage {
  messageType?: string;
  notificationType: PasswordNotificationType;
  errorCode?: number;
  errorMessage?: string;
  userUri?: string;
  userId?: string;
}

export type GwsMessageData =
  | WireCallStateChangeMessage
  | WireDeviceStateChangeMessage
  | WireChannelStateChangeMessage
  | WireErrorMessage
  | WirePasswordChangeMessage;

/** Bayeux data message as delivered by a `/meta/connect` response (gws-api.md §5.4). */
export interface GwsEnvelope<D = GwsMessageData> {
  channel: string;
  data: D;
  id?: string;
  clientId?: string;
}
