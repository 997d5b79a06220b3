/**
 * The agent list as the background keeps it in `storage.session` (key AGENT_DIRECTORY_KEY),
 * where views read it: whatever is stored is read back into a usable value, never trusted.
 */
import { MAX_DIRECTORY_AGENTS } from './parse-users.ts';
import {
  emptyAgentDirectory,
  type AgentDirectory,
  type AgentPresence,
  type DirectoryAgent,
} from './types.ts';

export const AGENT_DIRECTORY_KEY = 'agentDirectory';

const STATUSES = new Set(['ok', 'forbidden', 'unavailable', 'none']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readPresence(value: unknown): AgentPresence | undefined {
  if (!isRecord(value)) return undefined;
  const presence: AgentPresence = { loggedIn: value.loggedIn === true };
  for (const key of ['state', 'displayName', 'workMode', 'reason'] as const) {
    const v = text(value[key]);
    if (v) presence[key] = v;
  }
  return presence;
}

function readAgent(value: unknown): DirectoryAgent | undefined {
  if (!isRecord(value)) return undefined;
  const userId = text(value.userId);
  const name = text(value.name);
  if (!userId || !name) return undefined;
  const agent: DirectoryAgent = {
    userId,
    name,
    deviceUris: Array.isArray(value.deviceUris)
      ? value.deviceUris.filter((u): u is string => typeof u === 'string').slice(0, 10)
      : [],
  };
  for (const key of ['userName', 'dn', 'deviceUri'] as const) {
    const v = text(value[key]);
    if (v) agent[key] = v;
  }
  const presence = readPresence(value.presence);
  if (presence) agent.presence = presence;
  return agent;
}

export function readAgentDirectory(raw: unknown): AgentDirectory {
  if (!isRecord(raw)) return emptyAgentDirectory();
  const status = STATUSES.has(raw.status as string)
    ? (raw.status as AgentDirectory['status'])
    : 'none';
  return {
    agent: text(raw.agent) ?? '',
    status,
    agents: Array.isArray(raw.agents)
      ? raw.agents
          .slice(0, MAX_DIRECTORY_AGENTS)
          .map(readAgent)
          .filter((a): a is DirectoryAgent => a !== undefined)
      : [],
    fetchedAt: typeof raw.fetchedAt === 'number' ? raw.fetchedAt : 0,
  };
}
