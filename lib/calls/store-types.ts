import type {
  AgentStateDefinition,
  AgentUser,
  Call,
  CallNotificationType,
  CallState,
  CallType,
  Channel,
  Device,
  GwsEvent,
  Participant,
  UserSnapshot,
} from '../gws/types.ts';

/**
 * Store state. Plain JSON data only (no Map/Set/Date/class instances): it is persisted to
 * `storage.session` and sent to views as is. All times are epoch milliseconds.
 */
export interface CallsState {
  connection: ConnectionState;
  /** Live calls, in order of first sight (use selectActiveCalls for display order). */
  calls: CallRecord[];
  /** Recently ended calls, newest first, kept briefly for the "call ended" summary. */
  ended: EndedCall[];
  /** Ids of calls seen Released or gone; later notifications for them are ignored. Bounded. */
  tombstones: string[];
  /** Ids of calls that have alerted, ever (bounded). */
  alertedIds: string[];
  /** Alerts not yet acknowledged by the consumer (action `alerts-ack`). */
  alerts: CallAlert[];
  agent: AgentState;
  intents: PendingIntent[];
  /**
   * Set while GWS answers that the voice service (T-Server) is down (HTTP 503 / statusCode 4):
   * the push channel may still be connected, but no call can be controlled.
   */
  voice?: VoiceOutage;
  /** The last asynchronous ErrorMessage, with the intents it failed. */
  lastError?: StoreError;
  /** Highest `now` seen; stamps never go below it, so histories stay ordered. */
  clock: number;
}

/**
 * What views render of the store: everything but the bookkeeping that keeps alerts and late
 * notifications straight (tombstones, alerted ids, the alert queue).
 */
export type CallsView = Omit<CallsState, 'tombstones' | 'alertedIds' | 'alerts'>;

/** What one store action changed, by part, so each consumer reacts only to its part. */
export interface StoreChange {
  /** Anything about the live or recently ended calls (state, data, capabilities, …). */
  calls: boolean;
  /** A call started or ended: the set of live call ids is another. */
  callIds: boolean;
  connection: boolean;
  agent: boolean;
  /** Anything a view renders (CallsView). */
  view: boolean;
}

export type ConnectionState =
  | { kind: 'loggedOut' }
  | { kind: 'connecting'; since: number }
  | { kind: 'connected'; since: number }
  | { kind: 'reconnecting'; attempt: number; reason: string; since: number }
  | { kind: 'sessionLost'; reason: string; since: number }
  | { kind: 'error'; reason: string; since: number };

/** What a caller passes; the store stamps `since` (kept across reconnect attempts). */
export type ConnectionInput =
  | { kind: 'loggedOut' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; attempt: number; reason: string }
  | { kind: 'sessionLost'; reason: string }
  | { kind: 'error'; reason: string };

export interface StateStamp {
  state: CallState;
  at: number;
}

export interface CallRecord {
  call: Call;
  firstSeenAt: number;
  /** Back-dated by the wire `duration` at first sight; never after firstSeenAt. */
  startedAt: number;
  lastUpdateAt: number;
  /** State changes, oldest first, no two consecutive entries with the same state. Bounded. */
  history: StateStamp[];
  lastNotification?: CallNotificationType;
  /** The parent call (transfer/conference origin), when it is live or recently ended. */
  parentId?: string;
  /** Consult calls started from this one that are live or recently ended. */
  consultIds: string[];
  /**
   * The agent dialled this call through a dial-plan rule that rewrote the number: the switch
   * may report the rewritten digits as the party, while the agent, the CRM and the history
   * know the number as it was asked for.
   */
  dialRewrite?: DialRewrite;
}

/** A number the dial plan rewrote: what the agent asked to dial, and what went to GWS. */
export interface DialRewrite {
  asked: string;
  dialled: string;
}

export type EndReason = 'released' | 'recovery';

export interface EndedCall extends CallRecord {
  endedAt: number;
  endReason: EndReason;
}

export interface CallAlert {
  callId: string;
  at: number;
  source: 'notification' | 'recovery';
  callType: CallType;
  ani?: string;
  dnis?: string;
  participants: Participant[];
  userData: Record<string, unknown>;
}

export interface DeviceRecord {
  device: Device;
  /** When the agent entered the current userState (for "time in state"). */
  userStateSince: number;
  /** When a notification made the device Inactive (see `isStaleReturn` in agent.ts). */
  outSince?: number;
}

export interface ChannelRecord {
  channel: Channel;
  userStateSince: number;
  /** When a notification logged the channel out (see `isStaleReturn` in agent.ts). */
  outSince?: number;
}

export interface AgentState {
  user?: AgentUser;
  devices: DeviceRecord[];
  channels: ChannelRecord[];
  agentStates: AgentStateDefinition[];
}

export interface PendingIntent {
  id: string;
  /** A GWS operationName (gws-api.md §3), e.g. 'Answer', 'Dial', 'Ready'. */
  operation: string;
  callId?: string;
  startedAt: number;
  /**
   * A Dial, or a two-step transfer or conference, whose number the dial plan rewrote: handed
   * to the call it places (the consult call for a transfer or conference).
   */
  dial?: DialRewrite;
  /**
   * A Dial: the number sent to GWS (after the dial plan), which the call it places carries as
   * its party or DNIS; absent on intents persisted before it was recorded.
   */
  destination?: string;
}

export interface VoiceOutage {
  reason: string;
  since: number;
}

export interface StoreError {
  at: number;
  errorCode?: string;
  errorMessage?: string;
  callId?: string;
  /** Intents this error ended. */
  intentIds: string[];
}

export type StoreAction =
  | { type: 'event'; event: GwsEvent }
  /** `takenAt`: when the snapshot request was sent; calls updated after it are kept. */
  | { type: 'recovery'; snapshot: UserSnapshot; takenAt?: number }
  | { type: 'connection'; connection: ConnectionInput }
  /** Session over: calls end, agent data goes; alert/tombstone ids are kept (no re-alerts). */
  | { type: 'logged-out' }
  /** Back to the initial state, forgetting everything. */
  | { type: 'reset' }
  | {
      type: 'intent';
      id: string;
      operation: string;
      callId?: string;
      dial?: DialRewrite;
      destination?: string;
    }
  | { type: 'intent-settle'; id: string }
  /** Drops intents older than timeoutMs (the timer that dispatches this lives outside). */
  | { type: 'intents-expire'; timeoutMs: number }
  | { type: 'alerts-ack'; callIds: string[] }
  /** The voice service answered "unavailable" (with the reason), or answers again. */
  | { type: 'voice'; available: true }
  | { type: 'voice'; available: false; reason: string };
