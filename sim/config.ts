/**
 * Simulator options, the demo agents and the runtime configuration that `/sim/config` can
 * change while the simulator runs.
 */

export interface AgentConfig {
  userName: string;
  password: string;
  firstName: string;
  lastName: string;
  dn: string;
  place: string;
  /** Default `['ROLE_AGENT']`; a supervisor gets the monitoring features (gws-api.md §2.1). */
  roles?: string[];
  /**
   * Call recording is configured for this DN: its calls offer StartCallRecording… and carry
   * `recordingState` (gws-api.md §4.8). Default false.
   */
  recording?: boolean;
  /** `Public` removes Answer from ringing calls (gws-api.md §4.4). Default `Private`. */
  telephonyNetwork?: 'Private' | 'Public';
}

export type ParticipantFormat = 'objects' | 'legacy';
/** HTTP status sent with a non-zero statusCode: mapped (400/403/404/500) or always 200. */
export type ErrorHttpStatus = 'mapped' | 'always200';
/** 8.5.2+ uses the callUuid as call id, older builds the connId (gws-api.md §6.1). */
export type CallIdFormat = 'callUuid' | 'connId';

export interface SimOptions {
  /** 0 = ephemeral (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default: DEFAULT_AGENTS. */
  agents?: AgentConfig[];
  /** gws-api.md §6.2; default 'objects'. */
  participantFormat?: ParticipantFormat;
  /** CometD /meta/connect hold; default 30000. */
  longPollTimeoutMs?: number;
  /** A CometD client is forgotten if it does not re-poll within this; default 15000. */
  maxIntervalMs?: number;
  /** A scripted external party answers after this; default 1500. */
  remoteAnswerDelayMs?: number;
  /** CSRF protection (default true). */
  csrf?: boolean;
  /** For absolute uris; default http://host:port. */
  publicBaseUrl?: string;
  /**
   * Origins granted credentialed CORS (GWS: `crossOriginSettings.allowedOrigins`); default none.
   * The extension needs none; see http/cors.ts before adding one.
   */
  allowedOrigins?: string[];
  /** A request body not complete after this is answered 408 (default 10000). */
  bodyTimeoutMs?: number;
  /**
   * The v2 channel model: agent-state and DND changes of voice also send
   * ChannelStateChangeMessageV2 (default false: the device notification only).
   */
  voiceChannelMessages?: boolean;
  /**
   * Send only the members gws-api.md §6 shows (model/documented-members.ts). Default false (the
   * demo); the test harness turns it on.
   */
  strict?: boolean;
  /**
   * Users with only ROLE_AGENT may read the user list (`GET /api/v2/users`). Default true. The
   * documentation shows the list to supervisors and administrators; whether a deployment lets
   * agents read it is not documented [INF], so a test can refuse it (statusCode 5, HTTP 403).
   */
  agentsListUsers?: boolean;
  /** Default silent. */
  log?: (line: string) => void;
  /** Default 'mapped'. */
  errorHttpStatus?: ErrorHttpStatus;
  /** Default 'callUuid'. */
  callIdFormat?: CallIdFormat;
  /** Folder with the web console; default `sim/console` next to this file. */
  consoleDir?: string;
  /** Folder with scenario files; default `sim/scenarios` next to this file. */
  scenariosDir?: string;
}

export const DEFAULT_AGENTS: AgentConfig[] = [
  {
    userName: 'agent1',
    password: 'password',
    firstName: 'Anna',
    lastName: 'Kowalski',
    dn: '7001',
    place: 'Place_7001',
    recording: true,
  },
  {
    userName: 'agent2',
    password: 'password',
    firstName: 'Ben',
    lastName: 'Okafor',
    dn: '7002',
    place: 'Place_7002',
    recording: true,
  },
  {
    userName: 'agent3',
    password: 'password',
    firstName: 'Chloe',
    lastName: 'Martin',
    dn: '7003',
    place: 'Place_7003',
  },
  {
    userName: 'supervisor1',
    password: 'password',
    firstName: 'Sam',
    lastName: 'Rivera',
    dn: '7009',
    place: 'Place_7009',
    roles: ['ROLE_AGENT', 'ROLE_SUPERVISOR'],
  },
];

/** What `/sim/config` may change at run time (and `/sim/reset` restores). */
export interface RuntimeConfig {
  longPollTimeoutMs: number;
  maxIntervalMs: number;
  participantFormat: ParticipantFormat;
  remoteAnswerDelayMs: number;
  csrf: boolean;
  errorHttpStatus: ErrorHttpStatus;
  callIdFormat: CallIdFormat;
  voiceChannelMessages: boolean;
  strict: boolean;
  agentsListUsers: boolean;
}

export function initialRuntimeConfig(o: SimOptions): RuntimeConfig {
  return {
    longPollTimeoutMs: o.longPollTimeoutMs ?? 30_000,
    maxIntervalMs: o.maxIntervalMs ?? 15_000,
    participantFormat: o.participantFormat ?? 'objects',
    remoteAnswerDelayMs: o.remoteAnswerDelayMs ?? 1_500,
    csrf: o.csrf ?? true,
    errorHttpStatus: o.errorHttpStatus ?? 'mapped',
    callIdFormat: o.callIdFormat ?? 'callUuid',
    voiceChannelMessages: o.voiceChannelMessages ?? false,
    strict: o.strict ?? false,
    agentsListUsers: o.agentsListUsers ?? true,
  };
}
