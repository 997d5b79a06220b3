/**
 * Operation routes (gws-api.md §3): every POST names its operation in `operationName`.
 * Unknown operation names answer statusCode 1 (an invalid value of a required parameter; it is
 * never valid in any state, so 2 would mislead).
 */
import { GwsError, INVALID_STATE, MISSING, NO_PERMISSION, NOT_FOUND } from '../gws-error.ts';
import { Router } from '../../http-kit/router.ts';
import type { Agent } from '../model/agents.ts';
import { dial } from '../ops/call-ops.ts';
import { requireOwnDevice } from '../ops/device-ops.ts';
import { isAgentStateOperation, setAgentState } from '../ops/agent-state-ops.ts';
import { requireCallView, type OpContext, type OpHandler } from '../ops/op-context.ts';
import { callOperation, deviceOperation, performCallOperation } from '../ops/perform.ts';
import { endContactCenterSession, startContactCenterSession } from '../ops/session-ops.ts';
import type { RestHandler, RestRequest } from './rest-request.ts';

const MEDIA_CHANNELS = new Set([
  'chat',
  'email',
  'workitem',
  'twitter',
  'im',
  'facebook',
  'sms',
  'openmedia',
]);

function operationName(r: RestRequest): string {
  const op = r.body.operationName;
  if (op === undefined || op === null || op === '')
    throw new GwsError(MISSING, "Missing required parameter 'operationName'");
  if (typeof op !== 'string')
    throw new GwsError(MISSING, "Parameter 'operationName' must be a string");
  r.operationName = op;
  return op;
}

function unknownOperation(op: string, where: string): GwsError {
  return new GwsError(MISSING, `Unsupported operationName '${op}' for ${where}`);
}

function opContext(r: RestRequest, op: string, agent: Agent = r.agent): OpContext {
  return { core: r.core, agent, body: r.body, operationName: op, after: r.after };
}

function run(handler: OpHandler, ctx: OpContext): Record<string, unknown> {
  return handler(ctx) ?? {};
}

const postMe: RestHandler = (r) => {
  const op = operationName(r);
  const ctx = opContext(r, op);
  if (op === 'StartContactCenterSession') return run(startContactCenterSession, ctx);
  if (op === 'EndContactCenterSession') return run(endContactCenterSession, ctx);
  if (isAgentStateOperation(op)) return run(setAgentState, ctx);
  throw unknownOperation(op, '/me');
};

function channelState(r: RestRequest, target: Agent): Record<string, unknown> {
  const op = operationName(r);
  const ch = r.params.ch ?? '';
  if (ch !== 'voice') {
    if (MEDIA_CHANNELS.has(ch))
      throw new GwsError(INVALID_STATE, `Channel ${ch} is not in the contact-center session`);
    throw new GwsError(NOT_FOUND, `Channel ${ch} not found`);
  }
  if (!isAgentStateOperation(op)) throw unknownOperation(op, `/channels/${ch}`);
  setAgentState(opContext(r, op), target);
  return {};
}

const postChannel: RestHandler = (r) => channelState(r, r.agent);

/** Supervisor agent control (feature api-supervisor-agent-control). */
const postUserChannel: RestHandler = (r) => {
  if (!r.agent.supervisor)
    throw new GwsError(NO_PERMISSION, 'The user lacks the api-supervisor-agent-control feature');
  const target = r.core.agents.byUserId(r.params.userId ?? '');
  if (!target) throw new GwsError(NOT_FOUND, `User ${r.params.userId} not found`);
  return channelState(r, target);
};

const postDevice: RestHandler = (r) => {
  const op = operationName(r);
  const handler = deviceOperation(op);
  if (!handler) throw unknownOperation(op, '/devices/{id}');
  const ctx = opContext(r, op);
  requireOwnDevice(ctx, r.params.id ?? '');
  return run(handler, ctx);
};

const postDeviceCalls: RestHandler = (r) => {
  const op = operationName(r);
  if (op !== 'Dial') throw unknownOperation(op, '/devices/{id}/calls');
  const ctx = opContext(r, op);
  requireOwnDevice(ctx, r.params.id ?? '');
  dial(ctx);
  return {};
};

const postCall: RestHandler = (r) => {
  const op = operationName(r);
  if (!callOperation(op)) throw unknownOperation(op, '/calls/{id}');
  const ctx = opContext(r, op);
  performCallOperation(ctx, requireCallView(ctx, r.params.id ?? ''));
  return {};
};

export function postRoutes(router = new Router<RestHandler>()): Router<RestHandler> {
  return router
    .add('POST', '/api/v2/me', postMe)
    .add('POST', '/api/v2/me/channels/:ch', postChannel)
    .add('POST', '/api/v2/me/devices/:id', postDevice)
    .add('POST', '/api/v2/me/devices/:id/calls', postDeviceCalls)
    .add('POST', '/api/v2/me/calls/:id', postCall)
    .add('POST', '/api/v2/users/:userId/channels/:ch', postUserChannel);
}
