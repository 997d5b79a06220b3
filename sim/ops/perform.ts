/**
 * Performing an operation, the one path REST requests and scenario steps share: which handler
 * an operation name means, and the checks before it (parameters, contact-center session, voice
 * service, capability), in the order GWS applies them.
 */
import { isAgentStateOperation } from './agent-state-ops.ts';
import { CALL_OPS, CALL_PARAM_CHECKS, type CallOpHandler } from './call-ops.ts';
import { DEVICE_OPS } from './device-ops.ts';
import {
  requireCallCapability,
  requireSession,
  requireVoiceUp,
  type OpContext,
  type OpHandler,
} from './op-context.ts';
import { TRANSFER_OPS } from './transfer-ops.ts';
import type { CallView } from '../model/call-model.ts';

export function callOperation(name: string): CallOpHandler | undefined {
  return CALL_OPS[name] ?? TRANSFER_OPS[name];
}

export function deviceOperation(name: string): OpHandler | undefined {
  return DEVICE_OPS[name];
}

/** Every operation name a call, a device or the voice channel accepts (scenario validation). */
export function isKnownOperation(name: string): boolean {
  return (
    name === 'Dial' ||
    callOperation(name) !== undefined ||
    deviceOperation(name) !== undefined ||
    isAgentStateOperation(name)
  );
}

/** A call operation on `view`; throws the GwsError a REST request would get. */
export function performCallOperation(ctx: OpContext, view: CallView): void {
  const handler = callOperation(ctx.operationName);
  if (!handler) throw new Error(`not a call operation: ${ctx.operationName}`);
  CALL_PARAM_CHECKS[ctx.operationName]?.(ctx);
  requireSession(ctx.agent);
  requireVoiceUp(ctx.core);
  requireCallCapability(ctx, view);
  handler(ctx, view);
}
