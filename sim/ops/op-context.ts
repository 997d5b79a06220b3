/** What an operation handler gets, and the checks every voice operation shares. */
import type { SimCore } from '../core.ts';
import { GwsError, INVALID_STATE, INTERNAL, NOT_FOUND } from '../gws-error.ts';
import type { Agent } from '../model/agents.ts';
import { callCapabilities } from '../model/capabilities.ts';
import type { CallView } from '../model/call-model.ts';

export interface OpContext {
  core: SimCore;
  agent: Agent;
  body: Record<string, unknown>;
  operationName: string;
  /** Runs after the HTTP answer and its notifications went out. */
  after(fn: () => void): void;
}

/** A handler may return a custom body (e.g. partial success); default `{statusCode:0}`. */
export type OpHandler = (ctx: OpContext) => Record<string, unknown> | void;

export function requireVoiceUp(core: SimCore): void {
  if (core.faults.voiceDown) {
    throw new GwsError(INTERNAL, 'Voice service is not available at this time', 503);
  }
}

export function requireSession(agent: Agent): void {
  if (!agent.contactCenterSession) {
    throw new GwsError(
      INVALID_STATE,
      'The user has no contact-center session on voice: send StartContactCenterSession first',
    );
  }
}

export function requireCallView(ctx: OpContext, callId: string): CallView {
  const view = ctx.core.switch.findView(ctx.agent, callId);
  if (!view) throw new GwsError(NOT_FOUND, `Call ${callId} not found`);
  return view;
}

export function requireCallCapability(ctx: OpContext, view: CallView): void {
  if (!callCapabilities(view).includes(ctx.operationName)) {
    throw new GwsError(
      INVALID_STATE,
      `Operation ${ctx.operationName} is not valid for call ${ctx.core.render.callId(view)} in state ${view.state}`,
    );
  }
}

/** The id at the end of a call or device URI (or the id itself). */
export function idFromUri(uri: string): string {
  const clean = uri.split(/[?#]/)[0] ?? '';
  const parts = clean.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
}
