import type { AgentStateDefinition, AgentUser, UserSnapshot } from './types.ts';
import { parseCall, type Parsed } from './parse-call.ts';
import { parseChannel, parseDevice } from './parse-device.ts';
import {
  extraMembers,
  hasOwn,
  isArray,
  isRecord,
  items,
  nonEmpty,
  nonNegativeNumber,
  own,
  ownKeys,
  recordCopy,
  str,
  strings,
} from './safe-read.ts';

/** The four system states, always available (gws-api.md §4.2, ids from §6.4). */
export const SYSTEM_AGENT_STATES: readonly AgentStateDefinition[] = [
  {
    operationName: 'Ready',
    displayName: 'Ready',
    state: 'Ready',
    id: '9430250E-0A1B-421F-B372-F29E69366DED',
  },
  {
    operationName: 'NotReady',
    displayName: 'Not Ready',
    state: 'NotReady',
    id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
  },
  {
    operationName: 'AfterCallWork',
    displayName: 'AfterCallWork',
    state: 'NotReady',
    workMode: 'AfterCallWork',
    id: 'D3663509-3D82-4DD3-A82E-2EA8EFA02AEF',
  },
  {
    operationName: 'AuxWork',
    displayName: 'AuxWork',
    state: 'NotReady',
    workMode: 'AuxWork',
    id: '2B36138D-C564-4562-A8CB-3C32D564F296',
  },
];

const MAX_CUSTOM_STATES = 100;

const KNOWN_USER_KEYS: ReadonlySet<string> = new Set([
  'id',
  'userName',
  'firstName',
  'lastName',
  'emailAddress',
  'roles',
  'enabled',
  'changePasswordOnFirstLogin',
  'uri',
  'devices',
  'calls',
  'channels',
  'settings',
  'features',
  'skills',
  'agentStates',
]);

/**
 * Reads `GET /api/v2/me?subresources=*` (the `{statusCode, user}` body, or the user object
 * itself). Fails only when the body is an error envelope or holds no user object; unreadable
 * devices/calls/channels are skipped and listed in `warnings`.
 */
export function parseUserSnapshot(body: unknown): Parsed<UserSnapshot> {
  try {
    return readSnapshot(body);
  } catch {
    return { ok: false, reason: 'snapshot could not be read' };
  }
}

/** Same as parseUserSnapshot (name used by the client contract). */
export const parseUser = parseUserSnapshot;

function readSnapshot(body: unknown): Parsed<UserSnapshot> {
  if (!isRecord(body)) return { ok: false, reason: 'snapshot body is not an object' };
  const statusCode = own(body, 'statusCode');
  if (typeof statusCode === 'number' && statusCode !== 0) {
    const message = str(own(body, 'statusMessage')) ?? '';
    return { ok: false, reason: `statusCode ${statusCode} ${message}`.trim() };
  }
  const user = isRecord(own(body, 'user'))
    ? own(body, 'user')
    : hasOwn(body, 'userName')
      ? body
      : undefined;
  if (!isRecord(user)) return { ok: false, reason: 'snapshot has no user object' };

  const warnings: string[] = [];
  const id = nonEmpty(own(user, 'id')) ?? '';
  if (id === '') warnings.push('user has no id');
  const agent: AgentUser = {
    id,
    roles: strings(own(user, 'roles')),
    features: items(own(user, 'features'))
      .map((f) => (isRecord(f) ? nonEmpty(own(f, 'id')) : nonEmpty(f)))
      .filter((f): f is string => f !== undefined),
    skills: readSkills(own(user, 'skills')),
    extra: extraMembers(user, KNOWN_USER_KEYS),
  };
  for (const key of ['userName', 'firstName', 'lastName', 'emailAddress', 'uri'] as const) {
    const value = nonEmpty(own(user, key));
    if (value !== undefined) agent[key] = value;
  }
  for (const key of ['enabled', 'changePasswordOnFirstLogin'] as const) {
    const value = own(user, key);
    if (typeof value === 'boolean') agent[key] = value;
  }

  const settings = recordCopy(own(user, 'settings')) ?? {};
  return {
    ok: true,
    value: {
      user: agent,
      devices: readList(own(user, 'devices'), parseDevice, 'device', warnings),
      calls: readList(own(user, 'calls'), parseCall, 'call', warnings),
      channels: readList(own(user, 'channels'), parseChannel, 'channel', warnings),
      settings,
      agentStates: readAgentStates(own(user, 'agentStates'), settings),
      present: {
        calls: isArray(own(user, 'calls')),
        devices: isArray(own(user, 'devices')),
        channels: isArray(own(user, 'channels')),
      },
      warnings,
    },
  };
}

