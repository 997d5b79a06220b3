/**
 * Reads GWS's user list (`GET /api/v2/users?fields=*&subresources=devices`) into directory
 * agents. The list is not in the contract table (gws-api.md §6.6 shows the user resource,
 * §2.5 the collection pattern) [INF], so everything is read loosely: a user without an id or
 * a device is still listed when it has a name and a DN; a missing state is no state, not an
 * error; the voice state is taken from the device (§6.3), else from a voice channel (§6.5).
 */
import { isRecord, items, nonEmpty, own } from '../gws/safe-read.ts';
import { apiBaseOf } from '../gws/api-base.ts';
import type { AgentPresence, DirectoryAgent } from './types.ts';

/** More agents than a picker can show are never kept (a large site lists thousands). */
export const MAX_DIRECTORY_AGENTS = 500;
/** Names and numbers are cut: they are shown on one line. */
const MAX_TEXT = 120;

export interface UserListReading {
  agents: DirectoryAgent[];
  /** The body carried a user list at all. */
  listed: boolean;
}

function text(value: unknown): string | undefined {
  const s = nonEmpty(value);
  if (s === undefined) return undefined;
  const line = s.replace(/\s+/g, ' ').trim();
  return line === '' ? undefined : line.slice(0, MAX_TEXT);
}

function presenceOf(holder: unknown, loggedIn: boolean): AgentPresence | undefined {
  const userState = own(holder, 'userState');
  if (!isRecord(userState)) return loggedIn ? { loggedIn } : undefined;
  const presence: AgentPresence = { loggedIn };
  const state = text(own(userState, 'state'));
  if (state) presence.state = state;
  const displayName = text(own(userState, 'displayName'));
  if (displayName) presence.displayName = displayName;
  const workMode = text(own(userState, 'workMode'));
  if (workMode) presence.workMode = workMode;
  const reason = text(own(userState, 'reason')) ?? text(own(userState, 'reasonCode'));
  if (reason) presence.reason = reason;
  return presence;
}

/**
 * The device's URI, `<api>/devices/<id>`, the form of every call's `deviceUri` (§6.1) and of
 * `targetDeviceUri` (§4.3). A device resource lists no `uri` (§6.3): one is taken where a
 * generous server sends it [INF]; otherwise it is built on GWS's own API base, read from the
 * device's `voiceEnvironmentUri` or the user's `uri`, so it is the URI GWS itself uses for the
 * device; only when neither has the documented form, on the address signed in to.
 */
function deviceUriOf(device: unknown, user: unknown, apiBaseUrl: string): string | undefined {
  const uri = nonEmpty(own(device, 'uri'));
  if (uri && /^https?:\/\//i.test(uri)) return uri;
  const id = nonEmpty(own(device, 'id'));
  if (!id) return undefined;
  const base =
    apiBaseOf(own(device, 'voiceEnvironmentUri'), 'voice-environments') ??
    apiBaseOf(own(user, 'uri'), 'users') ??
    apiBaseUrl;
  return `${base}/devices/${encodeURIComponent(id)}`;
}

function readUser(user: unknown, apiBaseUrl: string): DirectoryAgent | undefined {
  if (!isRecord(user)) return undefined;
  const userName = text(own(user, 'userName'));
  const fullName = [text(own(user, 'firstName')), text(own(user, 'lastName'))]
    .filter(Boolean)
    .join(' ');
  const devices = items(own(user, 'devices'), 10).filter(isRecord);
  const voice = items(own(user, 'channels'), 10).find(
    (c) => isRecord(c) && own(c, 'channel') === 'voice',
  );
  // The active device is the one the agent is logged in on; else the first one listed.
  const device = devices.find((d) => own(d, 'deviceState') === 'Active') ?? devices[0];
  const dn = text(own(device, 'phoneNumber')) ?? text(own(voice, 'phoneNumber'));
  const name = fullName || userName;
  const userId = text(own(user, 'id')) ?? userName;
  if (!name || !userId) return undefined;
  const agent: DirectoryAgent = {
    userId,
    name,
    deviceUris: devices
      .map((d) => deviceUriOf(d, user, apiBaseUrl))
      .filter((u): u is string => u !== undefined),
  };
  if (userName) agent.userName = userName;
  if (dn) agent.dn = dn;
  const primary = device ? deviceUriOf(device, user, apiBaseUrl) : undefined;
  if (primary) {
    agent.deviceUri = primary;
    agent.deviceUris = [primary, ...agent.deviceUris.filter((u) => u !== primary)];
  }
  const presence = device
    ? presenceOf(device, own(device, 'deviceState') === 'Active')
    : voice
      ? presenceOf(voice, true)
      : undefined;
  if (presence) agent.presence = presence;
  return agent;
}

/**
 * The agents of a user-list answer, sorted by name, without `self` (the signed-in user's id
 * or user name: nobody transfers to themselves), at most MAX_DIRECTORY_AGENTS.
 * `apiBaseUrl` is `<server>/api/v2`, for device URIs GWS gives no base for.
 */
export function readUserList(
  body: unknown,
  apiBaseUrl: string,
  self: { userId?: string; userName?: string } = {},
): UserListReading {
  const list = own(body, 'users');
  if (!Array.isArray(list)) return { agents: [], listed: false };
  const agents: DirectoryAgent[] = [];
  const seen = new Set<string>();
  for (const raw of items(list, MAX_DIRECTORY_AGENTS * 2)) {
    const agent = readUser(raw, apiBaseUrl);
    if (!agent || seen.has(agent.userId)) continue;
    if (agent.userId === self.userId || (self.userName && agent.userName === self.userName))
      continue;
    seen.add(agent.userId);
    agents.push(agent);
    if (agents.length >= MAX_DIRECTORY_AGENTS) break;
  }
  agents.sort((a, b) => a.name.localeCompare(b.name));
  return { agents, listed: true };
}
