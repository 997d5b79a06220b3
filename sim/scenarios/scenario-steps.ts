/**
 * Scenario steps performed by a simulated agent: `login` (a desktop logs in and optionally
 * sets a state) and `agent-op` (any call or device operation, performed by ops/perform.ts like
 * a REST request).
 */
import type { SimCore } from '../core.ts';
import { GwsError, NOT_FOUND } from '../gws-error.ts';
import { NOT_READY, toUserState } from '../model/agent-states.ts';
import { dial } from '../ops/call-ops.ts';
import type { OpContext } from '../ops/op-context.ts';
import { setAgentState } from '../ops/agent-state-ops.ts';
import { callOperation, deviceOperation, performCallOperation } from '../ops/perform.ts';

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
  const device = deviceOperation(op);
  if (op === 'Dial') dial(ctx);
  else if (device) device(ctx);
  else if (callOperation(op)) {
    const view = core.switch.findViews(step.call ?? '').find((v) => v.agent === agent);
    if (!view) throw new GwsError(NOT_FOUND, `${agent.userName} has no call ${step.call}`);
    performCallOperation(ctx, view);
  } else setAgentState(ctx);
  const created = agent.calls.find((v) => !before.has(v));
  if (created && step.label) created.call.labels.add(step.label);
}
