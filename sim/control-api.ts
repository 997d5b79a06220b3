/**
 * The control API under /sim (no authentication): truth, request log, call injection, remote
 * parties, raw publishing, faults, configuration, scenarios and reset. Documented in
 * sim/README.md. Answers use the same `{statusCode, statusMessage?}` envelope as GWS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bayeux } from './bayeux.ts';
import type { RuntimeConfig } from './config.ts';
import { createSimCall, remoteAction } from './control/sim-calls.ts';
import { simState } from './control/sim-state.ts';
import type { SimCore } from './core.ts';
import { GwsError, MISSING, NOT_FOUND, OUT_OF_RANGE } from './gws-error.ts';
import { checkControlRequest } from './http/control-guard.ts';
import { replyForError, send, type Reply } from './http/envelope.ts';
import { parseJsonObject, readBody } from './http/request-parts.ts';
import { Router, type Params } from '../http-kit/router.ts';
import { optionalOneOf, optionalString, requireString } from './ops/params.ts';
import type { ScenarioRunner } from './scenarios/runner.ts';

export interface ControlDeps {
  core: SimCore;
  bayeux(): Bayeux;
  scenarios: ScenarioRunner;
  restart(): Promise<void>;
  reset(): void;
}

type Body = Record<string, unknown>;
type Handler = (body: Body, params: Params, query: URLSearchParams) => Body | void;

function bool(body: Body, key = 'on'): boolean {
  const v = body[key];
  if (typeof v !== 'boolean') throw new GwsError(MISSING, `Parameter '${key}' must be a boolean`);
  return v;
}

function optionalMs(body: Body, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 3_600_000) {
    throw new GwsError(
      OUT_OF_RANGE,
      `Parameter '${key}' must be a number of milliseconds (0..3600000)`,
    );
  }
  return v;
}

export function controlRouter(d: ControlDeps): Router<Handler> {
  const { core } = d;
  const r = new Router<Handler>();
  r.add('GET', '/sim/state', () => simState(core, d.bayeux().clientCount, d.scenarios.running));
  r.add('GET', '/sim/requests', (_b, _p, q) => ({
    requests: core.requestLog.list(q.get('agent') ?? undefined),
  }));
  r.add('DELETE', '/sim/requests', () => core.requestLog.clear());
  r.add('POST', '/sim/calls', (b) => createSimCall(core, b));
  r.add('POST', '/sim/calls/:id/remote', (b, p) => remoteAction(core, p.id ?? '', b));
  r.add('GET', '/sim/remote-parties', () => ({ remoteParties: core.remote.list() }));
  r.add('PUT', '/sim/remote-parties/:number', (b, p) => {
    const behaviour = optionalOneOf(b, 'behaviour', ['answer', 'busy', 'no-answer']);
    if (!behaviour) throw new GwsError(MISSING, "Missing required parameter 'behaviour'");
    core.remote.set(p.number ?? '', {
      behaviour: behaviour as 'answer' | 'busy' | 'no-answer',
      answerDelayMs: optionalMs(b, 'answerDelayMs'),
      hangupAfterMs: optionalMs(b, 'hangupAfterMs'),
    });
  });
  r.add('POST', '/sim/publish', (b) => {
    const agent = core.agents.byNameOrDn(requireString(b, 'agent'));
    if (!agent) throw new GwsError(NOT_FOUND, `No agent ${String(b.agent)}`);
    const raw = optionalString(b, 'rawFrame');
    if (raw !== undefined) return void d.bayeux().setRawFrame(agent.userName, raw);
    const channel = requireString(b, 'channel');
    if (!('data' in b)) throw new GwsError(MISSING, "Missing required parameter 'data'");
    d.bayeux().deliver({ userName: agent.userName, channel, data: b.data }, false);
  });
  r.add('POST', '/sim/faults/drop-clients', () => ({ dropped: d.bayeux().dropAll() }));
  r.add('POST', '/sim/faults/expire-sessions', (b) => {
    const name = optionalString(b, 'agent');
    const agent = name !== undefined ? core.agents.byNameOrDn(name) : undefined;
    if (name !== undefined && !agent) throw new GwsError(NOT_FOUND, `No agent ${name}`);
    return { expired: core.sessions.invalidateWhere(agent?.userName) };
  });
  r.add('PUT', '/sim/faults/voice-down', (b) => void (core.faults.voiceDown = bool(b)));
  r.add('PUT', '/sim/faults/delay', (b) => {
    core.faults.delay = {
      ms: optionalMs(b, 'ms') ?? 0,
      pathPrefix: optionalString(b, 'pathPrefix') ?? '/api/v2',
    };
  });
  r.add('PUT', '/sim/faults/stall', (b) => {
    core.faults.stall = bool(b);
    if (!core.faults.stall) d.bayeux().releaseStalled();
  });
  r.add('PUT', '/sim/faults/internal-error', (b) => {
    core.faults.internalError = {
      on: bool(b),
      pathPrefix: optionalString(b, 'pathPrefix') ?? '/api/v2',
    };
  });
  r.add('PUT', '/sim/faults/duplicate', (b) => void (core.faults.duplicate = bool(b)));
  r.add('PUT', '/sim/faults/reorder', (b) => void (core.faults.reorder = bool(b)));
  r.add('GET', '/sim/config', () => ({ config: { ...core.config } }));
  r.add('PUT', '/sim/config', (b) => {
    const patch: Partial<RuntimeConfig> = {};
    const lp = optionalMs(b, 'longPollTimeoutMs');
    if (lp !== undefined) patch.longPollTimeoutMs = lp;
    const mi = optionalMs(b, 'maxIntervalMs');
    if (mi !== undefined) patch.maxIntervalMs = mi;
    const ra = optionalMs(b, 'remoteAnswerDelayMs');
    if (ra !== undefined) patch.remoteAnswerDelayMs = ra;
    const pf = optionalOneOf(b, 'participantFormat', ['objects', 'legacy']);
    if (pf) patch.participantFormat = pf as RuntimeConfig['participantFormat'];
    const eh = optionalOneOf(b, 'errorHttpStatus', ['mapped', 'always200']);
    if (eh) patch.errorHttpStatus = eh as RuntimeConfig['errorHttpStatus'];
    const cf = optionalOneOf(b, 'callIdFormat', ['callUuid', 'connId']);
    if (cf) patch.callIdFormat = cf as RuntimeConfig['callIdFormat'];
    if (b.csrf !== undefined) patch.csrf = bool(b, 'csrf');
    core.updateConfig(patch);
    d.bayeux().applyConfig();
    return { config: { ...core.config } };
  });
  r.add('GET', '/sim/scenarios', () => ({
    scenarios: d.scenarios.list(),
    running: d.scenarios.running,
  }));
  r.add('POST', '/sim/scenarios/stop', () => ({ stopped: d.scenarios.stopAll() }));
  r.add('POST', '/sim/scenarios/:name/run', (b, p) => {
    const speed = b.speed;
    if (speed !== undefined && (typeof speed !== 'number' || !(speed > 0) || speed > 1000)) {
      throw new GwsError(OUT_OF_RANGE, "Parameter 'speed' must be a positive number");
    }
    return d.scenarios.run(p.name ?? '', {
      agent: optionalString(b, 'agent'),
      speed: speed as number | undefined,
    });
  });
  r.add('POST', '/sim/reset', () => d.reset());
  return r;
}

export async function handleControl(
  d: ControlDeps,
  router: Router<Handler>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  const mode = 'mapped';
  let reply: Reply;
  let events: ReturnType<SimCore['notify']['capture']>['events'] = [];
  let after: (() => void) | undefined;
  try {
    const text = await readBody(req, d.core.options.bodyTimeoutMs);
    checkControlRequest(req, d.core.baseUrl, text);
    const body = method === 'GET' || method === 'DELETE' ? {} : parseJsonObject(text);
    if (method === 'POST' && path === '/sim/faults/restart') {
      after = () => void d.restart();
      reply = {
        httpStatus: 200,
        body: { statusCode: 0, downMs: 300 },
        headers: { Connection: 'close' },
      };
    } else {
      const match = router.match(method, path);
      if (!match) throw new GwsError(NOT_FOUND, `No control endpoint ${method} ${path}`);
      if ('allowed' in match)
        throw new GwsError(NOT_FOUND, `Use ${match.allowed.join(', ')} for ${path}`);
      const captured = d.core.notify.capture(() =>
        match.handler(body, match.params, url.searchParams),
      );
      events = captured.events;
      reply = { httpStatus: 200, body: { statusCode: 0, ...(captured.result ?? {}) } };
    }
  } catch (e) {
    if (!(e instanceof GwsError))
      d.core.log(`control error ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
    reply = replyForError(e, mode);
  }
  send(res, reply, () =>
    setImmediate(() => {
      d.core.notify.dispatch(events);
      after?.();
    }),
  );
}
