/**
 * Every fault of the control API in one table (`/sim/faults/<name>`): a switch (PUT) keeps a
 * state that the part of the simulator it breaks reads from `core.faults`; an action (POST)
 * happens once.  The routes, `/sim/state`'s `faults` and reset all come from
 * here, so a new fault is one entry plus the line that acts on it (and, if it should have one, a
 * console control).
 */
import type { Bayeux } from './bayeux.ts';
import { bool, optionalMs, type Body } from './control/params.ts';
import type { SimCore } from './core.ts';
import { GwsError, NOT_FOUND } from './gws-error.ts';
import { optionalString } from './ops/params.ts';

export interface FaultContext {
  core: SimCore;
  bayeux(): Bayeux;
  restart(): Promise<void>;
}

interface Switch<S> {
  kind: 'switch';
  initial(): S;
  /** The new state from a PUT body (throws a GwsError for a bad one). */
  parse(body: Body): S;
  /** Runs after the state changed. */
  changed?(ctx: FaultContext, state: S): void;
}

/** What an action answers; `after` runs once the answer is on the wire. */
export interface ActionOutcome {
  result?: Body;
  headers?: Record<string, string>;
  after?: () => void;
}

interface Action {
  kind: 'action';
  run(ctx: FaultContext, body: Body): ActionOutcome;
}

const prefixed = (b: Body) => optionalString(b, 'pathPrefix') ?? '/api/v2';

/** Voice operations → HTTP 503 statusCode 4; `/services` shows Voice Unavailable. */
const voiceDown: Switch<boolean> = { kind: 'switch', initial: () => false, parse: (b) => bool(b) };

/** REST answers under the prefix wait `ms`. */
const delay: Switch<{ ms: number; pathPrefix: string }> = {
  kind: 'switch',
  initial: () => ({ ms: 0, pathPrefix: '/api/v2' }),
  parse: (b) => ({ ms: optionalMs(b, 'ms') ?? 0, pathPrefix: prefixed(b) }),
};

/** `/meta/connect` answers are held while on, released at once when turned off. */
const stall: Switch<boolean> = {
  kind: 'switch',
  initial: () => false,
  parse: (b) => bool(b),
  changed: (ctx, on) => {
    if (!on) ctx.bayeux().releaseStalled();
  },
};

/** Every notification is delivered twice. */
const duplicate: Switch<boolean> = { kind: 'switch', initial: () => false, parse: (b) => bool(b) };

/** Notifications are delivered in swapped pairs (a lone one goes out after 2 s). */
const reorder: Switch<boolean> = { kind: 'switch', initial: () => false, parse: (b) => bool(b) };

/** REST handlers under the prefix fail: HTTP 500 statusCode 4. */
const internalError: Switch<{ on: boolean; pathPrefix: string }> = {
  kind: 'switch',
  initial: () => ({ on: false, pathPrefix: '/api/v2' }),
  parse: (b) => ({ on: bool(b), pathPrefix: prefixed(b) }),
};

const SWITCHES = { voiceDown, delay, stall, duplicate, reorder, internalError };

/** The state of every switch, by its camelCase name. */
export type FaultState = {
  -readonly [K in keyof typeof SWITCHES]: ReturnType<(typeof SWITCHES)[K]['initial']>;
};

export function initialFaults(): FaultState {
  return Object.fromEntries(
    Object.entries(SWITCHES).map(([name, s]) => [name, s.initial()]),
  ) as FaultState;
}

const ACTIONS: Record<string, Action> = {
  /** All CometD clients forgotten → 402 + handshake advice. */
  'drop-clients': {
    kind: 'action',
    run: (ctx) => ({ result: { dropped: ctx.bayeux().dropAll() } }),
  },
  /** HTTP sessions invalidated (all, or `agent`'s). */
  'expire-sessions': {
    kind: 'action',
    run: ({ core }, b) => {
      const name = optionalString(b, 'agent');
      const agent = name !== undefined ? core.agents.byNameOrDn(name) : undefined;
      if (name !== undefined && !agent) throw new GwsError(NOT_FOUND, `No agent ${name}`);
      return { result: { expired: core.sessions.invalidateWhere(agent?.userName) } };
    },
  },
  /** Answers, then closes the socket and every connection, reopens ~300 ms later. */
  restart: {
    kind: 'action',
    run: (ctx) => ({
      result: { downMs: 300 },
      headers: { Connection: 'close' },
      after: () => void ctx.restart(),
    }),
  },
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The control endpoints of the faults: `PUT /sim/faults/<switch>`, `POST /sim/faults/<action>`. */
export function faultEndpoints(): Array<{
  method: 'PUT' | 'POST';
  path: string;
  handle(ctx: FaultContext, body: Body): ActionOutcome;
}> {
  const switches = Object.entries(SWITCHES).map(([name, s]) => ({
    method: 'PUT' as const,
    path: `/sim/faults/${kebab(name)}`,
    handle(ctx: FaultContext, body: Body): ActionOutcome {
      const sw = s as Switch<unknown>;
      const state = sw.parse(body);
      (ctx.core.faults as Record<string, unknown>)[name] = state;
      sw.changed?.(ctx, state);
      return {};
    },
  }));
  const actions = Object.entries(ACTIONS).map(([name, a]) => ({
    method: 'POST' as const,
    path: `/sim/faults/${name}`,
    handle: (ctx: FaultContext, body: Body) => a.run(ctx, body),
  }));
  return [...switches, ...actions];
}
