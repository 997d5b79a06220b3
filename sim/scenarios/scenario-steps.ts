/**
 * Scenario steps performed by a simulated agent: `login` (a desktop logs in and optionally
 * sets a state) and `agent-op` (any call or device operation, checked exactly like a REST
 * request would be).
 */
import type { SimCore } from '../core.ts';
import { GwsError, NOT_FOUND } from '../gws-error.ts';
import { NOT_READY, toUserState } from '../model/agent-states.ts';
import { setAgentState } from '../ops/agent-state-ops.ts';
import { CALL_OPS, CALL_PARAM_CHECKS, dial } from '../ops/call-ops.ts';
import { DEVICE_OPS } from '../ops/device-ops.ts';
import { requireCallCapability, requireSession, type OpContext } from '../ops/op-context.ts';
import { TRANSFER_OPS } from '../ops/transfer-ops.ts';

export interface AgentStep {
  agent?: string;
  call?: string;
  label?: string;
  operationName?: string;
  destination?: string;
  params?: Record<string, unknown>;
  userData?: Record<string, unknown>;
  delayMs?: number;
  action: string;
}

export function executeAgentStep(core: SimCore, step: AgentStep): void {
  const agent = core.agents.byNameOrDn(step.agent ?? '');
  if (!agent) throw new GwsError(NOT_FOUND, `No agent ${step.agent}`);
  const op = step.operationName ?? '';
  const body: Record<string, unknown> = { ...step.params, operationName: op };
  if (step.destination) body.destination = { phoneNumber: step.destination };
  if (step.userData) body.userData = step.userData;
  const ctx: OpContext = { core, agent, body, operationName: op, after: (fn) => setImmediate(fn) };
  if (step.action === 'login') {
    const fresh = !agent.switchLoggedIn;
    agent.switchLoggedIn = true;
    agent.contactCenterSession = true;
    if (fresh) agent.userState = toUserState(NOT_READY);
    if (op) setAgentState(ctx);
    else {
      core.notify.device(agent);
      core.notify.channel(agent);
    }
    return;
  }
  const before = new Set(agent.calls);
  if (op === 'Dial') dial(ctx);
  else if (DEVICE_OPS[op]) DEVICE_OPS[op](ctx);
  else {
    const handler = CALL_OPS[op] ?? TRANSFER_OPS[op];
    if (!handler) {
      setAgentState(ctx);
      return;
    }
    const view = core.switch.findViews(step.call ?? '').find((v) => v.agent === agent);
    if (!view) throw new GwsError(NOT_FOUND, `${agent.userName} has no call ${step.call}`);
    CALL_PARAM_CHECKS[op]?.(ctx);
    requireSession(agent);
    requireCallCapability(ctx, view);
    handler(ctx, view);
  }
  const created = agent.calls.find((v) => !before.has(v));
  if (created && step.label) created.call.labels.add(step.label);
}
