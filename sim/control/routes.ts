/**
 * The control API under /sim (no authentication, see http/control-guard.ts for what keeps web
 * pages out): truth, request log, call injection, remote parties, raw publishing, faults (from
 * the table in faults.ts), configuration, scenarios and reset. Documented in sim/README.md.
 */
import type { Bayeux } from '../bayeux.ts';
import type { RuntimeConfig } from '../config.ts';
import type { SimCore } from '../core.ts';
import { faultEndpoints, type ActionOutcome } from '../faults.ts';
import { GwsError, MISSING, NOT_FOUND, OUT_OF_RANGE } from '../gws-error.ts';
import { Router, type Params } from '../../http-kit/router.ts';
import { optionalOneOf, optionalString, requireString } from '../ops/params.ts';
import type { ScenarioRunner } from '../scenarios/runner.ts';
import { bool, optionalMs, type Body } from './params.ts';
import { createSimCall, remoteAction } from './sim-calls.ts';
import { simState } from './sim-state.ts';

export interface ControlDeps {
  core: SimCore;
  bayeux(): Bayeux;
  scenarios: ScenarioRunner;
  restart(): Promise<void>;
  reset(): void;
}

/** What a handler may add to its answer besides the body. */
export interface ReplyExtras {
  headers: Record<string, string>;
  /** Runs once the answer is on the wire. */
  after?: () => void;
}

export type ControlHandler = (
  body: Body,
  params: Params,
  query: URLSearchParams,
  extras: ReplyExtras,
) => Body | void;

function answerOutcome(outcome: ActionOutcome, extras: ReplyExtras): Body | undefined {
  Object.assign(extras.headers, outcome.headers);
  extras.after = outcome.after;
  return outcome.result;
}

export function controlRouter(d: ControlDeps): Router<ControlHandler> {
  const { core } = d;
  const r = new Router<ControlHandler>();
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
  for (const f of faultEndpoints())
    r.add(f.method, f.path, (b, _p, _q, extras) => answerOutcome(f.handle(d, b), extras));
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
    if (b.strict !== undefined) patch.strict = bool(b, 'strict');
    if (b.voiceChannelMessages !== undefined)
      patch.voiceChannelMessages = bool(b, 'voiceChannelMessages');
    if (b.agentsListUsers !== undefined) patch.agentsListUsers = bool(b, 'agentsListUsers');
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