function readList<T>(
  value: unknown,
  parse: (raw: unknown) => Parsed<T>,
  what: string,
  warnings: string[],
): T[] {
  const out: T[] = [];
  items(value).forEach((item, index) => {
    // Without `fields=*` collections hold URIs only (gws-api.md §2.5): nothing to model.
    const result = parse(item);
    if (result.ok) out.push(result.value);
    else warnings.push(`${what}[${index}] skipped: ${result.reason}`);
  });
  return out;
}

function readSkills(value: unknown): Array<{ name: string; level?: number }> {
  const out: Array<{ name: string; level?: number }> = [];
  for (const skill of items(value)) {
    const name = nonEmpty(own(skill, 'name'));
    if (name === undefined) continue;
    const level = nonNegativeNumber(own(skill, 'level'));
    out.push(level === undefined ? { name } : { name, level });
  }
  return out;
}

/**
 * The agent-state catalogue: system states first, then custom states. Where a server keeps
 * custom states is not documented for v2 (gws-api.md §4.2 only says "agent states settings"),
 * so any settings section whose name reads "agent state(s)" is accepted, in any of these
 * shapes: an array of entries; a map operationName → entry; a map operationName → display
 * name; entries given as JSON strings. A `user.agentStates` array is read as well.
 */
export function readAgentStates(
  direct: unknown,
  settings: Record<string, unknown>,
): AgentStateDefinition[] {
  const out: AgentStateDefinition[] = [...SYSTEM_AGENT_STATES];
  const seen = new Set(out.map((s) => s.operationName));
  const add = (def: AgentStateDefinition | undefined): void => {
    if (
      !def ||
      seen.has(def.operationName) ||
      out.length >= SYSTEM_AGENT_STATES.length + MAX_CUSTOM_STATES
    )
      return;
    seen.add(def.operationName);
    out.push(def);
  };
  readSection(direct, add);
  for (const key of ownKeys(settings)) {
    if (
      key
        .toLowerCase()
        .replace(/[^a-z]/g, '')
        .includes('agentstate')
    )
      readSection(own(settings, key), add);
  }
  return out;
}

function readSection(section: unknown, add: (def: AgentStateDefinition | undefined) => void): void {
  const value = maybeJson(section);
  if (isArray(value)) {
    for (const entry of items(value)) add(readEntry(maybeJson(entry), undefined));
    return;
  }
  if (!isRecord(value)) return;
  // A wrapper such as `{ states: [...] }` / `{ items: [...] }`.
  for (const wrapper of ['states', 'agentStates', 'items', 'entries']) {
    if (isArray(own(value, wrapper))) return readSection(own(value, wrapper), add);
  }
  for (const key of ownKeys(value)) {
    const entry = maybeJson(own(value, key));
    if (typeof entry === 'string') add(readEntry({ displayName: entry }, key));
    else add(readEntry(entry, key));
  }
}

function readEntry(entry: unknown, key: string | undefined): AgentStateDefinition | undefined {
  if (!isRecord(entry)) return undefined;
  const operationName =
    nonEmpty(own(entry, 'operationName')) ??
    nonEmpty(own(entry, 'operation')) ??
    nonEmpty(key) ??
    nonEmpty(own(entry, 'name'));
  if (operationName === undefined || operationName === '__proto__') return undefined;
  const def: AgentStateDefinition = {
    operationName,
    displayName:
      nonEmpty(own(entry, 'displayName')) ??
      nonEmpty(own(entry, 'label')) ??
      nonEmpty(own(entry, 'name')) ??
      operationName,
  };
  const state = nonEmpty(own(entry, 'state'));
  if (state !== undefined) def.state = state;
  const workMode = nonEmpty(own(entry, 'workMode')) ?? nonEmpty(own(entry, 'workmode'));
  if (workMode !== undefined) def.workMode = workMode;
  const reason = nonEmpty(own(entry, 'reason')) ?? nonEmpty(own(entry, 'reasonCode'));
  if (reason !== undefined) def.reason = reason;
  const reasonCode = nonEmpty(own(entry, 'reasonCode'));
  if (reasonCode !== undefined) def.reasonCode = reasonCode;
  const id = nonEmpty(own(entry, 'id'));
  if (id !== undefined) def.id = id;
  return def;
}

/** Settings values are often strings; a string that looks like JSON is read as JSON. */
function maybeJson(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > 20_000) return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}
