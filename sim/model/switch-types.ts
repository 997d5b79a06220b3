/**
 * The types of the switch model in one place: an agent holds its call views and a view names
 * its agent, so agents.ts and call-model.ts would otherwise import each other.
 */
import type { AgentConfig } from '../config.ts';
import type { UserState } from './agent-states.ts';

export interface MonitoringSettings {
  state: 'ListenIn' | 'Coach' | 'BargeIn';
  mode: 'AllCalls' | 'NextCall';
  scope: 'Call' | 'Agent';
  target: Agent;
  targetDeviceUri: string;
  /** MuteMonitoredUser: the monitored agent is muted on the monitoring calls. */
  monitoredUserMuted: boolean;
}

export interface Agent {
  readonly config: AgentConfig;
  readonly userName: string;
  readonly dn: string;
  readonly userId: string;
  readonly deviceId: string;
  readonly roles: string[];
  readonly supervisor: boolean;
  /** Agent logged in at the switch (survives a GWS restart). */
  switchLoggedIn: boolean;
  /** StartContactCenterSession done in the current GWS lifetime. */
  contactCenterSession: boolean;
  userState: UserState;
  dnd: boolean;
  forwardTo?: string;
  /** Supervisor monitoring set on this (supervisor's) device. */
  monitoring?: MonitoringSettings;
  /** Active call views of this agent, oldest first (Released ones are removed). */
  calls: CallView[];
}

export type CallState = 'Dialing' | 'Ringing' | 'Established' | 'Held' | 'Released';
export type CallType = 'Internal' | 'Inbound' | 'Outbound' | 'Consult';
export type RecordingState = 'Recording' | 'Paused' | 'Stopped';
export type MonitoringKind = 'ListenIn' | 'Coach' | 'BargeIn';

export interface Party {
  kind: 'agent' | 'remote';
  /** DN for agents, the external (or unknown internal) number for remote parties. */
  number: string;
  call: SwitchCall;
  /** Agent parties only. */
  view?: CallView;
  /** Remote parties only: Ringing until a dialled number answers. */
  remoteState?: 'Ringing' | 'Established';
  /** Pending scripted actions of this party (answer, hang up…), cleared when it leaves. */
  timers: Set<NodeJS.Timeout>;
}

export interface UserDataPair {
  key: string;
  value: unknown;
}

export interface SwitchCall {
  readonly connId: string;
  readonly callUuid: string;
  readonly createdAt: number;
  parties: Party[];
  /** A KVList: AttachUserData may add a key twice (gws-api.md §4.6). */
  userData: UserDataPair[];
  recordingState?: RecordingState;
  /** The agent who completed a conference (may remove participants). */
  conferenceOwner?: Agent;
  /** Names given by scenarios, to address the call in later steps. */
  labels: Set<string>;
  ended: boolean;
}

export interface CallView {
  /** Ids of the call when this view was created; a party that moves keeps them. */
  readonly callUuid: string;
  readonly connId: string;
  readonly agent: Agent;
  call: SwitchCall;
  state: CallState;
  callType: CallType;
  ani?: string;
  dnis?: string;
  readonly startedAt: number;
  /** Consult call → the call it consults from (parentCallUri). */
  parent?: CallView;
  /** Original call → its consult call, and why it was made. */
  consult?: CallView;
  consultKind?: 'transfer' | 'conference';
  /** A supervisor's monitoring leg. */
  monitoring?: MonitoringKind;
}
