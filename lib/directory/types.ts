/**
 * The transfer and dial directory: who the agent can transfer, conference or dial without
 * typing a number. Entries come from four places: favourites and speed-dial entries the
 * administrator sets (options page or policy), the destinations the agent used last, and the
 * agents GWS knows (`GET /api/v2/users`, with their state where GWS sends it).
 */

/** Where an entry comes from; also the picker's groups, in this order. */
export type EntryKind = 'speed-dial' | 'favourite' | 'recent' | 'agent';

/** What the number reaches. */
export type DestinationKind = 'agent' | 'queue' | 'routing-point' | 'external' | 'other';

export const DESTINATION_KINDS: readonly DestinationKind[] = [
  'agent',
  'queue',
  'routing-point',
  'external',
  'other',
];

/** An agent's voice state as GWS shows it on the agent's device (gws-api.md §6.4). */
export interface AgentPresence {
  /** `Ready`, `NotReady` (…), as GWS sent it; absent while the device is not logged in. */
  state?: string;
  displayName?: string;
  /** `AfterCallWork`, `AuxWork` with NotReady. */
  workMode?: string;
  reason?: string;
  /** The device is logged in to the switch (`deviceState: Active`). */
  loggedIn: boolean;
}

/** An agent GWS lists, with what a transfer or a supervisor's monitoring needs. */
export interface DirectoryAgent {
  userId: string;
  userName?: string;
  /** First and last name, else the user name. */
  name: string;
  /** The DN of the agent's voice device: what a transfer dials. */
  dn?: string;
  /** The device's absolute URI (`targetDeviceUri` of ListenIn/Coach/BargeIn, §4.3). */
  deviceUri?: string;
  /** Every voice device's URI, the first being `deviceUri`. */
  deviceUris: string[];
  /** Absent when GWS sent no state for the agent. */
  presence?: AgentPresence;
}

/** One line of the picker. */
export interface DirectoryEntry {
  kind: EntryKind;
  name: string;
  /** What is dialled: a phone number, a DN or a routing point. */
  number: string;
  destinationKind: DestinationKind;
  /** Speed-dial code typed on the dial pad ("1", "42"). */
  code?: string;
  agent?: DirectoryAgent;
}

/** Why the agent list is what it is. */
export type AgentListStatus =
  /** GWS answered with the list. */
  | 'ok'
  /** GWS refused it to this user (statusCode 5 / HTTP 403): agents only see favourites. */
  | 'forbidden'
  /** The request failed (network, server) or the answer was unreadable. */
  | 'unavailable'
  /** Not asked yet (signed out, or the first request is under way). */
  | 'none';

/** The agents part of the directory, as the background keeps and hands it to views. */
export interface AgentDirectory {
  /** `agentKey(user, server)` of the signed-in agent it was read for; '' when none. */
  agent: string;
  status: AgentListStatus;
  agents: DirectoryAgent[];
  /** When GWS last answered (ms since epoch); 0 when never. */
  fetchedAt: number;
}

export function emptyAgentDirectory(agent = ''): AgentDirectory {
  return { agent, status: 'none', agents: [], fetchedAt: 0 };
}
