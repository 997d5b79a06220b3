/**
 * Read routes (gws-api.md §3, §2.5): collections answer `uris` unless `fields` is given,
 * singular resources answer under their singular key, `/me` takes `subresources`.
 */
import { GwsError, NOT_FOUND, NO_PERMISSION } from '../gws-error.ts';
import { okReply } from './envelope.ts';
import { Router } from '../../http-kit/router.ts';
import { GENERAL_SETTINGS } from '../model/render.ts';
import type { RestHandler, RestRequest } from './rest-request.ts';

type Fields = '*' | Set<string> | undefined;

function fieldsOf(r: RestRequest): Fields {
  const f = r.query.get('fields');
  if (f === null || f.trim() === '') return undefined;
  if (f.split(',').some((x) => x.trim() === '*')) return '*';
  return new Set(
    f
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
}

function project(obj: Record<string, unknown>, fields: Fields): Record<string, unknown> {
  if (fields === undefined || fields === '*') return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj))
    if (k === 'id' || k === 'channel' || fields.has(k)) out[k] = v;
  return out;
}

/** `{uris}` without fields, `{<key>: objects}` with them. */
function collection(
  r: RestRequest,
  key: string,
  items: Record<string, unknown>[],
): Record<string, unknown> {
  const fields = fieldsOf(r);
  if (fields === undefined) return { uris: items.map((i) => i.uri as string) };
  return { [key]: items.map((i) => project(i, fields)) };
}

function subresources(r: RestRequest): Set<string> {
  const s = r.query.get('subresources');
  return new Set(
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
}

const me: RestHandler = (r) => ({ user: r.core.render.user(r.agent, subresources(r)) });

const devices: RestHandler = (r) => collection(r, 'devices', [r.core.render.device(r.agent)]);

const device: RestHandler = (r) => {
  if (r.params.id !== r.agent.deviceId)
    throw new GwsError(NOT_FOUND, `Device ${r.params.id} not found`);
  return { device: project(r.core.render.device(r.agent), fieldsOf(r)) };
};

const calls: RestHandler = (r) =>
  collection(
    r,
    'calls',
    r.agent.calls.map((v) => r.core.render.call(v)),
  );

const call: RestHandler = (r) => {
  const view = r.core.switch.findView(r.agent, r.params.id ?? '');
  if (!view) throw new GwsError(NOT_FOUND, `Call ${r.params.id} not found`);
  return { call: project(r.core.render.call(view), fieldsOf(r)) };
};

const channels: RestHandler = (r) => collection(r, 'channels', r.core.render.channels(r.agent));

const channel: RestHandler = (r) => {
  const found = r.core.render.channels(r.agent).find((c) => c.channel === r.params.ch);
  if (!found) throw new GwsError(NOT_FOUND, `Channel ${r.params.ch} not found`);
  return { channel: found };
};

/** What another user's entry in the user list may embed: never their calls or settings. */
const LISTED_SUBRESOURCES = new Set(['devices', 'channels', 'skills']);

/**
 * `GET /api/v2/users` (gws-api.md §2.1, §6.6): the contact centre's users, for supervisors and
 * administrators; an agent gets it too unless `agentsListUsers` is off [INF]. With `fields`
 * each user is the §6.6 resource, `subresources=devices` adds the voice device with its DN and
 * userState (the directory's agent state). The list is not in the contract table; the path,
 * the `{users}` key and the subresources follow the pattern of §2.5 [INF].
 */
const users: RestHandler = (r) => {
  const agent = r.agent;
  if (!agent.supervisor && !agent.roles.includes('ROLE_ADMIN') && !r.core.config.agentsListUsers) {
    throw new GwsError(NO_PERMISSION, 'User does not have permission to list users');
  }
  const wanted = subresources(r);
  const listed = new Set(
    wanted.has('*') ? LISTED_SUBRESOURCES : [...wanted].filter((s) => LISTED_SUBRESOURCES.has(s)),
  );
  return collection(
    r,
    'users',
    r.core.agents.list.map((a) => r.core.render.user(a, listed)),
  );
};

const services: RestHandler = (r) => {
  const base = r.core.baseUrl;
  const voice = {
    id: 'c7a3f0e2-5a4c-4b8e-9d7e-2f1b6c0d9a11',
    name: 'Voice',
    type: 'Voice',
    switchName: 'SIP_Switch',
    state: r.core.faults.voiceDown ? 'Unavailable' : 'Available',
    uri: `${base}/api/v2/services/c7a3f0e2-5a4c-4b8e-9d7e-2f1b6c0d9a11`,
    path: '/services/c7a3f0e2-5a4c-4b8e-9d7e-2f1b6c0d9a11',
  };
  return collection(r, 'services', [voice]);
};

export function getRoutes(router = new Router<RestHandler>()): Router<RestHandler> {
  return router
    .add('GET', '/api/v2/me', me)
    .add('GET', '/api/v2/me/devices', devices)
    .add('GET', '/api/v2/me/devices/:id', device)
    .add('GET', '/api/v2/devices/:id', device)
    .add('GET', '/api/v2/me/calls', calls)
    .add('GET', '/api/v2/me/calls/:id', call)
    .add('GET', '/api/v2/me/channels', channels)
    .add('GET', '/api/v2/me/channels/:ch', channel)
    .add('GET', '/api/v2/me/settings', (r) => ({ settings: r.core.render.settings() }))
    .add('GET', '/api/v2/me/features', (r) =>
      collection(r, 'features', r.core.render.features(r.agent)),
    )
    .add('GET', '/api/v2/me/skills', (r) => collection(r, 'skills', r.core.render.skills()))
    .add('GET', '/api/v2/settings/general-settings', () => ({ settings: { ...GENERAL_SETTINGS } }))
    .add('GET', '/api/v2/services', services)
    .add('GET', '/api/v2/users', users);
}

/** Reads that need no session. */
export function publicGet(path: string): (() => ReturnType<typeof okReply>) | undefined {
  if (path === '/api/v2/diagnostics/version') return () => okReply({ version: '8.5.200.50' });
  return undefined;
}
