/**
 * Agent state: Ready / NotReady / AfterCallWork / AuxWork and the custom states of the
 * catalogue, on `/me/channels/voice`, on `/me` (public code does it) and, for supervisors, on
 * `/users/{id}/channels/voice` (gws-api.md §4.2).
 */
import { GwsError, MISSING, OUT_OF_RANGE } from '../gws-error.ts';
import { findAgentState, toUserState } from '../model/agent-states.ts';
import type { Agent } from '../model/agents.ts';
import { requireSession, requireVoiceUp, type OpContext } from './op-context.ts';
import { optionalOneOf, optionalString } from './params.ts';

export function isAgentStateOperation(operationName: string): boolean {
  return findAgentState(operationName) !== undefined;
}

export function setAgentState(ctx: OpContext, target: Agent = ctx.agent): void {
  const def = findAgentState(ctx.operationName);
  if (!def) throw new GwsError(MISSING, `Unknown agent state operation ${ctx.operationName}`);
  const workmode =
    def.operationName === 'Ready'
      ? optionalOneOf(ctx.body, 'workmode', ['ManualIn', 'AutoIn'])
      : undefined;
  const wrapUpTime = optionalString(ctx.body, 'wrapUpTime');
  if (wrapUpTime !== undefined && !/^\d+$/.test(wrapUpTime)) {
    throw new GwsError(OUT_OF_RANGE, "Parameter 'wrapUpTime' must be a number of seconds");
  }
  requireSession(target);
  requireVoiceUp(ctx.core);
  target.userState = toUserState(def, workmode);
  ctx.core.notify.device(target);
  ctx.core.notify.channel(target);
}
